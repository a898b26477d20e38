// Load during an admin upload: 5 simulated users each ask a question every 2 s through the bot's
// handlers (real answerer, store and retriever; the Telegram API is faked in-process) while an admin
// uploads a ~1 MB bulletin. Prints questions asked, answered, and latency p50/p95/max.
//
//   npx tsx bench/upload-load.ts                 # background ingest (what the bot does)
//   BENCH_UPLOAD_MODE=inline npx tsx bench/upload-load.ts   # the old way: ingest on the bot's own thread
//   BENCH_UPLOAD_BYTES=1048576 BENCH_USERS=5 BENCH_EVERY_MS=2000
//
// The upload's pages come from ../shared/corpus/news-xwlb.jsonl when present, else from the sample
// bulletins with numbered titles. Runs on a throw-away INDEX_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { runIngest } from "../src/app/ingest.js";
import { openApp } from "../src/app/open.js";
import { botDepsFromApp } from "../src/bot/app-deps.js";
import { createBot } from "../src/bot/create-bot.js";
import { TERMINAL_BOT_INFO } from "../src/bot/terminal.js";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/log.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const MODE = process.env.BENCH_UPLOAD_MODE === "inline" ? "inline" : "background";
const BYTES = Number(process.env.BENCH_UPLOAD_BYTES ?? 1024 * 1024);
const USERS = Number(process.env.BENCH_USERS ?? 5);
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 2000);
const ADMIN = 1;
const QUESTIONS = [
  "谁出席了陕州区动员部署会？",
  "解放区大气污染防治攻坚工作推进会由谁主持？",
  "卫东区人大常委会主任是谁？",
  "孟州市委常委会暨理论学习中心组学习会由谁主持？",
  "中原区召开了什么会议？",
];

/** A bulletin of about `bytes` bytes of UTF-8: headline, blank line, body, blank line, repeated. */
function uploadPage(bytes: number): Buffer {
  const corpus = path.resolve(ROOT, "../shared/corpus/news-xwlb.jsonl");
  const parts: string[] = [];
  let size = 0;
  if (fs.existsSync(corpus)) {
    for (const line of fs.readFileSync(corpus, "utf8").split("\n")) {
      if (!line.trim() || size >= bytes) continue;
      const a = JSON.parse(line) as { title: string; text: string };
      const block = `${a.title}\n\n${a.text}\n\n`;
      parts.push(block);
      size += Buffer.byteLength(block);
    }
  }
  const samples = fs
    .readdirSync(path.join(ROOT, "data/bulletins"))
    .map((f) => fs.readFileSync(path.join(ROOT, "data/bulletins", f), "utf8"));
  for (let i = 0; size < bytes; i++) {
    const block = `第${i}期 ${samples[i % samples.length]}\n\n`;
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  return Buffer.from(parts.join("")).subarray(0, bytes);
}

let updateId = 1;
function message(userId: number, extra: Record<string, unknown>): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: userId, type: "private", first_name: "U" },
      from: { id: userId, is_bot: false, first_name: "U" },
      ...extra,
    },
  } as unknown as Update;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-upload-"));
const config = loadConfig(
  {
    ...process.env,
    INDEX_DIR: dir,
    BULLETINS_DIR: path.join(dir, "bulletins"),
    MODELS_DIR: path.join(ROOT, "models"),
    LOG_LEVEL: "silent",
  },
  ROOT,
);
const app = openApp(config, { log: createLogger("silent") });
process.stderr.write(`ingesting the sample bulletins into ${dir}…\n`);
await runIngest([path.join(ROOT, "data/bulletins")], app.store, config);
app.retriever.refresh();
await app.retriever.warmUp();

const page = uploadPage(BYTES);
const deps = botDepsFromApp(app, {
  adminChatIds: [ADMIN],
  ...(MODE === "inline"
    ? {
        ingest: async (paths: string[]) => {
          const r = await runIngest(paths, app.store, config);
          app.retriever.refresh();
          return r;
        },
      }
    : {}),
});
const bot = createBot("123:bench", deps, {
  botInfo: TERMINAL_BOT_INFO,
  rateLimit: { timeFrame: 10_000, limit: 1000 },
  download: async () => new Uint8Array(page),
});
let replies = 0;
bot.api.config.use(async (_prev, method, payload) => {
  if (method === "sendMessage") {
    replies++;
    const p = payload as { chat_id: number; text: string };
    return {
      ok: true,
      result: { message_id: replies, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text },
    } as never;
  }
  if (method === "getFile")
    return { ok: true, result: { file_id: "f", file_unique_id: "u", file_path: "documents/upload.txt" } } as never;
  return { ok: true, result: true } as never;
});

const latencies: number[] = [];
let asked = 0;
let failed = 0;
const pending = new Set<Promise<void>>();
const t0 = performance.now();
let uploadDone = false;
let uploadMs = 0;
const upload = bot
  .handleUpdate(
    message(ADMIN, {
      document: { file_id: "f1", file_unique_id: "u1", file_name: "upload_1mb.txt", mime_type: "text/plain" },
    }),
  )
  .then(() => {
    uploadDone = true;
    uploadMs = performance.now() - t0;
  });

// Each user sends question k at t0 + offset + k·EVERY_MS (wall clock), whether or not the bot's event
// loop is free to see it: latency runs from that moment to the reply, so a frozen bot shows as latency.
const next = Array.from({ length: USERS }, () => 0);
const sentAt = (u: number, k: number) => t0 + (u * EVERY_MS) / USERS + k * EVERY_MS;
function dispatch(until: number) {
  for (let u = 0; u < USERS; u++) {
    while (sentAt(u, next[u] as number) <= until) {
      const k = next[u] as number;
      next[u] = k + 1;
      const start = sentAt(u, k);
      const q = QUESTIONS[(k + u) % QUESTIONS.length] as string;
      asked++;
      const p = bot
        .handleUpdate(message(100 + u, { text: q }))
        .then(() => {
          latencies.push(performance.now() - start);
        })
        .catch(() => {
          failed++;
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    }
  }
}
const driver = setInterval(() => dispatch(uploadDone ? t0 + uploadMs : performance.now()), 20);
await upload;
clearInterval(driver);
dispatch(t0 + uploadMs); // questions sent while the loop was blocked are seen now
await Promise.all(pending);
app.close();
fs.rmSync(dir, { recursive: true, force: true });

const s = (ms: number) => (ms / 1000).toFixed(2);
const result = {
  mode: MODE,
  uploadBytes: page.length,
  uploadSeconds: Number(s(uploadMs)),
  users: USERS,
  everySeconds: EVERY_MS / 1000,
  asked,
  answered: latencies.length,
  failed,
  p50: Number(s(percentile(latencies, 50))),
  p95: Number(s(percentile(latencies, 95))),
  max: Number(s(Math.max(...latencies))),
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
};
process.stdout.write(
  `${MODE} ingest of a ${(page.length / 1024 / 1024).toFixed(2)} MB upload took ${result.uploadSeconds} s; ${USERS} users asking every ${result.everySeconds} s: ${result.answered}/${result.asked} answered, p50 ${result.p50} s, p95 ${result.p95} s, max ${result.max} s (load ${result.loadavg.join(" ")})\n${JSON.stringify(result)}\n`,
);
