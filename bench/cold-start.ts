// Cold start, TypeScript through tsx (before) vs the compiled dist/ (after), alternating, `BENCH_COLD_RUNS`
// (default 5) runs each: a whole CLI `ask` on the sample bulletins, and the bot's time to first reply — `npm start`
// vs `npm run dev` spawned against the Bot API emulator (telegram-test-api on loopback, tests/bot/emulator.ts),
// one user message sent at spawn, timed until the bot's reply arrives. `tsx bench/cold-start.ts` prints one JSON line.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Emulator, plain } from "../tests/bot/emulator.js";
import { median } from "./io.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const QUESTION = "解放区大气污染防治攻坚工作推进会由谁主持？";
const TOKEN = "123456789:AAE2eColdStartBenchToken_never_real_x";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cold-"));
const env = { ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models"), LOG_LEVEL: "silent" };
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");
const run = (args: string[]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { ms: performance.now() - t, out: r.stdout };
};

/** Whether any process of group `pgid` is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a bot spawned with `detached` and waits until its whole process group (npm → sh → node) is
 * gone: npm exits before the bot, which could otherwise still take the next run's message.
 */
async function stop(child: ChildProcess): Promise<void> {
  const pgid = child.pid as number;
  if (groupAlive(pgid)) process.kill(-pgid, "SIGTERM");
  const until = Date.now() + 10_000;
  while (groupAlive(pgid)) {
    if (Date.now() > until) process.kill(-pgid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Spawns `npm run -s <script>` as the bot against `emu`, sends QUESTION from user `chat` at once (the
 * emulator queues it until the bot's first getUpdates) and returns the time until the reply arrives.
 */
async function firstReply(emu: Emulator, script: "start" | "dev", chat: number): Promise<{ ms: number; text: string }> {
  let stderr = "";
  const t = performance.now();
  const child = spawn("npm", ["run", "-s", script], {
    cwd: ROOT,
    env: { ...env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emu.apiRoot, WEBHOOK_URL: "" },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  try {
    await emu.sendText(chat, QUESTION);
    const died = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`npm run ${script} exited (${code}) before replying: ${stderr}`))),
    );
    const [reply] = await Promise.race([
      emu.waitForCount(chat, 1, 120_000).catch((err: unknown) => {
        throw new Error(`npm run ${script}: ${String(err)}; its stderr: ${stderr}`);
      }),
      died,
    ]);
    return { ms: performance.now() - t, text: plain(reply?.text ?? "") };
  } finally {
    await stop(child);
  }
}

const load0 = load();
process.stderr.write(`cold start: load average at start ${load0}\n`);
const emu = await Emulator.start(TOKEN);
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
  // Time to first reply of the bot, `npm run dev` (tsx) vs `npm start` (compiled; its prestart step finds dist/ current).
  const dev: number[] = [];
  const start: number[] = [];
  let sameReply = true;
  for (let i = 0; i < RUNS; i++) {
    const x = await firstReply(emu, "dev", 7000 + 2 * i);
    const y = await firstReply(emu, "start", 7001 + 2 * i);
    dev.push(x.ms);
    start.push(y.ms);
    sameReply &&= x.text === y.text && x.text.length > 0;
    process.stderr.write(`  first reply: dev ${x.ms.toFixed(0)} ms, start ${y.ms.toFixed(0)} ms\n`);
  }
  const load1 = load();
  process.stderr.write(`cold start: load average at end ${load1}\n`);
  process.stdout.write(
    `${JSON.stringify({
      runs: RUNS,
      tsxMedianMs: median(a),
      distMedianMs: median(b),
      sameAnswer: same,
      botDevFirstReplyMedianMs: median(dev),
      botStartFirstReplyMedianMs: median(start),
      botSameReply: sameReply,
      loadStart: load0,
      loadEnd: load1,
    })}\n`,
  );
} finally {
  await emu.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
