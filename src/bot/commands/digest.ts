import { Composer, type Context } from "grammy";
import { looksLikePlace } from "../../digest/dates.js";
import type { BotDeps } from "../deps.js";
import {
  DIGEST_CALLBACK_PREFIX,
  digestKeyboard,
  districtPicker,
  PICKER_CALLBACK_PREFIX,
  renderDigest,
} from "../format/digest.js";
import { escapeHtml } from "../format/html.js";
import { replyHtml, threadTo, withTyping } from "../reply.js";
import { looksLikeDistrict, resolveDistrict } from "./district.js";

/**
 * What `/digest` arguments mean: the date as typed (resolved by the digest
 * layer's one resolver, so "3月27日" means the most recent 3月27日 with news)
 * and the district as typed (an unknown one is reported by the digest layer
 * with the nearest names), or a message explaining what is wrong.
 */
export type DigestArgs = { ok: true; date?: string; district?: string } | { ok: false; message: string };

/**
 * Parses `/digest [日期] [区县]` in either order: a known district, else a
 * date `parseDate` understands ("2020-03-28", "昨天", "3月27日"), else a
 * place word ("北京", "孟洲", "…区"; `looksLikePlace`) is taken as a
 * district (the digest layer says it is unknown and suggests the nearest
 * ones). A word that is neither gets the date error or the usage.
 */
export function parseDigestArgs(text: string, deps: BotDeps): DigestArgs {
  const known = deps.store
    .districts()
    .map((r) => r.district)
    .filter(Boolean);
  const now = deps.now?.() ?? new Date();
  let date: string | undefined;
  let district: string | undefined;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const d = resolveDistrict(token, known);
    if (d && !district) {
      district = d;
      continue;
    }
    const parsed = deps.digest.parseDate(token, now, deps.timezone);
    if (!date && parsed.ok) {
      date = token;
      continue;
    }
    if (!district && (looksLikeDistrict(token) || looksLikePlace(token, known))) {
      district = token;
      continue;
    }
    if (!date && !parsed.ok) return { ok: false, message: parsed.message };
    return {
      ok: false,
      message: `看不懂“${token}”。用法：/digest [日期] [区县]，例如 /digest 昨天 ${known[0] ?? ""}`.trim(),
    };
  }
  return { ok: true, date, district };
}

/**
 * Sends (or, for a button press on a one-message digest, edits in place) the
 * digest of `date` in `district`, with one button per article, ◀ 前一天 /
 * 后一天 ▶ and the district picker. A miss names the nearest days with news
 * as tappable `/digest` commands.
 */
async function showDigest(ctx: Context, deps: BotDeps, date?: string, district?: string): Promise<void> {
  const result = await withTyping(ctx, () => deps.digest.build({ date, district, now: deps.now?.() }));
  if (!result.ok) {
    const near = result.nearestDays.length
      ? `\n有新闻的相近日期：${result.nearestDays.map((d) => `/digest ${d}`).join("  ")}`
      : "";
    await ctx.reply(escapeHtml(result.message) + escapeHtml(near), { parse_mode: "HTML", ...threadTo(ctx) });
    return;
  }
  const digest = result.digest;
  const messages = renderDigest(digest);
  const keyboard = digestKeyboard(
    digest,
    deps.store.days(digest.district ?? undefined).map((d) => d.date),
  );
  if (ctx.callbackQuery?.message && messages.length === 1) {
    const edited = await ctx
      .editMessageText(messages[0] ?? "", {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_markup: keyboard,
      })
      .then(
        () => true,
        () => false,
      );
    if (edited) return;
  }
  await replyHtml(ctx, messages, keyboard);
}

/**
 * `/digest [日期] [区县]`: the digest of one day (default: the latest day
 * with news), and its buttons: `dg:<date>:<district>` (another day or
 * district) and `dp:<date>` (the district picker, shown in place of the
 * digest's buttons).
 */
export function digestCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("digest", async (ctx) => {
    const args = parseDigestArgs(ctx.match, deps);
    if (!args.ok) {
      await ctx.reply(args.message, threadTo(ctx));
      return;
    }
    await showDigest(ctx, deps, args.date, args.district);
  });
  c.callbackQuery(new RegExp(`^${DIGEST_CALLBACK_PREFIX}(\\d{4}-\\d{2}-\\d{2}):(.*)$`), async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    await showDigest(ctx, deps, ctx.match[1], ctx.match[2] || undefined);
  });
  c.callbackQuery(new RegExp(`^${PICKER_CALLBACK_PREFIX}(\\d{4}-\\d{2}-\\d{2})$`), async (ctx) => {
    await ctx.answerCallbackQuery({ text: "选择区县" }).catch(() => undefined);
    const known = deps.store
      .districts()
      .map((r) => r.district)
      .filter(Boolean);
    await ctx.editMessageReplyMarkup({ reply_markup: districtPicker(ctx.match[1] ?? "", known) });
  });
  return c;
}
