/**
 * Prints what a phone receives for the flows docs/bot.md shows, from the
 * real bot (openApp on INDEX_DIR) against the Telegram emulator on
 * 127.0.0.1: the payloads of answers in a group, an edited question, an
 * inline query, digest buttons, a subscription panel, and the log lines of a
 * 409 and of an outage. Run: `INDEX_DIR=<an ingested index> npx tsx tests/bot/transcript.ts`.
 * It is a documentation helper, not a test.
 */
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { openApp } from "../../src/app/open.js";
import { createBotRuntime } from "../../src/bot/runtime.js";
import { loadConfig } from "../../src/config/env.js";
import type { Logger } from "../../src/log.js";
import { Emulator, freePort } from "./emulator.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "424242:AATranscriptTokenForTheDocsOnly_zz";
const lines: string[] = [];
const log = pino(
  { level: "info" },
  new Writable({
    write(chunk, _e, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  }),
) as unknown as Logger;
const show = (label: string, value: unknown) =>
  process.stdout.write(`\n## ${label}\n${JSON.stringify(value, null, 1)}\n`);
const pick = (m: Record<string, unknown> | undefined, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => m && k in m).map((k) => [k, m?.[k]]));

const config = loadConfig({ ...process.env, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
const app = openApp(config, { log });
if (app.store.count() === 0) await app.ingest([config.bulletinsDir]);
const emu = await Emulator.start(TOKEN);
const sleeps: number[] = [];
const bot = createBotRuntime(app, {
  token: TOKEN,
  apiRoot: emu.apiRoot,
  schedule: false,
  pollingRetry: {
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, 5));
    },
  },
});
await bot.start();
const keys = ["chat_id", "text", "parse_mode", "reply_parameters", "reply_markup"];
try {
  const g = { id: -100, type: "group" as const };
  await emu.sendText(7, "@TestNameBot 卫东区人大常委会主任是谁？", g);
  show("group answer (sendMessage)", pick((await emu.waitForCount(g.id, 1))[0] as never, keys));

  const chat = { id: 8, type: "private", first_name: "U" };
  const from = { id: 8, is_bot: false, first_name: "U" };
  const id = emu.messageId();
  const date = Math.floor(Date.now() / 1000);
  emu.inject(TOKEN, { message: { message_id: id, date, chat, from, text: "卫东区人大常委会主任是谁？" } });
  await emu.waitForCount(8, 1);
  emu.inject(TOKEN, {
    edited_message: {
      message_id: id,
      date,
      edit_date: date + 1,
      chat,
      from,
      text: "谁督导了孟州市“四好农村路”建设工作？",
    },
  });
  while (!emu.calls.some((c) => c.method === "editMessageText")) await new Promise((r) => setTimeout(r, 50));
  show(
    "edited question → editMessageText",
    pick(emu.calls.find((c) => c.method === "editMessageText")?.body, ["chat_id", "message_id", "text"]),
  );

  emu.inject(TOKEN, { inline_query: { id: "q1", from, query: "卫东区人大常委会主任是谁？", offset: "" } });
  while (!emu.calls.some((c) => c.method === "answerInlineQuery")) await new Promise((r) => setTimeout(r, 50));
  show("inline query → answerInlineQuery", emu.calls.find((c) => c.method === "answerInlineQuery")?.body);

  await emu.sendText(9, "/digest 3月27日 孟州");
  show("/digest 3月27日 孟州", pick((await emu.waitForCount(9, 1))[0] as never, keys));

  const admins = { id: -200, type: "group" as const };
  emu.admins.set(admins.id, new Set([11]));
  await emu.sendText(10, "/subscribe 晚上8点 孟州", admins);
  show("group member: /subscribe 晚上8点 孟州", pick((await emu.waitForCount(admins.id, 1))[0] as never, ["text"]));
  await emu.sendText(11, "/subscribe 晚上8点 孟州", admins);
  show("group admin: /subscribe 晚上8点 孟州", pick((await emu.waitForCount(admins.id, 1))[0] as never, keys));

  emu.failNext("getUpdates", 409, { token: TOKEN, times: 2 });
  emu.failNext("getUpdates", 401, { token: TOKEN });
  await emu.sendText(12, "/sources");
  await emu.waitForCount(12, 1);
  emu.setOutage(TOKEN, true);
  while (sleeps.length < 10) await new Promise((r) => setTimeout(r, 20));
  emu.setOutage(TOKEN, false);
  await emu.sendText(12, "/sources");
  await emu.waitForCount(12, 1);
  show("backoff waits (ms)", sleeps);
  show(
    "log lines of the 409/401 streak and of the outage",
    lines.filter((l) => /Bot API/.test(l)).map((l) => JSON.parse(l)),
  );

  const port = await freePort();
  const hooked = createBotRuntime(app, {
    token: "434343:AAWebhook_x",
    apiRoot: emu.apiRoot,
    schedule: false,
    webhook: { url: "https://x.example/h", port },
  });
  await hooked.start();
  const secret = String(emu.calls.filter((c) => c.method === "setWebhook").at(-1)?.body.secret_token);
  const res = await fetch(`http://127.0.0.1:${port}/`, {
    method: "POST",
    headers: { "x-telegram-bot-api-secret-token": secret, "content-type": "application/json" },
    body: '{"update_id": 5, "message": {"tex',
  });
  show("webhook, cut-off body", { status: res.status, body: await res.text() });
  await hooked.stop();

  const closed = await freePort();
  const down = createBotRuntime(app, {
    token: "454545:AADown_x",
    apiRoot: `http://127.0.0.1:${closed}`,
    startAttempts: 1,
  });
  show(
    "start with the API unreachable",
    await down.start().then(
      () => "started?",
      (e: Error) => e.message,
    ),
  );
} finally {
  await bot.stop();
  await emu.stop();
  app.close();
}
