import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, openApp } from "../../src/app/open.js";
import { ADMINS_ONLY } from "../../src/bot/commands/subscribe.js";
import { FRIENDLY_ERROR } from "../../src/bot/create-bot.js";
import { BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION } from "../../src/bot/description.js";
import { type BotRuntime, type BotRuntimeOptions, createBotRuntime } from "../../src/bot/runtime.js";
import { loadConfig } from "../../src/config/env.js";
import type { Logger } from "../../src/log.js";
import { type BotMessage, Emulator, freePort, plain, telegramHtmlError } from "./emulator.js";

/**
 * End to end, as a phone sees it: the real bot (createBotRuntime on openApp
 * over the five sample bulletins) against the telegram-test-api emulator on
 * 127.0.0.1, checking the payloads Telegram would deliver — quotes, threading,
 * buttons and their callbacks, digest navigation, subscriptions, inline mode —
 * and that Bot API faults (409, 401, outages, malformed webhook bodies) never
 * stop the bot. No test measures time: backoffs are injected.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "222333444:AAPhoneE2eTokenThatMustNeverBeLogged_q";
const TZ = "Asia/Shanghai";

let emu: Emulator;
let app: App;
let bot: BotRuntime;
let tmp: string;
const extra: BotRuntime[] = [];
const logLines: Record<string, unknown>[] = [];

const buttonsOf = (m: BotMessage | undefined) => m?.reply_markup?.inline_keyboard?.flat() ?? [];
const has = (needle: string) => (ms: BotMessage[]) => ms.some((m) => m.text.includes(needle));
const callsOf = (method: string) => emu.calls.filter((c) => c.method === method);
const group = (id: number) => ({ id, type: "group" as const });

/** A logger whose JSON lines are kept in `lines`. */
function memoryLogger(lines: Record<string, unknown>[]): Logger {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      cb();
    },
  });
  return pino({ level: "info" }, sink) as unknown as Logger;
}

/** Another bot on the same app and emulator (its own token, so faults and outages hit only it). */
async function extraBot(token: string, opts: Partial<BotRuntimeOptions> = {}): Promise<BotRuntime> {
  const rt = createBotRuntime(app, { token, apiRoot: emu.apiRoot, schedule: false, ...opts });
  extra.push(rt);
  await rt.start();
  return rt;
}

/** Every message the bot sent is valid Telegram HTML of at most 4096 characters. */
function expectValid(messages: BotMessage[]): void {
  for (const m of messages) {
    expect(m.text.length).toBeLessThanOrEqual(4096);
    if (m.parse_mode === "HTML") expect(telegramHtmlError(m.text)).toBeUndefined();
    for (const b of buttonsOf(m)) expect(Buffer.byteLength(b.callback_data ?? "", "utf8")).toBeLessThanOrEqual(64);
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bot-phone-"));
  const config = loadConfig(
    {
      INDEX_DIR: path.join(tmp, "index"),
      BULLETINS_DIR: path.join(ROOT, "data/bulletins"),
      MODELS_DIR: path.join(ROOT, "models"),
      TIMEZONE: TZ,
      LOG_LEVEL: "info",
    },
    ROOT,
  );
  app = openApp(config, { log: memoryLogger(logLines) });
  const ingested = await app.ingest([path.join(ROOT, "data/bulletins")]);
  expect(ingested.articlesFound).toBeGreaterThan(30);
  emu = await Emulator.start(TOKEN);
  // A roomy rate limit: the flows below send several commands in a row (the limit itself is tested in handlers).
  bot = createBotRuntime(app, {
    token: TOKEN,
    apiRoot: emu.apiRoot,
    schedule: false,
    rateLimit: { timeFrame: 1000, limit: 100 },
  });
  await bot.start();
});

afterAll(async () => {
  for (const rt of extra) await rt.stop().catch(() => undefined);
  await bot?.stop();
  await emu?.stop();
  app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("what a phone user sees", () => {
  it("at start the bot registers a Chinese description and short description", () => {
    expect(callsOf("setMyDescription")[0]?.body.description).toBe(BOT_DESCRIPTION);
    expect(callsOf("setMyShortDescription")[0]?.body.short_description).toBe(BOT_SHORT_DESCRIPTION);
    expect(BOT_SHORT_DESCRIPTION.length).toBeLessThanOrEqual(120);
    expect(BOT_DESCRIPTION.length).toBeLessThanOrEqual(512);
  });

  it("an answer carries the quoted sentence as an expandable blockquote, balanced, without repeating the lead title", async () => {
    await emu.sendText(1201, "谁出席了陕州区动员部署会？");
    const [answer] = await emu.waitForCount(1201, 1);
    expectValid([answer as BotMessage]);
    const html = answer?.text ?? "";
    expect(html).toMatch(/<blockquote expandable>\[1\] [^<]*李军[^<]*<\/blockquote>/);
    const title = /据《([^》]+)》/.exec(plain(html))?.[1] ?? "";
    expect(title).toContain("动员部署会");
    // The title appears once: in 据《…》, not again in the source list.
    expect(plain(html).split(`《${title}》`).length - 1).toBe(1);
    expect(plain(html)).toContain("1. 陕州区 · 2026-02-01（标题见上文）");
    // The typing action was sent before the answer.
    const typing = emu.calls.findIndex((c) => c.method === "sendChatAction" && c.body.chat_id === 1201);
    const sent = emu.calls.findIndex((c) => c.method === "sendMessage" && c.body.chat_id === 1201);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(sent);
  });

  it("the typing action is sent before the answerer starts", async () => {
    const order: string[] = [];
    const note = () => {
      const typed = emu.calls.some((c) => c.method === "sendChatAction" && c.body.chat_id === 1215);
      order.push(typed ? "typing, then work" : "work before typing");
    };
    // Questions go through the conversation when the app has one, else to the answerer: watch both.
    const rt = await extraBot("1000001:AATypingOrderTokenForTheE2eTest_t", {
      deps: {
        answerer: {
          ask: (q, o) => {
            note();
            return app.answerer.ask(q, o);
          },
        },
        conversation: {
          ...app.conversation,
          ask: (key, q, o) => {
            note();
            return app.conversation.ask(key, q, o);
          },
        },
      },
    });
    const client = await Emulator.clientFor(emu, "1000001:AATypingOrderTokenForTheE2eTest_t");
    await client.sendText(1215, "卫东区人大常委会主任是谁？");
    await client.waitForCount(1215, 1);
    expect(order).toEqual(["typing, then work"]);
    await rt.stop();
  });

  it("in a group every answer replies to its question (allow_sending_without_reply) and /start says to @mention", async () => {
    const g = group(-1202);
    await emu.sendText(1202, "@TestNameBot 卫东区人大常委会主任是谁？", g);
    const [answer] = await emu.waitFor(g.id, has("朱孝哲"));
    const question = emu.messageIdOf(g.id, "@TestNameBot 卫东区人大常委会主任是谁？");
    expect(question).toBeDefined();
    expect(answer?.reply_parameters).toEqual({ message_id: question, allow_sending_without_reply: true });
    await emu.sendText(1202, "/start", g);
    const [start] = await emu.waitForCount(g.id, 1);
    expect(plain(start?.text ?? "")).toContain("在群里提问请 @");
    expect(start?.reply_parameters?.allow_sending_without_reply).toBe(true);
  });

  it("an edited question is answered again: in place when the answer is the bot's last message, else anew", async () => {
    const chat = { id: 1203, type: "private", first_name: "U" };
    const from = { id: 1203, is_bot: false, first_name: "U" };
    const id = emu.messageId();
    const date = Math.floor(Date.now() / 1000);
    emu.inject(TOKEN, { message: { message_id: id, date, chat, from, text: "卫东区人大常委会主任是谁？" } });
    const [first] = await emu.waitFor(1203, has("朱孝哲"));
    emu.inject(TOKEN, {
      edited_message: {
        message_id: id,
        date,
        edit_date: date + 5,
        chat,
        from,
        text: "谁督导了孟州市“四好农村路”建设工作？",
      },
    });
    const until = Date.now() + 30_000;
    while (!callsOf("editMessageText").some((c) => c.body.chat_id === 1203) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const edit = callsOf("editMessageText").find((c) => c.body.chat_id === 1203);
    expect(edit?.body.message_id).toBe(first?.message_id);
    expect(plain(String(edit?.body.text))).toContain("卢和平");
    expect(telegramHtmlError(String(edit?.body.text))).toBeUndefined();

    // After another message from the bot, an edit gets a new answer instead.
    await emu.sendText(1203, "/sources");
    await emu.waitForCount(1203, 1);
    emu.inject(TOKEN, {
      edited_message: { message_id: id, date, edit_date: date + 9, chat, from, text: "卫东区人大常委会主任是谁？" },
    });
    const [again] = await emu.waitFor(1203, has("朱孝哲"));
    expect(again?.message_id).not.toBe(first?.message_id);
  });

  it("a photo's caption is read as a question", async () => {
    await emu.sendPhoto(1204, "卫东区人大常委会主任是谁？");
    const [answer] = await emu.waitForCount(1204, 1);
    expect(plain(answer?.text ?? "")).toContain("朱孝哲");
    expect(plain(answer?.text ?? "")).not.toContain("我只能读文字问题");
  });

  it("/start offers example questions as buttons; a tap asks it", async () => {
    await emu.sendText(1205, "/start");
    const [start] = await emu.waitForCount(1205, 1);
    const examples = buttonsOf(start);
    expect(examples.length).toBeGreaterThan(0);
    expect(examples[0]?.callback_data).toBe("ex:0");
    await emu.press(1205, "ex:0");
    const replies = await emu.waitFor(1205, (ms) =>
      ms.some((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith("art:"))),
    );
    expect(plain(replies[0]?.text ?? "")).toBe(`❓ ${examples[0]?.text}`);
    expectValid(replies);
  });

  it("/help is grouped and short", async () => {
    await emu.sendText(1206, "/help");
    const [help] = await emu.waitForCount(1206, 1);
    const text = plain(help?.text ?? "");
    for (const head of ["❓ 提问", "📰 摘要", "⏰ 订阅", "📚 其他"]) expect(text).toContain(head);
    expect(text.split("\n").length).toBeLessThanOrEqual(16);
  });

  it("article references are one-tap deep commands, with ids in any case", async () => {
    await emu.sendText(1207, "谁出席了陕州区动员部署会？");
    const [answer] = await emu.waitForCount(1207, 1);
    const id = buttonsOf(answer)[0]?.callback_data?.replace(/^art:/, "") ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    await emu.sendText(1207, `/a_${id.toUpperCase()}`);
    const pages = await emu.waitFor(1207, has("李志高"));
    expect(plain(pages[0]?.text ?? "")).toContain("动员部署会");
    await emu.sendText(1207, `/article ${id.toUpperCase()}`);
    const again = await emu.waitFor(1207, has("李志高"));
    expect(again[0]?.text).toBe(pages[0]?.text);
  });

  it("/digest 3月27日 孟州 is the 2020 day with news, with article buttons, day navigation and a district picker", async () => {
    await emu.sendText(1208, "/digest 3月27日 孟州");
    const [digest] = await emu.waitForCount(1208, 1);
    expectValid([digest as BotMessage]);
    const text = plain(digest?.text ?? "");
    expect(text).toContain("2020-03-27 新闻摘要（孟州市）");
    expect(text).toMatch(/原文：\/a_[0-9a-f]{8}/);
    const buttons = buttonsOf(digest);
    expect(buttons.filter((b) => b.callback_data?.startsWith("art:")).length).toBeGreaterThan(0);
    const nav = buttons.filter((b) => /前一天|后一天/.test(b.text));
    expect(nav.length).toBeGreaterThan(0);
    const picker = buttons.find((b) => b.callback_data?.startsWith("dp:"));
    expect(picker?.callback_data).toBe("dp:2020-03-27");

    // Next or previous day: the digest message is edited in place.
    const step = nav[0];
    const day = /^dg:(\d{4}-\d{2}-\d{2}):孟州市$/.exec(step?.callback_data ?? "")?.[1];
    expect(day).toBeDefined();
    const edits = callsOf("editMessageText").length;
    await emu.press(1208, step?.callback_data ?? "");
    const until = Date.now() + 30_000;
    while (callsOf("editMessageText").length === edits && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    const edited = callsOf("editMessageText").at(-1);
    expect(plain(String(edited?.body.text))).toContain(`${day} 新闻摘要（孟州市）`);
    expect(telegramHtmlError(String(edited?.body.text))).toBeUndefined();

    // The district picker replaces the buttons with one per district.
    await emu.press(1208, "dp:2020-03-27");
    const until2 = Date.now() + 30_000;
    while (!callsOf("editMessageReplyMarkup").length && Date.now() < until2)
      await new Promise((r) => setTimeout(r, 50));
    const markup = callsOf("editMessageReplyMarkup").at(-1)?.body.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const districts = markup.inline_keyboard.flat();
    expect(districts.map((b) => b.text)).toEqual(expect.arrayContaining(["孟州市", "陕州区", "全部区县"]));
    for (const b of districts) expect(Buffer.byteLength(b.callback_data, "utf8")).toBeLessThanOrEqual(64);
    expect(districts.find((b) => b.text === "全部区县")?.callback_data).toBe("dg:2020-03-27:");
  });

  it("/digest with an unknown place word says it is not a known district and suggests the nearest ones", async () => {
    await emu.sendText(1209, "/digest 北京");
    await emu.sendText(1209, "/digest 孟洲");
    const [beijing, typo] = await emu.waitForCount(1209, 2);
    expect(beijing?.text).toContain("没有收录“北京”这个区县");
    expect(beijing?.text).not.toContain("日期");
    expect(typo?.text).toContain("你是不是要找：孟州市");
  });

  it("subscriptions: spoken times, several districts, the current subscription with buttons, /unsubscribe 区县", async () => {
    await emu.sendText(1210, "/subscribe 晚上8点 孟州");
    const [created] = await emu.waitForCount(1210, 1);
    expect(plain(created?.text ?? "")).toContain("✅ 已订阅：每天 20:00（Asia/Shanghai）· 孟州市");
    await emu.sendText(1210, "/subscribe 陕州");
    const [added] = await emu.waitForCount(1210, 1);
    expect(plain(added?.text ?? "")).toContain("原来：每天 20:00（Asia/Shanghai）· 孟州市");
    expect(plain(added?.text ?? "")).toContain("每天 20:00（Asia/Shanghai）· 孟州市、陕州区");
    expect(app.subscriptions.get(1210)).toMatchObject({ time: "20:00", districts: ["孟州市", "陕州区"] });

    await emu.sendText(1210, "/subscribe");
    const [panel] = await emu.waitForCount(1210, 1);
    expect(plain(panel?.text ?? "")).toContain("📬 当前订阅：每天 20:00");
    const buttons = buttonsOf(panel);
    expect(buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(["07:00", "✅ 孟州市", "✅ 陕州区", "🔕 取消订阅"]),
    );
    expectValid([panel as BotMessage]);
    const edits = callsOf("editMessageText").length;
    await emu.press(1210, "st:07:00");
    const until = Date.now() + 30_000;
    while (callsOf("editMessageText").length === edits && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(app.subscriptions.get(1210)?.time).toBe("07:00");
    expect(plain(String(callsOf("editMessageText").at(-1)?.body.text))).toContain("每天 07:00");

    await emu.sendText(1210, "/subscribe 0800");
    await emu.waitForCount(1210, 1);
    expect(app.subscriptions.get(1210)?.time).toBe("08:00");
    await emu.sendText(1210, "/unsubscribe 孟州");
    const [removed] = await emu.waitForCount(1210, 1);
    expect(removed?.text).toContain("已取消孟州市");
    expect(app.subscriptions.get(1210)?.districts).toEqual(["陕州区"]);
    await emu.sendText(1210, "/unsubscribe");
    await emu.waitForCount(1210, 1);
    expect(app.subscriptions.get(1210)).toBeUndefined();
  });

  it("in a group only chat admins may change the group's subscription (getChatMember)", async () => {
    const g = group(-1211);
    emu.admins.set(g.id, new Set([1212]));
    await emu.sendText(1211, "/subscribe 8点半", g);
    const [refused] = await emu.waitForCount(g.id, 1);
    expect(refused?.text).toBe(ADMINS_ONLY);
    expect(app.subscriptions.get(g.id)).toBeUndefined();
    expect(callsOf("getChatMember").some((c) => c.body.chat_id === g.id && c.body.user_id === 1211)).toBe(true);

    await emu.sendText(1212, "/subscribe 8点半", g);
    const [ok] = await emu.waitForCount(g.id, 1);
    expect(plain(ok?.text ?? "")).toContain("每天 08:30");
    expect(app.subscriptions.get(g.id)?.time).toBe("08:30");

    // A member pressing the panel's buttons gets an alert and changes nothing.
    const answers = callsOf("answerCallbackQuery").length;
    await emu.press(1211, "st:07:00", g);
    const until = Date.now() + 30_000;
    while (callsOf("answerCallbackQuery").length === answers && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const alert = callsOf("answerCallbackQuery").at(-1);
    expect(alert?.body).toMatchObject({ text: ADMINS_ONLY, show_alert: true });
    expect(app.subscriptions.get(g.id)?.time).toBe("08:30");
    await emu.sendText(1211, "/unsubscribe", g);
    const [stays] = await emu.waitForCount(g.id, 1);
    expect(stays?.text).toBe(ADMINS_ONLY);
    expect(app.subscriptions.get(g.id)).toBeDefined();
  });

  it("inline mode: @bot 问题 returns one result with title, short answer, source and the full answer to share", async () => {
    const from = { id: 1213, is_bot: false, first_name: "U" };
    emu.inject(TOKEN, { inline_query: { id: "iq1", from, query: "卫东区人大常委会主任是谁？", offset: "" } });
    const until = Date.now() + 30_000;
    while (!callsOf("answerInlineQuery").length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const call = callsOf("answerInlineQuery")[0];
    expect(call?.body.inline_query_id).toBe("iq1");
    const [result] = (call?.body.results ?? []) as {
      type: string;
      title: string;
      description: string;
      input_message_content: { message_text: string; parse_mode: string };
    }[];
    expect(result?.type).toBe("article");
    expect(result?.title).toBe("卫东区人大常委会主任是谁？");
    expect(result?.description).toContain("朱孝哲");
    expect(result?.description).toMatch(/《[^》]+》卫东区/);
    expect(result?.input_message_content.parse_mode).toBe("HTML");
    expect(result?.input_message_content.message_text).toContain("<blockquote expandable>");
    expect(telegramHtmlError(result?.input_message_content.message_text ?? "")).toBeUndefined();
  });
});

describe("Bot API faults never stop the bot", () => {
  it("survives a 409 and a 401 on getUpdates, logging the outage once and the recovery once", async () => {
    const token = "1000002:AAConflictTokenForTheE2eTestOnly_c";
    const lines: Record<string, unknown>[] = [];
    const sleeps: number[] = [];
    emu.failNext("getUpdates", 409, { token, times: 2 });
    emu.failNext("getUpdates", 401, { token, times: 2 });
    await extraBot(token, {
      deps: { log: memoryLogger(lines) },
      pollingRetry: {
        initialDelayMs: 1000,
        maxDelayMs: 30_000,
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((r) => setTimeout(r, 5));
        },
      },
    });
    const client = await Emulator.clientFor(emu, token);
    await client.sendText(1301, "/sources");
    const [reply] = await client.waitForCount(1301, 1);
    expect(plain(reply?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    const down = lines.filter((l) => l.msg === "Bot API unreachable: retrying getUpdates until it answers");
    const up = lines.filter((l) => l.msg === "Bot API reachable again");
    expect(down).toHaveLength(1);
    expect(String(down[0]?.cause)).toContain("409");
    expect(up).toHaveLength(1);
  });

  it("after an outage the bot logs it once with its cause, backs off at most 30 s, and answers once the API is back", async () => {
    const token = "1000003:AAOutageTokenForTheE2eTestOnly_oo";
    const lines: Record<string, unknown>[] = [];
    const sleeps: number[] = [];
    await extraBot(token, {
      deps: { log: memoryLogger(lines) },
      pollingRetry: {
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((r) => setTimeout(r, 5));
        },
      },
    });
    emu.setOutage(token, true);
    const until = Date.now() + 30_000;
    while (sleeps.length < 9 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(sleeps.slice(0, 9)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    emu.setOutage(token, false);
    const client = await Emulator.clientFor(emu, token);
    await client.sendText(1302, "卫东区人大常委会主任是谁？");
    const [reply] = await client.waitForCount(1302, 1);
    expect(plain(reply?.text ?? "")).toContain("朱孝哲");
    // The last wait before the API answered was at most 30 s: recovery within ~30 s.
    expect(Math.max(...sleeps)).toBe(30_000);
    const down = lines.filter((l) => l.msg === "Bot API unreachable: retrying getUpdates until it answers");
    expect(down).toHaveLength(1);
    expect(String(down[0]?.cause)).toMatch(/^network: /);
    const up = lines.filter((l) => l.msg === "Bot API reachable again");
    expect(up).toHaveLength(1);
    expect(up[0]?.attempts).toBeGreaterThanOrEqual(9);
    expect(JSON.stringify(lines)).not.toContain(token.split(":")[1]);
  });

  it("webhook mode: a malformed, cut-off, non-update or oversized body with the right secret gets 4xx and the bot keeps answering", async () => {
    const token = "1000004:AAWebhookBodyTokenForTheE2eTest_w";
    const port = await freePort();
    await extraBot(token, { webhook: { url: "https://bot.example.org/hook", port } });
    const secret = String(callsOf("setWebhook").at(-1)?.body.secret_token ?? "");
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body,
      });
    const update = JSON.stringify({
      update_id: 7,
      message: {
        message_id: 7,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 1303, type: "private", first_name: "U" },
        from: { id: 1303, is_bot: false, first_name: "U" },
        text: "/sources",
        entities: [{ type: "bot_command", offset: 0, length: 8 }],
      },
    });
    expect((await post(update.slice(0, 40))).status).toBe(400);
    expect((await post("not json at all")).status).toBe(400);
    expect((await post("[1,2,3]")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(400);
    expect((await post(`"${"x".repeat(1_100_000)}"`)).status).toBe(413);
    // A request cut off mid-body: the socket closes before the declared length.
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": "500",
          "x-telegram-bot-api-secret-token": secret,
        },
      });
      req.on("error", () => resolve());
      req.write(update.slice(0, 60));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await post(update)).status).toBe(200);
    const client = await Emulator.clientFor(emu, token);
    const [reply] = await client.waitForCount(1303, 1);
    expect(plain(reply?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
  });
});

describe("allowlist, proxy and start errors", () => {
  it("a user allowed in private is not served in a group that is not on ALLOWED_CHAT_IDS", async () => {
    const token = "1000005:AAAllowlistGroupTokenForTheTest_a";
    await extraBot(token, { deps: { allowedChatIds: [1401, -1402] } });
    const client = await Emulator.clientFor(emu, token);
    await client.sendText(1401, "/sources", group(-1403));
    const [refused] = await client.waitForCount(-1403, 1);
    expect(refused?.text).toContain("只对授权的聊天开放");
    expect(refused?.text).toContain("-1403");
    await client.sendText(1401, "/sources");
    const [served] = await client.waitForCount(1401, 1);
    expect(plain(served?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
    await client.sendText(1499, "/sources", group(-1402));
    const [inAllowedGroup] = await client.waitForCount(-1402, 1);
    expect(plain(inAllowedGroup?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
  });

  it("HTTPS_PROXY from the environment sends every Bot API request through the proxy", async () => {
    const config = loadConfig({ HTTPS_PROXY: "http://127.0.0.1:7890" }, ROOT);
    expect(config.telegram.proxy).toBe("http://127.0.0.1:7890");
    expect(loadConfig({ HTTPS_PROXY: "http://a:1", SOCKS_PROXY: "socks5://b:2" }, ROOT).telegram.proxy).toBe(
      "socks5://b:2",
    );
    expect(() => loadConfig({ SOCKS_PROXY: "localhost:1080" }, ROOT)).toThrow(/SOCKS_PROXY/);

    const tunnels: string[] = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    const sockets = new Set<net.Socket>();
    proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? "");
      sockets.add(client);
      const [host, port] = (req.url ?? "").split(":");
      // Only the proxy knows where telegram.invalid is: a request that bypassed it could not connect.
      const upstream = net.connect(Number(port), host === "telegram.invalid" ? "127.0.0.1" : (host ?? ""), () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    try {
      const token = "1000006:AAProxyTokenForTheE2eTestOnly_pp";
      const uploads = fs.mkdtempSync(path.join(tmp, "uploads-"));
      const ingested: string[] = [];
      const apiRoot = `http://telegram.invalid:${new URL(emu.apiRoot).port}`;
      const rt = await extraBot(token, {
        apiRoot,
        proxy: proxyUrl,
        deps: {
          adminChatIds: [1405],
          uploadsDir: uploads,
          // The upload's file download is what this checks; the ingest itself is tested elsewhere.
          ingest: async (paths) => {
            ingested.push(...paths);
            return {
              files: paths.map((p) => ({
                path: p,
                source: path.basename(p),
                status: "unchanged" as const,
                articles: 0,
              })),
              filesRead: paths.length,
              articlesFound: 0,
              facts: { added: 0, removed: 0 },
              index: { articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 },
            } as never;
          },
        },
      });
      const client = await Emulator.clientFor(emu, token);
      await client.sendText(1404, "/sources");
      const [reply] = await client.waitForCount(1404, 1);
      expect(plain(reply?.text ?? "")).toMatch(/已收录 \d+ 篇新闻/);
      // An admin's upload is downloaded through the proxy too (telegram.invalid resolves nowhere else).
      const bytes = new TextEncoder().encode("孟州市召开会议\n3月28日，孟州市召开会议。\n");
      await client.sendDocument(1405, "upload.txt", bytes);
      const [report] = await client.waitForCount(1405, 1);
      expect(report?.text).not.toContain("文件没能收录");
      expect(ingested).toHaveLength(1);
      expect(fs.readFileSync(ingested[0] ?? "")).toEqual(Buffer.from(bytes));

      expect(tunnels.length).toBeGreaterThan(0);
      expect(tunnels.every((t) => t === new URL(apiRoot).host)).toBe(true);
      await rt.stop();
    } finally {
      // Tunnels are upgraded sockets the server no longer tracks: close them by hand.
      for (const socket of sockets) socket.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it("when the Bot API cannot be reached at start, start fails with a clear error naming the server, the cause and the proxy settings", async () => {
    const closed = await freePort();
    const direct = createBotRuntime(app, {
      token: "1000007:AAUnreachable_x",
      apiRoot: `http://127.0.0.1:${closed}`,
      startAttempts: 1,
    });
    await expect(direct.start()).rejects.toThrow(
      new RegExp(
        `无法连接 Telegram Bot API http://127.0.0.1:${closed}：network: .*ECONNREFUSED.*HTTPS_PROXY=.*SOCKS_PROXY=`,
      ),
    );
    const viaProxy = createBotRuntime(app, {
      token: "1000007:AAUnreachable_x",
      apiRoot: "https://api.telegram.org",
      proxy: `http://user:secret@127.0.0.1:${closed}`,
      startAttempts: 2,
    });
    const err = await viaProxy.start().then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(err).toContain("经代理 http://user:***@127.0.0.1");
    expect(err).toContain("请检查代理是否在运行");
    expect(err).not.toContain("secret");
    expect(err).not.toContain("AAUnreachable_x");
  });

  it("never answered with the friendly error and never logged the token", () => {
    expect(JSON.stringify(logLines)).not.toContain(TOKEN.split(":")[1]);
    expect(emu.calls.filter((c) => c.method === "sendMessage" && c.body.text === FRIENDLY_ERROR)).toEqual([]);
    expect(emu.calls.filter((c) => c.method === "sendMessage" && c.status === 400)).toEqual([]);
  });
});
