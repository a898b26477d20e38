/**
 * Cut-up pages (001, 002) print a headline whose body is not under it, and
 * the tail of that body under another headline. This moves such a tail back
 * when the evidence is strong: the run of last paragraphs of an article
 * that never mention what its own headline is about, starting with a
 * paragraph that names at least three things only the body-less headline
 * names ("精准帮扶", "重点项目", "服务保障" under "卫东区十届人大七次会议举行").
 */

/** Generic two-character words of meeting news: no evidence of what an article is about. */
const GENERIC = new Set(
  "工作 会议 推进 发展 建设 召开 开展 全区 全市 全县 领导 加强 部署 要求 重点 进一 一步 单位 部门 举行 活动 区委 市委 县委 政府".split(
    " ",
  ),
);

function bigrams(text: string): Set<string> {
  const s = text.replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function hits(para: string, words: Set<string>): number {
  let n = 0;
  for (const w of words) if (para.includes(w)) n++;
  return n;
}

/** An article as far as fragment moving is concerned. */
export interface FragmentHost {
  headline: string;
  paras: string[];
}

/** Minimum distinct headline words a paragraph must name to start a moved tail. */
const MIN_EVIDENCE = 3;

/**
 * Moves tails of articles to body-less headlines of the same page (in
 * place), where the evidence is strong; see the module comment. An article
 * always keeps its first paragraph. Returns how many paragraphs moved.
 */
export function reattachFragments(articles: FragmentHost[]): number {
  let moved = 0;
  for (const receiver of articles) {
    if (receiver.paras.length > 0) continue;
    const own = bigrams(receiver.headline);
    let best: { host: FragmentHost; from: number; score: number } | null = null;
    for (const host of articles) {
      if (host === receiver || host.paras.length < 2) continue;
      const hostWords = bigrams(host.headline);
      const theirs = new Set([...own].filter((w) => !hostWords.has(w) && !GENERIC.has(w)));
      const hostOnly = new Set([...hostWords].filter((w) => !own.has(w) && !GENERIC.has(w)));
      // The tail that never mentions the host's own subject…
      let tail = host.paras.length;
      while (tail > 1 && hits(host.paras[tail - 1] as string, hostOnly) === 0) tail--;
      // …from its first paragraph that clearly speaks of the receiver's.
      const from = host.paras.findIndex((p, i) => i >= tail && hits(p, theirs) >= MIN_EVIDENCE);
      if (from < 1) continue;
      const score = host.paras.slice(from).reduce((n, p) => n + hits(p, theirs), 0);
      if (!best || score > best.score) best = { host, from, score };
    }
    if (best) {
      receiver.paras = best.host.paras.splice(best.from);
      moved += receiver.paras.length;
    }
  }
  return moved;
}
