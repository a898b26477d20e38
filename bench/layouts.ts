/**
 * Layout stress check: real news items nobody tuned the parser on
 * (../shared/corpus/news-xwlb.jsonl), laid out in the layouts of county
 * papers (tests/support/layouts.ts: clean, narrow columns, headline after
 * the body, both orders mixed, "# " headings) five to a page, parsed, and
 * scored like `eval-parse` (found, whole titles, not merged, extra pieces).
 * Items are split by id into a tuning part and a held-out part (ids ending
 * in 0, 3, 7); `--verbose` lists the tuning part's problems only, `--show ID`
 * prints the tuning page holding that item and what the parser made of it.
 *
 *   npx tsx bench/layouts.ts [--items 200] [--verbose] [--show ID [--layout NAME]]
 */
import fs from "node:fs";
import { formatScore, type ParseScore } from "../src/ingest/eval.js";
import { parsePage } from "../src/ingest/parse-page.js";
import { CORPUS, checkLayouts, isHeldOut, pickCorpusArticles } from "../tests/support/layout-check.js";

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const items = Number(opt("--items")) || 200;
const verbose = args.includes("--verbose");
const show = opt("--show");
const only = opt("--layout");

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) throw new Error(`${CORPUS} not found: this check needs the shared corpus`);
  const arts = await pickCorpusArticles(items);
  console.log(`${arts.length} items (${arts.filter((a) => isHeldOut(a.id)).length} held out), 5 per page`);
  const fmt = (s: ParseScore) => formatScore(s).replace(/ · districts.*wrong years \d+/, "");
  for (const r of checkLayouts(arts)) {
    if (only && r.layout !== only) continue;
    for (const p of r.pages.filter((x) => x.part === "tune")) {
      if (show && p.ids.includes(show)) {
        console.log(p.text);
        for (const a of parsePage(p.text))
          console.log(`→ ${a.title}${a.titleDerived ? " (derived)" : ""} | ${a.text.slice(0, 40)}`);
      }
      if (!verbose) continue;
      p.check.articles.forEach((a, i) => {
        const problems = a.problems.filter((x) => !/^district|^date/.test(x));
        if (problems.length) console.log(`  ${r.layout} ${p.ids[i]}: ${problems.join("; ")}`);
      });
    }
    console.log(`${r.layout.padEnd(10)} tune: ${fmt(r.tune)}`);
    console.log(`${"".padEnd(10)} held: ${fmt(r.held)}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
