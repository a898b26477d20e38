/**
 * Parse time per page: median and p90 milliseconds of `parsePage` over the
 * sample bulletins, `../shared/corpus/bulletins-extra` and the local-dev pages
 * (each page parsed 5 times, after one warm-up pass). `--src DIR` times the
 * parser of another checkout (e.g. one made with `git worktree add`), so a
 * change can be compared with its base: `tsx bench/parse-speed.ts --src /tmp/base/src`.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const srcAt = args.indexOf("--src");
const src = path.resolve(srcAt >= 0 ? (args[srcAt + 1] as string) : path.join(import.meta.dirname, "../src"));
const { parsePage } = (await import(pathToFileURL(path.join(src, "ingest/parse-page.ts")).href)) as {
  parsePage: (text: string, opts?: { source?: string }) => unknown[];
};

const dirs = ["data/bulletins", "../shared/corpus/bulletins-extra", "../shared/eval/local-dev/pages"];
const pages: { name: string; text: string }[] = [];
for (const d of dirs) {
  const dir = path.resolve(import.meta.dirname, "..", d);
  if (!fs.existsSync(dir)) continue;
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    pages.push({ name: f, text: fs.readFileSync(path.join(dir, f), "utf8") });
  }
}
for (const p of pages) parsePage(p.text, { source: p.name });
const times: number[] = [];
for (const p of pages) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    parsePage(p.text, { source: p.name });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  times.push(runs[2] as number);
}
times.sort((a, b) => a - b);
const q = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))] ?? 0;
console.log(JSON.stringify({ src, pages: pages.length, medianMs: +q(0.5).toFixed(2), p90Ms: +q(0.9).toFixed(2) }));
