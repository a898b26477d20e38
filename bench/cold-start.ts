// Cold start of a CLI `ask` on the sample bulletins, TypeScript through tsx (before) vs the compiled dist/
// (after), alternating, `BENCH_COLD_RUNS` (default 5) runs each: `tsx bench/cold-start.ts` prints one JSON line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./io.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const QUESTION = "解放区大气污染防治攻坚工作推进会由谁主持？";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cold-"));
const env = { ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models"), LOG_LEVEL: "silent" };
const run = (args: string[]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { ms: performance.now() - t, out: r.stdout };
};
try {
  if (spawnSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" }).status !== 0)
    throw new Error("build failed");
  run(["dist/cli/main.js", "ingest", "data/bulletins"]);
  const tsx = ["--import", "tsx", "src/cli/main.ts", "ask", QUESTION];
  const js = ["dist/cli/main.js", "ask", QUESTION];
  const a: number[] = [];
  const b: number[] = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    const x = run(tsx);
    const y = run(js);
    a.push(x.ms);
    b.push(y.ms);
    same &&= x.out === y.out;
  }
  process.stdout.write(
    `${JSON.stringify({ runs: RUNS, tsxMedianMs: median(a), distMedianMs: median(b), sameAnswer: same })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
