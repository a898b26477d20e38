import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, openApp } from "../../src/app/open.js";
import { BOT_COMMANDS } from "../../src/bot/command-list.js";
import { FRIENDLY_ERROR } from "../../src/bot/create-bot.js";
import { type BotRuntime, createBotRuntime } from "../../src/bot/runtime.js";
import { loadConfig } from "../../src/config/env.js";
import type { Logger } from "../../src/log.js";
import { type BotMessage, Emulator, freePort, plain } from "./emulator.js";

/**
 * End to end: the real bot (createBotRuntime on openApp: real ingest, index,
 * retriever, answerer, digests, subscriptions) on four of the five sample
 * bulletins, talking to the telegram-test-api emulator on loopback. The
 * fifth bulletin is uploaded by an admin during the tests.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "123456789:AAE2eTestTokenThatMustNeverBeLogged_x";
const OTHER_TOKEN = "987654321:AAOtherBotTokenForTheAllowlistTest_y";
const HELD_BACK = "003_827634933f63f40b.txt"; // 中原区: uploaded by the admin later
const ADMIN = 900;
const TZ = "Asia/Shanghai";

let emu: Emulator;
let app: App;
let bot: BotRuntime;
let guarded: BotRuntime;
let tmp: string;
let logText = "";
const clock = { at: new Date(), now: () => clock.at };

const buttonsOf = (m: BotMessage) => m.reply_markup?.inline_keyboard?.flat() ?? [];
const lastHas = (needle: string) => (ms: BotMessage[]) => ms.some((m) => m.text.includes(needle));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bot-e2e-"));
  const bulletins = path.join(tmp, "bulletins");
  fs.mkdirSync(bulletins);
  for (const f of fs.readdirSync(path.join(ROOT, "data/bulletins"))) {
    if (f !== HELD_BACK) fs.copyFileSync(path.join(ROOT, "data/bulletins", f), path.join(bulletins, f));
  }
  const config = loadConfig(
    {
      INDEX_DIR: path.join(tmp, "index"),
      BULLETINS_DIR: bulletins,
      MODELS_DIR: path.join(ROOT, "models"),
      TIMEZONE: TZ,
      LOG_LEVEL: "info",
      ADMIN_CHAT_IDS: String(ADMIN),
    },
    ROOT,
  );
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += String(chunk);
      cb();
    },
  });
  const log = pino({ level: "info" }, sink) as unknown as Logger;
  app = openApp(config, { log });
  const ingested = await app.ingest([bulletins]);
  expect(ingested.articlesFound).toBeGreaterThan(20);

  emu = await Emulator.start(TOKEN);
  bot = createBotRuntime(app, { token: TOKEN, apiRoot: emu.apiRoot, clock, schedule: false });
  guarded = createBotRuntime(app, {
    token: OTHER_TOKEN,
    apiRoot: emu.apiRoot,
    schedule: false,
    deps: { allowedChatIds: [501] },
  });
  await bot.start();
  await guarded.start();
});

afterAll(async () => {
  await bot?.stop();
  await guarded?.stop();
  await emu?.stop();
  app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("bot against the Telegram emulator", () => {
  it("registers its commands with Chinese descriptions", () => {
    const call = emu.calls.find((c) => c.method === "setMyCommands");
    expect(call?.body.commands).toEqual(BOT_COMMANDS);
  });

  it("/start welcomes, says what it knows and gives example questions", async () => {
    await emu.sendText(101, "/start");
    const [reply] = await emu.waitForCount(101, 1);
    const text = plain(reply?.text ?? "");
    expect(text).toContain("你好");
    expect(text).toMatch(/已收录 \d+ 篇/);
    expect(text).toContain("陕州区");
    expect(text).toContain("可以这样问");
    // The examples are real: the first one is answered with a source. They are buttons (one tap asks).
    const examples = buttonsOf(reply as BotMessage).map((b) => b.text);
    expect(examples.length).toBe(3);
    await emu.sendText(101, examples[0] ?? "");
    const [answer] = await emu.waitForCount(101, 1);
    expect(buttonsOf(answer as BotMessage)[0]?.callback_data).toMatch(/^art:/);
  });

  it("answers a who-attended question with names, a source list and a button that opens the article", async () => {
    await emu.sendText(102, "谁出席了陕州区动员部署会？");
    const [answer] = await emu.waitForCount(102, 1);
    expect(answer?.parse_mode).toBe("HTML");
    const text = plain(answer?.text ?? "");
    expect(text).toContain("李军");
    expect(text).toContain("[1]");
    // The lead names the title (据《…》), so the source line does not repeat it.
    expect(text).toMatch(/据《陕州区召开.*动员部署会》/);
    expect(text).toContain("1. 陕州区 · 2026-02-01（标题见上文）");
    expect(
      emu.calls.some((c) => c.method === "sendChatAction" && c.body.chat_id === 102 && c.body.action === "typing"),
    ).toBe(true);
    const [button] = buttonsOf(answer as BotMessage);
    expect(button?.text).toBe("📄 原文 1");
    expect(button?.callback_data).toMatch(/^art:[0-9a-f]{8}$/);

    await emu.press(102, button?.callback_data ?? "");
    const pages = await emu.waitFor(102, lastHas("李志高"));
    const article = plain(pages.map((p) => p.text).join("\n"));
    expect(article).toContain("动员部署会");
    expect(article).toContain("000_dea3d436ae17c0ab.txt");
    // Every name the answer states is in the article it cites.
    for (const name of ["李军", "何飞", "李志高"]) {
      if (text.includes(name)) expect(article).toContain(name);
    }
    for (const p of pages) expect(p.text.length).toBeLessThanOrEqual(4096);
  });

  it("/digest with a date sends that day's digest", async () => {
    await emu.sendText(103, "/digest 2024-11-11");
    const [digest] = await emu.waitForCount(103, 1);
    const text = plain(digest?.text ?? "");
    expect(text).toContain("2024-11-11 新闻摘要");
    expect(text).toContain("大气污染防治");
    expect(text).toMatch(/\/a_[0-9a-f]{8}/);
    await emu.sendText(103, "/digest 2019-01-01");
    const [miss] = await emu.waitForCount(103, 1);
    expect(miss?.text).toMatch(/\/digest \d{4}-\d{2}-\d{2}/);
  });

  it("escapes a hostile message: the HTML reply is valid and shows the user's text literally", async () => {
    await emu.sendText(105, "<b>粗体</b><script>x</script> 谁主持了会议 & 什么");
    const [reply] = await emu.waitForCount(105, 1);
    expect(reply?.parse_mode).toBe("HTML");
    expect(reply?.text).not.toContain("<script>");
    expect(reply?.text).not.toBe(FRIENDLY_ERROR);
    await emu.sendText(105, "/article <i>oops</i>");
    const [missing] = await emu.waitForCount(105, 1);
    expect(missing?.text).toContain("&lt;i&gt;oops&lt;/i&gt;");
    // The proxy rejects malformed HTML as Telegram does: none was rejected.
    expect(emu.calls.filter((c) => c.method === "sendMessage" && c.status === 400)).toEqual([]);
  });

  it("retries a sendMessage answered with 429 retry_after and delivers it", async () => {
    emu.failNext("sendMessage", 429, { retryAfter: 1 });
    await emu.sendText(106, "/sources");
    const [reply] = await emu.waitForCount(106, 1);
    expect(plain(reply?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
    const sends = emu.calls.filter((c) => c.method === "sendMessage" && c.body.chat_id === 106);
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
  });

  it("retries a sendMessage that failed with a 5xx (backoff) and delivers it", async () => {
    emu.failNext("sendMessage", 502);
    await emu.sendText(109, "/help");
    const [reply] = await emu.waitForCount(109, 1);
    expect(plain(reply?.text ?? "")).toContain("/digest");
    const sends = emu.calls.filter((c) => c.method === "sendMessage" && c.body.chat_id === 109);
    expect(sends.map((c) => c.status)).toEqual([502, 200]);
  });

  it("refuses a chat that is not on the allowlist and serves a listed one", async () => {
    const other = await Emulator.clientFor(emu, OTHER_TOKEN);
    await other.sendText(502, "谁出席了会议？");
    const [refusal] = await other.waitForCount(502, 1);
    expect(refusal?.text).toContain("只对授权的聊天开放");
    expect(refusal?.text).toContain("502");
    await other.sendText(501, "/sources");
    const [ok] = await other.waitForCount(501, 1);
    expect(plain(ok?.text ?? "")).toContain("已收录");
  });

  it("in a group answers only messages that mention it", async () => {
    const group = { id: -1001, type: "group" as const };
    // Updates of one chat are handled in order: had the first been answered, its
    // reply would come before the second's.
    await emu.sendText(110, "解放区大气污染防治攻坚工作推进会是哪天召开的？", group);
    await emu.sendText(110, "@TestNameBot 卫东区人大常委会主任是谁？", group);
    const replies = await emu.waitFor(group.id, lastHas("朱孝哲"));
    expect(replies).toHaveLength(1);
  });

  it("answers 20 users asking at once", async () => {
    const questions = [
      "卫东区人大常委会主任是谁？",
      "谁督导了孟州市“四好农村路”建设工作？",
      "解放区大气污染防治攻坚工作推进会是哪天召开的？",
      "天津港今年的集装箱吞吐量是多少？",
    ];
    const users = Array.from({ length: 20 }, (_, i) => 300 + i);
    await Promise.all(users.map((u, i) => emu.sendText(u, questions[i % questions.length] ?? "")));
    const replies = await Promise.all(users.map((u) => emu.waitForCount(u, 1, 60_000)));
    replies.forEach((r, i) => {
      const text = plain(r[0]?.text ?? "");
      expect(text).not.toBe(FRIENDLY_ERROR);
      if (i % 4 === 0) expect(text).toContain("朱孝哲");
      if (i % 4 === 1) expect(text).toContain("卢和平");
      if (i % 4 === 2) expect(text).toContain("11月11日");
      if (i % 4 === 3) expect(text).toContain("没有在已收录的新闻中找到");
    });
  });

  it("an admin uploads a bulletin, can then ask about it, and a subscriber's scheduled digest brings it", async () => {
    // A subscriber first (time = now in the bot's time zone).
    const hhmm = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date());
    await emu.sendText(104, `/subscribe ${hhmm}`);
    const [confirm] = await emu.waitForCount(104, 1);
    expect(confirm?.text).toContain(`每天 ${hhmm}`);

    // Before the upload the answer is not there.
    await emu.sendText(ADMIN, "中原区“红色物业”观摩推进会观摩了哪些示范点？");
    const [before] = await emu.waitForCount(ADMIN, 1);
    expect(plain(before?.text ?? "")).not.toContain("棉西小院");

    // A non-admin cannot upload.
    const bytes = fs.readFileSync(path.join(ROOT, "data/bulletins", HELD_BACK));
    await emu.sendDocument(107, HELD_BACK, bytes);
    const [refused] = await emu.waitForCount(107, 1);
    expect(refused?.text).toContain("只有管理员");

    await emu.sendDocument(ADMIN, HELD_BACK, bytes);
    const report = await emu.waitFor(ADMIN, lastHas("已添加"), 120_000);
    const reportText = plain(report.map((m) => m.text).join("\n"));
    expect(reportText).toContain(`${HELD_BACK} 已添加`);
    expect(reportText).toContain("红色物业");

    await emu.sendText(ADMIN, "中原区“红色物业”观摩推进会观摩了哪些示范点？");
    const [after] = await emu.waitForCount(ADMIN, 1);
    const afterText = plain(after?.text ?? "");
    expect(afterText).toMatch(/棉西小院|金苑社区/);
    expect(afterText).toContain("红色物业");

    // The next day at the subscriber's time, the scheduler sends the new articles.
    clock.at = new Date(Date.now() + 24 * 3600_000 + 60_000);
    const result = await bot.scheduler.tick();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const digest = await emu.waitFor(104, lastHas("订阅摘要"));
    const digestText = plain(digest.map((m) => m.text).join("\n"));
    expect(digestText).toContain("红色物业");
    expect(digestText).toMatch(/\/a_[0-9a-f]{8}/);
    // The subscriber's digest has one button per article under its last message.
    const buttons = buttonsOf(digest.at(-1) as BotMessage);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => /^art:[0-9a-f]{8}$/.test(b.callback_data ?? ""))).toBe(true);
  });

  it("webhook mode: registers the URL with a secret, answers updates posted to it, rejects posts without the secret", async () => {
    const token = "555555:AAWebhookModeTokenForTheE2eTest_zz";
    const port = await freePort();
    const hooked = createBotRuntime(app, {
      token,
      apiRoot: emu.apiRoot,
      schedule: false,
      webhook: { url: "https://bot.example.org/telegram", port },
    });
    await hooked.start();
    try {
      const set = emu.calls.find((c) => c.method === "setWebhook");
      expect(set?.body.url).toBe("https://bot.example.org/telegram");
      const secret = String(set?.body.secret_token ?? "");
      expect(secret).toMatch(/^[0-9a-f]{32}$/);
      const update = {
        update_id: 1,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 601, type: "private", first_name: "U" },
          from: { id: 601, is_bot: false, first_name: "U" },
          text: "/sources",
          entities: [{ type: "bot_command", offset: 0, length: 8 }],
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(update),
        });
      expect((await post({})).status).toBe(401);
      expect((await post({ "x-telegram-bot-api-secret-token": secret })).status).toBe(200);
      const webhookClient = await Emulator.clientFor(emu, token);
      const [reply] = await webhookClient.waitForCount(601, 1);
      expect(plain(reply?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
    } finally {
      await hooked.stop();
    }
  });

  it("never wrote the bot token to the log", () => {
    expect(logText.length).toBeGreaterThan(0);
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toContain(TOKEN.split(":")[1]);
  });
});
