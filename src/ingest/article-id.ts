import { createHash } from "node:crypto";

/**
 * The stable short id of an article: the first 8 hex characters of
 * sha1(`${source}\n${seq}\n${title}`). Re-ingesting the same page gives the
 * same ids, so `/article <id>` links and citations survive a re-ingest.
 * `taken(id)` reports ids already used by another article; on such a
 * (rare) collision the id is derived again with a counter appended.
 */
export function articleId(
  source: string,
  seq: number,
  title: string,
  taken: (id: string) => boolean = () => false,
): string {
  const base = `${source}\n${seq}\n${title}`;
  for (let n = 0; ; n++) {
    const id = createHash("sha1")
      .update(n === 0 ? base : `${base}\n${n}`)
      .digest("hex")
      .slice(0, 8);
    if (!taken(id)) return id;
  }
}
