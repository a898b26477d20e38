/**
 * Character bigrams of titles for the FTS5 title index. FTS5's unicode61
 * tokenizer splits on white space and punctuation and would keep a run of
 * Chinese characters as one token, so the store indexes each title as the
 * space-separated list of its overlapping two-character grams: "陕州区会" →
 * "陕州 州区 区会 会_". A fragment is then found as the FTS5 phrase of its own
 * bigrams (consecutive tokens = a substring), which works for fragments of
 * two or more characters, where the trigram tokenizer needs three. A
 * one-character fragment is a prefix query; the last character gets a
 * closing gram with `_` so that it starts a gram too.
 */

/** What a character becomes inside a gram: letters and digits lower-cased, anything else "x". */
function gramChar(ch: string): string {
  return /[\p{L}\p{N}]/u.test(ch) ? ch.toLowerCase() : "x";
}

/** The characters of `text`, by code point. */
function chars(text: string): string[] {
  return [...text.normalize("NFC")].map(gramChar);
}

/** The indexed form of `title`: its overlapping bigrams, then the last character with "x". */
export function titleGrams(title: string): string {
  const c = chars(title);
  const grams: string[] = [];
  for (let i = 0; i < c.length; i++) grams.push(`${c[i]}${c[i + 1] ?? "x"}`);
  return grams.join(" ");
}

/**
 * The FTS5 query (for the grams column) that matches every title containing
 * `fragment`, possibly with a few more (non-letters all read "x"), which the
 * caller checks away. Undefined for an empty fragment.
 */
export function titleQuery(fragment: string): string | undefined {
  const c = chars(fragment);
  if (c.length === 0) return undefined;
  if (c.length === 1) return `"${c[0]}"*`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < c.length; i++) grams.push(`${c[i]}${c[i + 1]}`);
  return `"${grams.join(" ")}"`;
}
