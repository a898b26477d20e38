/**
 * Layout stress check: real news items nobody tuned the parser on
 * (../shared/corpus/news-xwlb.jsonl), laid out in the layouts of county
 * papers (tests/support/layouts.ts: clean, narrow columns, headline after
 * the body, "# " headings) five to a page, parsed, and scored like
 * `eval-parse` (found, whole titles, not merged, extra pieces). Items are
 * split by id into a tuning half and a held-out half; `--verbose` lists
 * the tuning half's problems only.
 *
 *   npx tsx bench/layouts.ts [--items 200] [--verbose]
 */
import fs from "node:fs";
import readline from "node:readline";
import { checkPage, formatScore, type ParseScore, sumScores } from "../src/ingest/eval.js";
import { parsePage } from "../src/ingest/parse-page.js";
import { LAYOUTS, type LayoutArticle, renderPage } from "../tests/support/layouts.js";

const CORPUS = "../shared/corpus/news-xwlb.jsonl";
const args = process.argv.slice(2);
const items = Number(args[args.indexOf("--items") + 1] ?? 0) || 200;
const verbose = args.includes("--verbose");
/** `--show ID`: print the page holding that item, and what the parser made of it. */
const show = args.includes("--show") ? args[args.indexOf("--show") + 1] : undefined;

interface Item {
  id: string;
  title: string;
  text: string;
}

/** Every `step`-th item of a usable length, its dateline cut off, at most four paragraphs. */
async function pick(n: number): Promise<(LayoutArticle & { id: string })[]> {
  const out: (LayoutArticle & { id: string })[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(CORPUS) });
  let k = 0;
  for await (const line of rl) {
    if (k++ % 41 !== 0) continue;
    const it = JSON.parse(line) as Item;
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

/** Held out: items whose id's last digit is 0, 3 or 7 (the dev set's rule). */
const heldOut = (id: string) => /[037]$/.test(id);

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) throw new Error(`${CORPUS} not found: this check needs the shared corpus`);
  const all = await pick(items);
  console.log(`${all.length} items (${all.filter((a) => heldOut(a.id)).length} held out), 5 per page`);
  for (const layout of Object.keys(LAYOUTS)) {
    const scores: Record<"tune" | "held", ParseScore[]> = { tune: [], held: [] };
    for (const part of ["tune", "held"] as const) {
      const arts = all.filter((a) => heldOut(a.id) === (part === "held"));
      for (let i = 0; i < arts.length; i += 5) {
        const group = arts.slice(i, i + 5);
        const page = renderPage(layout, group, { seed: i + 1 });
        const parsed = parsePage(page.text);
        const check = checkPage(`${layout}-${i}`, parsed, page.expected, part === "held");
        if (
          show &&
          part === "tune" &&
          group.some((g) => g.id === show) &&
          (!args.includes("--layout") || args.includes(layout))
        ) {
          console.log(page.text);
          for (const a of parsed)
            console.log(`→ ${a.title}${a.titleDerived ? " (derived)" : ""} | ${a.text.slice(0, 40)}`);
        }
        scores[part].push(check.score);
        if (verbose && part === "tune")
          for (const a of check.articles) {
            const p = a.problems.filter((x) => !/^district|^date/.test(x));
            if (p.length) console.log(`  ${layout} ${group[check.articles.indexOf(a)]?.id}: ${p.join("; ")}`);
          }
      }
    }
    const fmt = (s: ParseScore) => formatScore(s).replace(/ · districts.*wrong years \d+/, "");
    console.log(`${layout.padEnd(10)} tune: ${fmt(sumScores(scores.tune))}`);
    console.log(`${"".padEnd(10)} held: ${fmt(sumScores(scores.held))}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
