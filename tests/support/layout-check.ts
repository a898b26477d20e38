import fs from "node:fs";
import readline from "node:readline";
import { CORPUS } from "../../bench/corpus.js";
import { checkPage, type PageCheck, type ParseScore, sumScores } from "../../src/ingest/eval.js";
import { parsePage } from "../../src/ingest/parse-page.js";
import { LAYOUTS, type LayoutArticle, renderPage } from "./layouts.js";

export { CORPUS };

/** A corpus item chosen for the layout check. */
export type CorpusArticle = LayoutArticle & { id: string };

/**
 * Every 41st corpus item of a usable length (150–1500 characters, one
 * article: no sub-headings, no title seen before), its dateline cut off, at
 * most four paragraphs; up to `n` items.
 */
export async function pickCorpusArticles(n: number, file = CORPUS): Promise<CorpusArticle[]> {
  const out: CorpusArticle[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(file) });
  let k = 0;
  for await (const line of rl) {
    if (k++ % 41 !== 0) continue;
    const it = JSON.parse(line) as { id: string; title: string; text: string };
    const paras = it.text
      .replace(/^央视网消息（新闻联播）：/, "")
      .split("\n")
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, 4);
    const len = paras.join("").length;
    // Round-ups ("国内联播快讯") carry sub-headings of their own: not one article.
    const oneArticle = paras.every((p) => p.length >= 20 && /[。！？”」）)]$/.test(p));
    // The same daily report ("…通报最新疫情") twice on a page would look merged.
    const repeat = out.some((o) => o.title === it.title);
    if (len < 150 || len > 1500 || it.title.length > 40 || !oneArticle || repeat) continue;
    out.push({ id: it.id, title: it.title, paras });
    if (out.length >= n) break;
  }
  rl.close();
  return out;
}

/** Held out of tuning: items whose id ends in 0, 3 or 7 (the dev set's rule). */
export const isHeldOut = (id: string): boolean => /[037]$/.test(id);

/** Scores of one layout: tuned and held-out items, with the page checks. */
export interface LayoutScore {
  layout: string;
  tune: ParseScore;
  held: ParseScore;
  pages: { part: "tune" | "held"; ids: string[]; text: string; check: PageCheck }[];
}

/** Lays `arts` out five to a page in every layout, parses the pages and scores them. */
export function checkLayouts(arts: CorpusArticle[]): LayoutScore[] {
  return Object.keys(LAYOUTS).map((layout) => {
    const pages: LayoutScore["pages"] = [];
    for (const part of ["tune", "held"] as const) {
      const mine = arts.filter((a) => isHeldOut(a.id) === (part === "held"));
      for (let i = 0; i < mine.length; i += 5) {
        const group = mine.slice(i, i + 5);
        const page = renderPage(layout, group, { seed: i + 1 });
        const check = checkPage(`${layout}-${part}-${i}`, parsePage(page.text), page.expected, part === "held");
        pages.push({ part, ids: group.map((g) => g.id), text: page.text, check });
      }
    }
    const sum = (part: "tune" | "held") => sumScores(pages.filter((p) => p.part === part).map((p) => p.check.score));
    return { layout, tune: sum("tune"), held: sum("held"), pages };
  });
}
