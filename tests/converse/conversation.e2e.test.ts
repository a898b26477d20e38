import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, openApp } from "../../src/app/open.js";
import { type BotRuntime, createBotRuntime } from "../../src/bot/runtime.js";
import { loadConfig } from "../../src/config/env.js";
import type { ConversationReply } from "../../src/converse/conversation.js";
import type { Logger } from "../../src/log.js";
import { type BotMessage, Emulator, plain } from "../bot/emulator.js";

/**
 * Multi-turn conversations on the five sample bulletins: first through the
 * conversation layer of the real app (ingest, index, answerer), then through
 * the real bot handlers against the telegram-test-api emulator (replies to
 * the bot's own messages in a group, /new, /search with its 下一页 button).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKEN = "123456789:AAConverseTestTokenNeverLogged_abcdefg";
const BOT_ID = 666; // the emulator's getMe
let app: App;
let tmp: string;
let emu: Emulator;
let bot: BotRuntime;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "converse-e2e-"));
  const config = loadConfig(
    {
      INDEX_DIR: path.join(tmp, "index"),
      BULLETINS_DIR: path.join(ROOT, "data/bulletins"),
      MODELS_DIR: path.join(ROOT, "models"),
      LOG_LEVEL: "silent",
    },
    ROOT,
  );
  app = openApp(config, { log: pino({ level: "silent" }) as unknown as Logger });
  const ingested = await app.ingest([config.bulletinsDir]);
  expect(ingested.articlesFound).toBeGreaterThan(30);
  emu = await Emulator.start(TOKEN);
  bot = createBotRuntime(app, { token: TOKEN, apiRoot: emu.apiRoot, schedule: false });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await emu?.stop();
  app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every citation's quote is printed in its article, and every name a line states is in its cited article. */
function expectCited(reply: ConversationReply): void {
  for (const c of reply.citations) {
    const article = app.store.get(c.articleId);
    expect(article, c.articleId).toBeDefined();
    expect(`${article?.title}\n${article?.text}`).toContain(c.quote);
  }
}

describe("conversation layer on the samples", () => {
  const ask = (key: string, q: string) => app.conversation.ask(key, q);

  it("follows up when, who and where after a role question, saying what it understood", async () => {
    const first = await ask("t:1", "谁主持了孟州市委常委会？");
    expect(first.answer).toContain("卢和平");
    const when = await ask("t:1", "这个会是哪天开的？");
    expect(when.understood).toBe("孟州市委常委会暨理论学习中心组学习会");
    expect(when.answer).toMatch(/^（指：孟州市委常委会暨理论学习中心组学习会）/);
    expect(when.answer).toContain("3月28日");
    expect(when.citations[0]?.articleId).toBe(first.citations[0]?.articleId);
    const who = await ask("t:1", "还有谁出席了？");
    expect(who.answer).toContain("吕沛");
    expect(who.answer).toContain("出席会议");
    expectCited(who);

    await ask("t:2", "谁督导了孟州市四好农村路建设工作？");
    const where = await ask("t:2", "在哪里督导的？");
    expect(where.understood).toContain("四好农村路");
    expect(where.answer).toContain("青年路");
    expectCited(where);
  });

  it("completes a pronoun about a person, and 那X呢 about another district", async () => {
    const a = await ask("t:3", "卫东区人大常委会主任是谁？");
    expect(a.answer).toContain("朱孝哲");
    const b = await ask("t:3", "那孟州市呢？");
    expect(b.asked).toBe("孟州市人大常委会主任是谁？");
    expect(b.answer).toContain("卢和平");
    const c = await ask("t:3", "他还参加了哪些活动？");
    expect(c.kind).toBe("timeline");
    expect(c.understood).toBe("卢和平");
    expect(c.citations.length).toBeGreaterThanOrEqual(2);
    for (const cit of c.citations) expect(cit.quote).toContain("卢和平");
    expectCited(c);
  });

  it("gives a person's timeline with ≥ 3 articles, newest first, each line cited and naming them", async () => {
    for (const name of ["吴长青", "王迎波"]) {
      const t = await ask("t:4", `${name}参加了哪些会议？`);
      expect(t.kind).toBe("timeline");
      expect(t.citations.length).toBeGreaterThanOrEqual(3);
      const dates = t.citations.map((c) => c.date).filter((d): d is string => !!d);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const c of t.citations) {
        expect(c.quote).toContain(name);
        expect(app.store.get(c.articleId)?.text).toContain(name);
      }
      expect(t.answer.split("\n").filter((l) => /^\d+\. /.test(l))).toHaveLength(t.citations.length);
      expectCited(t);
    }
    const none = await ask("t:4", "张三丰参加了哪些活动？");
    expect(none.found).toBe(false);
    expect(none.citations).toEqual([]);
    expect(none.answer).toContain("没有在已收录的新闻中找到“张三丰”");
  });

  it("browses a district with pages, every line cited", async () => {
    const p1 = await ask("t:5", "解放区有哪些新闻？");
    expect(p1.kind).toBe("browse");
    expect(p1.page).toEqual({ page: 0, pages: 2, total: 10 });
    expect(p1.citations).toHaveLength(5);
    for (const c of p1.citations) expect(c.district).toBe("解放区");
    expect(p1.citations[0]?.date).toBe("2024-11-16");
    const p2 = await ask("t:5", "下一页");
    expect(p2.page?.page).toBe(1);
    expect(p2.citations.map((c) => c.n)).toEqual([6, 7, 8, 9, 10]);
    const ids = new Set([...p1.citations, ...p2.citations].map((c) => c.articleId));
    expect(ids.size).toBe(10);
    expect(p2.answer).toContain("日期不详");
    const empty = await ask("t:5", "山阳区本周有什么新闻？");
    expect(empty.found).toBe(false);
    expect(empty.answer).toContain("最近有新闻的日期：2020-03-27、2020-03-26");
    const short = await ask("t:5", "最近陕州有什么新闻？");
    expect(short.citations.every((c) => c.district === "陕州区")).toBe(true);
  });

  it("lists the meetings of a district in a month across articles, undated ones reachable by their printed day", async () => {
    const m = await ask("t:6", "孟州市3月份开了哪些会？");
    expect(m.citations.map((c) => c.title)).toEqual([
      "孟州市委常委会暨理论学习中心组学习会召开",
      "孟州市召开谋划项目专项债券申报工作专题会议",
    ]);
    for (const c of m.citations) expect(c.date?.slice(0, 7)).toBe("2020-03");
    const w = await ask("t:6", "卫东区2月份开了哪些会？");
    expect(w.citations.map((c) => c.date)).toEqual(["2021-02-23", "2021-02-22"]);
    const undated = await ask("t:6", "中原区6月开了哪些会？");
    expect(undated.citations).toHaveLength(1);
    expect(undated.answer).toContain("6月2日（年份不详）");
  });

  it("browses a topic: only articles whose quoted sentence prints it", async () => {
    const t = await ask("t:7", "有关疫情防控的报道有哪些？");
    expect(t.page?.total).toBeGreaterThanOrEqual(3);
    for (const c of t.citations) expect(c.quote).toContain("疫情防控");
    expectCited(t);
  });

  it("answers two English questions with the Chinese facts in an English frame, and hints otherwise", async () => {
    const a = await ask("t:8", "Who attended the Mengzhou standing committee meeting?");
    expect(a.kind).toBe("english");
    expect(a.answer).toMatch(/^Understood as: 谁出席了孟州市常委会？\nFrom the news/);
    expect(a.answer).toContain("吕沛");
    expectCited(a);
    const b = await ask("t:8", "When was the Jiefang District air pollution meeting held?");
    expect(b.answer).toContain("11月11日");
    expect(b.citations[0]?.title).toBe("解放区召开大气污染防治攻坚工作推进会");
    const c = await ask("t:8", "Tell me a joke");
    expect(c.kind).toBe("hint");
    expect(c.answer).toContain("请用中文提问");
  });
});

/** The bot's messages to `chatId` with their message ids, read from the emulator's store. */
function sentTo(chatId: number): { id: number; text: string; buttons: { text: string; callback_data?: string }[] }[] {
  const store = (emu.server as unknown as { storage: { botMessages: { messageId: number; message: BotMessage }[] } })
    .storage;
  return store.botMessages
    .filter((m) => String(m.message.chat_id) === String(chatId))
    .map((m) => ({
      id: m.messageId,
      text: plain(m.message.text),
      buttons: m.message.reply_markup?.inline_keyboard?.flat() ?? [],
    }));
}

async function post(route: string, body: unknown): Promise<void> {
  const r = await fetch(`${emu.emulatorUrl}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(r.ok).toBe(true);
}

const user = (id: number) => ({ id, is_bot: false, first_name: `用户${id}`, username: `user${id}` });

/** A user's message in a group, replying to the bot's message `replyTo` when given. */
async function groupSay(chatId: number, userId: number, text: string, replyTo?: { id: number; text: string }) {
  const chat = { id: chatId, type: "group", title: "测试群" };
  await post("/sendMessage", {
    botToken: TOKEN,
    from: user(userId),
    chat,
    date: Math.floor(Date.now() / 1000),
    text,
    ...(replyTo
      ? {
          reply_to_message: {
            message_id: replyTo.id,
            from: { id: BOT_ID, is_bot: true, first_name: "Bot", username: "TestNameBot" },
            chat,
            date: Math.floor(Date.now() / 1000),
            text: replyTo.text,
          },
        }
      : {}),
  });
}

/** A user presses a button under the bot's message `messageId` in a private chat. */
async function pressOn(userId: number, messageId: number, data: string): Promise<void> {
  const from = user(userId);
  await post("/sendCallback", {
    botToken: TOKEN,
    from,
    data,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private" },
      text: "",
    },
  });
}

describe("conversations through the bot and the Telegram emulator", () => {
  it("follows up in a private chat, and /new forgets the context", async () => {
    await emu.sendText(401, "谁主持了孟州市委常委会？");
    await emu.waitForCount(401, 1);
    await emu.sendText(401, "这个会是哪天开的？");
    const [when] = await emu.waitForCount(401, 1);
    expect(plain(when?.text ?? "")).toContain("（指：孟州市委常委会暨理论学习中心组学习会）");
    expect(plain(when?.text ?? "")).toContain("3月28日");
    await emu.sendText(401, "他还参加了哪些活动？");
    const [timeline] = await emu.waitForCount(401, 1);
    expect(plain(timeline?.text ?? "")).toMatch(/^（指：卢和平）报道中提到“卢和平”的共 2 篇/);
    expect(plain(timeline?.text ?? "")).toContain("卢和平督导“四好农村路”建设工作");

    await emu.sendText(401, "/new");
    const [cleared] = await emu.waitForCount(401, 1);
    expect(cleared?.text).toContain("之前的对话已清空");
    await emu.sendText(401, "这个会是哪天开的？");
    const [after] = await emu.waitForCount(401, 1);
    expect(plain(after?.text ?? "")).not.toContain("指：");
  });

  it("in a group, a reply to one of the bot's answers continues that answer's context, naming another district", async () => {
    const group = -1001;
    await groupSay(group, 501, "@TestNameBot 卫东区人大常委会主任是谁？");
    await emu.waitForCount(group, 1);
    const asked = sentTo(group).at(-1);
    expect(asked?.text).toContain("朱孝哲");
    // Another question in between: the chat's own context moves on, the replied message keeps its own.
    await groupSay(group, 502, "@TestNameBot 谁主持了解放区大气污染防治攻坚工作推进会？");
    await emu.waitForCount(group, 1);
    // Not meant for the bot: no mention, no reply.
    await groupSay(group, 503, "那孟州市呢？");
    await groupSay(group, 503, "那孟州市呢？", asked);
    const [reply] = await emu.waitForCount(group, 1);
    const text = plain(reply?.text ?? "");
    expect(text).toContain("（指：孟州市人大常委会主任是谁？）");
    expect(text).toContain("卢和平");
    expect(sentTo(group)).toHaveLength(3);
  });

  it("/search lists a topic with a 下一页 button that pages the list under it", async () => {
    await emu.sendText(402, "/search 疫情防控");
    const [list] = await emu.waitForCount(402, 1);
    const first = sentTo(402).at(-1);
    expect(plain(list?.text ?? "")).toContain("第 1/2 页");
    const next = first?.buttons.find((b) => b.text === "下一页 ▶");
    expect(next?.callback_data).toBe("page:1");
    expect(first?.buttons.filter((b) => b.text.startsWith("📄"))).toHaveLength(5);
    // Another list in between; the button still pages the list it sits under.
    await emu.sendText(402, "山阳区有哪些新闻？");
    await emu.waitForCount(402, 1);
    await pressOn(402, first?.id ?? 0, next?.callback_data ?? "");
    const [page2] = await emu.waitForCount(402, 1);
    const text = plain(page2?.text ?? "");
    expect(text).toContain("有关“疫情防控”");
    expect(text).toContain("第 2/2 页");
    expect(text).toMatch(/^6\. 《/m);
  });

  it("answers an English question in the bot", async () => {
    await emu.sendText(403, "Who chaired the Mengzhou standing committee meeting?");
    const [a] = await emu.waitForCount(403, 1);
    const text = plain(a?.text ?? "");
    expect(text).toContain("Understood as: 孟州市常委会由谁主持？");
    expect(text).toContain("卢和平");
    expect(text).toContain("📚 来源");
  });
});
