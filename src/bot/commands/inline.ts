import { createHash } from "node:crypto";
import { Composer, type Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { citationDate } from "../../answer/citations.js";
import type { BotDeps } from "../deps.js";
import { renderAnswer, shortAnswer } from "../format/answer.js";
import { escapeHtml } from "../format/html.js";
import { MAX_QUESTION_LENGTH } from "./ask.js";

/** Seconds Telegram may cache an inline answer (answers change only when news is ingested). */
const INLINE_CACHE_SECONDS = 60;

/**
 * Inline mode: `@bot 问题` typed in any chat. The question is answered as
 * in a chat and offered as one inline result — the question as title, the
 * short answer and its first source as description, and the full answer
 * (claims, quotes, sources) as the message that is shared when tapped. A
 * question the news does not answer gets a result saying so; a query of
 * fewer than three characters or an over-long one gets none.
 */
export function inlineCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.on("inline_query", async (ctx) => {
    const q = ctx.inlineQuery.query.trim();
    // A query is sent on every keystroke: one or two characters are not a question yet.
    if ([...q].length < 3 || q.length > MAX_QUESTION_LENGTH) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS });
      return;
    }
    const answer = await deps.answerer.ask(q);
    const header = `❓ ${escapeHtml(q)}\n\n`;
    // One message of at most 4096 characters, never cut inside a tag.
    const rendered = renderAnswer(answer, { dateTextOf: (id) => deps.store.get(id)?.dateText }, 4096 - header.length);
    const first = answer.citations[0];
    const source = first
      ? `《${first.title}》${[first.district, citationDate(first.date, deps.store.get(first.articleId)?.dateText)]
          .filter(Boolean)
          .join(" · ")}`
      : "";
    const result: InlineQueryResultArticle = {
      type: "article",
      id: createHash("sha256").update(q).digest("hex").slice(0, 32),
      title: q.length > 60 ? `${q.slice(0, 59)}…` : q,
      description: [shortAnswer(answer), source].filter(Boolean).join("\n"),
      input_message_content: {
        message_text: header + (rendered.messages[0] ?? ""),
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
    };
    await ctx.answerInlineQuery([result], { cache_time: INLINE_CACHE_SECONDS });
  });
  return c;
}
