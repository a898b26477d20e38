// `npm start` runs the compiled bot (dist/). This pre-start step compiles
// src/ with `npm run build` only when dist/ is missing or older than a source
// file or the build config, so a start after `git pull` or an edit never runs
// stale code and an unchanged tree starts at once (a walk of file times).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, "dist", ".tsbuildinfo");

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, name)));
  return m;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const sources = Math.max(
  newest(path.join(root, "src")),
  ...["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
);
if (sources > built) {
  process.stderr.write("compiling src/ to dist/ (npm run build)…\n");
  const r = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // tsc leaves .tsbuildinfo untouched when nothing changed: mark the build as current.
  const now = new Date();
  fs.utimesSync(stamp, now, now);
}
