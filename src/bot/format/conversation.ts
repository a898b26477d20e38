import type { ConversationReply } from "../../converse/conversation.js";
import {
  type AnswerLookup,
  ARTICLE_CALLBACK_PREFIX,
  type CitationButton,
  type RenderedAnswer,
  renderAnswer,
} from "./answer.js";
import { escapeHtml } from "./html.js";
import { packBlocks } from "./split.js";

/** Callback-data prefix of the "下一页"/"上一页" buttons of a list; the 0-based page follows. */
export const PAGE_CALLBACK_PREFIX = "page:";

/**
 * Renders a conversation reply in Telegram HTML. A browse list is its
 * numbered lines (each already names its article and carries its [n]) with
 * one "📄 n" button per line and "◀ 上一页" / "下一页 ▶" buttons; everything
 * else renders as an answer, with its source list and "📄 原文 n" buttons.
 */
export function renderConversationReply(reply: ConversationReply, lookup: AnswerLookup = {}): RenderedAnswer {
  if (reply.kind !== "browse" || !reply.found || !reply.page) return renderAnswer(reply, lookup);
  const buttons: CitationButton[] = reply.citations.map((c) => ({
    text: `📄 ${c.n}`,
    data: `${ARTICLE_CALLBACK_PREFIX}${c.articleId}`,
  }));
  const { page, pages } = reply.page;
  if (page > 0) buttons.push({ text: "◀ 上一页", data: `${PAGE_CALLBACK_PREFIX}${page - 1}` });
  if (page + 1 < pages) buttons.push({ text: "下一页 ▶", data: `${PAGE_CALLBACK_PREFIX}${page + 1}` });
  return { messages: packBlocks([escapeHtml(reply.answer)]), buttons };
}
