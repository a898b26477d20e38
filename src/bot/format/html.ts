/**
 * Escapes text for Telegram's HTML parse mode: `&`, `<` and `>` become
 * entities. Everything that comes from the news or from a user goes through
 * this before it is put into a message, so a title such as `<b>` or a
 * question containing `</a>` is shown as typed and never breaks the markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Turns a message written in Telegram HTML back into plain text: tags are
 * dropped and the entities `escapeHtml` produces are decoded. Used by the
 * terminal chat, which prints what Telegram would render (a quote as
 * "  ❝ …").
 */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<blockquote[^>]*>/g, "  ❝ ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
