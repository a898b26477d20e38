import { Composer, type Context } from "grammy";
import type { BotDeps } from "../deps.js";
import { ARTICLE_CALLBACK_PREFIX } from "../format/answer.js";
import { renderArticle } from "../format/article.js";
import { escapeHtml } from "../format/html.js";
import { replyHtml, threadTo } from "../reply.js";

/** Article ids are short hex strings; anything else is a typo. */
const ID_PATTERN = /^[0-9a-zA-Z_-]{1,64}$/;

/** Sends the full article `id` (split into ≤ 4096-char messages), or says it does not exist. */
export async function sendArticle(ctx: Context, deps: BotDeps, id: string): Promise<void> {
  const clean = id.trim();
  if (!clean) {
    await ctx.reply("请在 /article 后面写上文章编号，例如：/article 1a2b3c4d（编号见回答或摘要里）。", threadTo(ctx));
    return;
  }
  // Ids are stored in lower case; a phone may capitalise what the user types (D5539218).
  const article = ID_PATTERN.test(clean) ? (deps.store.get(clean.toLowerCase()) ?? deps.store.get(clean)) : undefined;
  if (!article) {
    await ctx.reply(`找不到编号为 <code>${escapeHtml(clean.slice(0, 64))}</code> 的文章，可能已被删除或编号有误。`, {
      parse_mode: "HTML",
      ...threadTo(ctx),
    });
    return;
  }
  await replyHtml(ctx, renderArticle(article));
}

/** The deep command that opens article `id` with one tap: `/a_c32ffacf`. */
export function articleDeepCommand(id: string): string {
  return `/a_${id}`;
}

/** A deep command as typed or tapped (`/a_c32ffacf`, `/A_C32FFACF@bot`): its id. */
const DEEP_COMMAND = /^\/a_([0-9a-zA-Z_-]{1,64})(?:@\w+)?\s*$/i;

/**
 * `/article <id>`, the one-tap deep commands `/a_<id>` (ids in any case),
 * and the "📄 原文 n" buttons (callback data `art:<id>`): the full source
 * article.
 */
export function articleCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("article", (ctx) => sendArticle(ctx, deps, ctx.match));
  c.hears(DEEP_COMMAND, (ctx) => sendArticle(ctx, deps, ctx.match[1] ?? ""));
  c.callbackQuery(new RegExp(`^${ARTICLE_CALLBACK_PREFIX}(.+)$`), async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    await sendArticle(ctx, deps, ctx.match[1] ?? "");
  });
  return c;
}
