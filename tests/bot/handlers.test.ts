import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../src/bot/command-list.js";
import { parseDigestArgs } from "../../src/bot/commands/digest.js";
import { parseSubscribeArgs } from "../../src/bot/commands/subscribe.js";
import { createBot, FRIENDLY_ERROR } from "../../src/bot/create-bot.js";
import { exampleQuestions, verifiedExamples } from "../../src/bot/examples.js";
import { createTerminalChat } from "../../src/bot/terminal.js";
import type { Logger } from "../../src/log.js";
import { article, BOT_INFO, callbackUpdate, fakeDeps, recordCalls, sentTexts, textUpdate } from "./fakes.js";

const roomy = { rateLimit: { timeFrame: 1000, limit: 100 } };

function setup(over: Parameters<typeof fakeDeps>[0] = {}, download?: (p: string) => Promise<Uint8Array>) {
  const f = fakeDeps(over);
  const bot = createBot("123:test", f.deps, { botInfo: BOT_INFO, ...roomy, download });
  const calls = recordCalls(bot);
  return { ...f, bot, calls };
}

describe("commands", () => {
  it("/start says what the bot knows and gives example questions from the stored news", async () => {
    const { bot, calls } = setup();
    await bot.handleUpdate(textUpdate("/start"));
    const [text] = sentTexts(calls);
    expect(text).toContain("收录 <b>1</b> 篇");
    expect(text).toContain("陕州区");
    // The example questions are buttons now (a tap asks them), not typed text.
    const start = calls.find((c) => c.method === "sendMessage");
    expect(start?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "谁出席了陕州区动员部署会？", callback_data: "ex:0" }]],
    });
  });

  it("a plain question is answered with a source list and an 原文 button; typing is shown", async () => {
    const { bot, calls, asked } = setup();
    await bot.handleUpdate(textUpdate("谁出席了动员部署会？"));
    expect(asked).toEqual(["谁出席了动员部署会？"]);
    expect(calls.some((c) => c.method === "sendChatAction" && c.payload.action === "typing")).toBe(true);
    const send = calls.find((c) => c.method === "sendMessage");
    expect(send?.payload.parse_mode).toBe("HTML");
    expect(String(send?.payload.text)).toContain("李军");
    // The answer already names the title (据《…》): the source line does not repeat it.
    expect(String(send?.payload.text)).toContain("1. 陕州区 · 2026-02-01（标题见上文）");
    expect(String(send?.payload.text)).toContain(
      "<blockquote expandable>[1] 区委书记李军出席会议并讲话。</blockquote>",
    );
    expect(send?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "📄 原文 1", callback_data: "art:a1b2c3d4" }]],
    });
  });

  it("/ask without a question explains the usage; an over-long question is refused", async () => {
    const { bot, calls, asked } = setup();
    await bot.handleUpdate(textUpdate("/ask"));
    await bot.handleUpdate(textUpdate(`/ask ${"长".repeat(600)}`));
    expect(asked).toEqual([]);
    const [usage, tooLong] = sentTexts(calls);
    expect(usage).toContain("/ask 谁出席了");
    expect(tooLong).toContain("问题太长了");
  });

  it("the 原文 button and /article send the full article; an unknown id is explained", async () => {
    const { bot, calls } = setup();
    await bot.handleUpdate(callbackUpdate("art:a1b2c3d4"));
    expect(calls[0]?.method).toBe("answerCallbackQuery");
    await bot.handleUpdate(textUpdate("/article a1b2c3d4"));
    await bot.handleUpdate(textUpdate("/article <nope>"));
    const [fromButton, fromCommand, missing] = sentTexts(calls);
    expect(fromButton).toContain("<b>陕州区召开动员部署会</b>");
    expect(fromButton).toContain("区委书记李军出席会议并讲话");
    expect(fromCommand).toBe(fromButton);
    expect(missing).toContain("找不到编号为 <code>&lt;nope&gt;</code> 的文章");
  });

  it("/digest parses date and district in either order and reports a miss with nearby days", async () => {
    const { bot, calls } = setup();
    await bot.handleUpdate(textUpdate("/digest 陕州区 2026-02-01"));
    await bot.handleUpdate(textUpdate("/digest 2025-01-01"));
    await bot.handleUpdate(textUpdate("/digest 明年某天"));
    const [ok, miss, bad] = sentTexts(calls);
    expect(ok).toContain("2026-02-01 新闻摘要");
    expect(ok).toContain("（陕州区）");
    expect(ok).toContain("/a_a1b2c3d4");
    expect(miss).toContain("没有新闻");
    expect(miss).toContain("/digest 2026-02-01");
    expect(bad).toContain("无法识别日期");
  });

  it("/subscribe stores time and district, /unsubscribe removes it, bad input is explained", async () => {
    const { bot, calls, subs } = setup();
    await bot.handleUpdate(textUpdate("/subscribe 7:30 陕州区"));
    expect(subs.get(42)).toEqual({ time: "07:30", districts: ["陕州区"] });
    await bot.handleUpdate(textUpdate("/subscribe 25:00"));
    await bot.handleUpdate(textUpdate("/subscribe 火星区"));
    await bot.handleUpdate(textUpdate("/unsubscribe"));
    await bot.handleUpdate(textUpdate("/unsubscribe"));
    expect(subs.has(42)).toBe(false);
    const [ok, badTime, badDistrict, removed, none] = sentTexts(calls);
    expect(ok).toContain("每天 07:30");
    expect(badTime).toContain("不是有效的时间");
    expect(badDistrict).toContain("没有收录“火星区”");
    expect(removed).toContain("已取消订阅");
    expect(none).toContain("还没有订阅");
  });

  it("/sources lists districts; /help lists every registered command", async () => {
    const { bot, calls } = setup();
    await bot.handleUpdate(textUpdate("/sources"));
    await bot.handleUpdate(textUpdate("/help"));
    const [sources, help] = sentTexts(calls);
    expect(sources).toContain("陕州区：1 篇");
    // Usage examples name a district and a day the bot really has.
    expect(help).toContain("/digest 2026-02-01 陕州区");
    expect(help).toContain("/subscribe 晚上8点 陕州区");
    for (const c of BOT_COMMANDS)
      if (c.command !== "start" && c.command !== "help") expect(help).toContain(`/${c.command}`);
  });

  it("an unknown command and a sticker get a short hint, not an error", async () => {
    const { bot, calls } = setup();
    await bot.handleUpdate(textUpdate("/foo"));
    const sticker = textUpdate("x");
    if (sticker.message) {
      delete (sticker.message as { text?: string }).text;
      delete (sticker.message as { entities?: unknown }).entities;
    }
    await bot.handleUpdate(sticker);
    const [unknown, other] = sentTexts(calls);
    expect(unknown).toContain("没有这个命令");
    expect(other).toContain("我只能读文字问题");
  });
});

describe("argument parsing", () => {
  it("parseSubscribeArgs accepts full-width colon and spoken times, leaves the time unset, resolves district prefixes", () => {
    expect(parseSubscribeArgs("08：05", ["陕州区"])).toEqual({ ok: true, time: "08:05", districts: [] });
    // No time given: the command keeps the current time (or the default for a new subscription).
    expect(parseSubscribeArgs("陕州", ["陕州区"])).toEqual({ ok: true, time: undefined, districts: ["陕州区"] });
    expect(parseSubscribeArgs("晚上8点 孟州 陕州", ["陕州区", "孟州市"])).toEqual({
      ok: true,
      time: "20:00",
      districts: ["孟州市", "陕州区"],
    });
    expect(parseSubscribeArgs("明早", ["陕州区"]).ok).toBe(false);
    expect(parseSubscribeArgs("25点", ["陕州区"]).ok).toBe(false);
  });

  it("parseDigestArgs: empty means latest day; the date is passed on as typed (one resolver in the digest layer); a place word is a district", () => {
    const { deps } = fakeDeps();
    expect(parseDigestArgs("", deps)).toEqual({ ok: true, date: undefined, district: undefined });
    expect(parseDigestArgs("昨天", deps)).toEqual({ ok: true, date: "昨天", district: undefined });
    expect(parseDigestArgs("陕州 2026-02-01", deps)).toEqual({ ok: true, date: "2026-02-01", district: "陕州区" });
    // An unknown place word goes to the digest layer, which names it as an unknown district.
    expect(parseDigestArgs("北京", deps)).toEqual({ ok: true, date: undefined, district: "北京" });
  });
});

describe("access, groups, rate limit and errors", () => {
  it("refuses a chat that is not on the allowlist, and lets a listed one in", async () => {
    const { bot, calls, asked } = setup({ allowedChatIds: [7] });
    await bot.handleUpdate(textUpdate("谁出席了？", 99));
    await bot.handleUpdate(callbackUpdate("art:a1b2c3d4", 99));
    expect(asked).toEqual([]);
    expect(sentTexts(calls)[0]).toContain("只对授权的聊天开放");
    expect(sentTexts(calls)[0]).toContain("99");
    expect(calls.find((c) => c.method === "answerCallbackQuery")?.payload.show_alert).toBe(true);
    await bot.handleUpdate(textUpdate("谁出席了？", 7));
    expect(asked).toEqual(["谁出席了？"]);
  });

  it("in a group answers only messages that mention the bot (mention removed) and commands", async () => {
    const { bot, calls, asked } = setup();
    const group = { id: -100, type: "group" as const };
    await bot.handleUpdate(textUpdate("大家好", 5, group));
    await bot.handleUpdate(textUpdate("@news_test_bot 谁出席了会议？", 5, group));
    await bot.handleUpdate(textUpdate("/sources@news_test_bot", 5, group));
    await bot.handleUpdate(textUpdate("/sources@other_bot", 5, group));
    expect(asked).toEqual(["谁出席了会议？"]);
    expect(sentTexts(calls).filter((t) => t.includes("已收录"))).toHaveLength(1);
  });

  it("rate-limits one user (with one notice) without affecting another", async () => {
    const f = fakeDeps();
    const bot = createBot("123:test", f.deps, { botInfo: BOT_INFO, rateLimit: { timeFrame: 60_000, limit: 2 } });
    const calls = recordCalls(bot);
    for (let i = 0; i < 5; i++) await bot.handleUpdate(textUpdate(`问题${i}`, 1));
    await bot.handleUpdate(textUpdate("别人的问题", 2));
    expect(f.asked).toEqual(["问题0", "问题1", "别人的问题"]);
    expect(sentTexts(calls).filter((t) => t.includes("你发得太快了"))).toHaveLength(1);
  });

  it("a failing answerer gives the user a friendly error and the bot keeps working", async () => {
    let fail = true;
    let logged = "";
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk, _enc, cb) {
          logged += String(chunk);
          cb();
        },
      }),
    ) as unknown as Logger;
    const { deps } = fakeDeps({ log });
    const ask = deps.answerer.ask.bind(deps.answerer);
    deps.answerer.ask = async (q) => {
      if (fail) throw new Error("boom https://api.telegram.org/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/x");
      return ask(q);
    };
    const bot = createBot("123:test", deps, { botInfo: BOT_INFO, ...roomy });
    const calls = recordCalls(bot);
    await bot.handleUpdate(textUpdate("问题"));
    fail = false;
    await bot.handleUpdate(textUpdate("问题"));
    const texts = sentTexts(calls);
    expect(texts[0]).toBe(FRIENDLY_ERROR);
    expect(texts[1]).toContain("李军");
    expect(logged).toContain("update failed");
    expect(logged).toContain("<redacted-token>");
    expect(logged).not.toContain("AAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  });
});

describe("admin upload", () => {
  function docUpdate(userId: number, fileName: string, size = 100) {
    const u = textUpdate("x", userId);
    const m = u.message as unknown as Record<string, unknown>;
    delete m.text;
    delete m.entities;
    m.document = { file_id: "f1", file_unique_id: "u1", file_name: fileName, file_size: size, mime_type: "text/plain" };
    return u;
  }

  it("refuses non-admins and non-.txt files, and oversized files, without ingesting", async () => {
    const { bot, calls, ingested } = setup({ adminChatIds: [1] });
    await bot.handleUpdate(docUpdate(2, "a.txt"));
    await bot.handleUpdate(docUpdate(1, "a.pdf"));
    await bot.handleUpdate(docUpdate(1, "a.txt", 50 * 1024 * 1024));
    expect(ingested).toEqual([]);
    const [notAdmin, notTxt, tooBig] = sentTexts(calls);
    expect(notAdmin).toContain("只有管理员");
    expect(notTxt).toContain("只接受 .txt");
    expect(tooBig).toContain("文件太大");
  });

  it("an admin's .txt is downloaded, saved under a safe name, ingested, and the new articles are listed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bot-upload-"));
    const body = new TextEncoder().encode("标题\n\n正文。");
    const uploaded = article({ id: "feedbeef", source: "new_bulletin.txt", title: "新上传的报道" });
    const { bot, calls, ingested } = setup(
      { adminChatIds: [1], uploadsDir: dir, articles: [article(), uploaded] },
      async (p) => {
        expect(p).toBe("documents/file.txt");
        return body;
      },
    );
    await bot.handleUpdate(docUpdate(1, "../new bulletin.txt"));
    expect(ingested).toEqual([[path.join(dir, "new_bulletin.txt")]]);
    expect(fs.readFileSync(path.join(dir, "new_bulletin.txt"), "utf8")).toBe("标题\n\n正文。");
    const report = sentTexts(calls).join("\n");
    expect(report).toContain("new_bulletin.txt</b> 已添加");
    expect(report).toContain("新上传的报道  /article feedbeef");
  });

  it("a skipped (unreadable) upload keeps the earlier good file of the same name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bot-upload-"));
    fs.writeFileSync(path.join(dir, "b.txt"), "good");
    const { deps } = fakeDeps({ adminChatIds: [1], uploadsDir: dir });
    deps.ingest = async (paths) => ({
      files: paths.map((p) => ({
        path: p,
        source: "b.txt",
        status: "skipped" as const,
        articles: 0,
        reason: "不是文本文件",
      })),
      filesRead: 0,
      articlesFound: 0,
      facts: { added: 0, removed: 0 },
      index: { articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 },
    });
    const bot = createBot("123:test", deps, {
      botInfo: BOT_INFO,
      ...roomy,
      download: async () => new Uint8Array([0, 1, 2]),
    });
    const calls = recordCalls(bot);
    await bot.handleUpdate(docUpdate(1, "b.txt"));
    expect(fs.readFileSync(path.join(dir, "b.txt"), "utf8")).toBe("good");
    expect(sentTexts(calls).join("")).toContain("未能读取：不是文本文件");
  });
});

describe("terminal chat", () => {
  it("prints answers as plain text, shows buttons, and a typed button label opens the article", async () => {
    const { deps } = fakeDeps();
    let out = "";
    const chat = createTerminalChat(deps, (t) => {
      out += t;
    });
    await chat.send("谁出席了动员部署会？");
    expect(out).toContain("区委书记李军出席会议。[1]");
    expect(out).toContain("[📄 原文 1]");
    expect(out).not.toContain("<b>");
    out = "";
    await chat.send("原文 1");
    expect(out).toContain("陕州区召开动员部署会");
    expect(out).toContain("会议强调，要抓好安全生产。");
  });
});

describe("example questions", () => {
  it("builds meeting and date questions from titles, and keeps only those the answerer answers", async () => {
    const articles = [
      article({ id: "m1", title: "解放区召开大气污染防治推进会", date: "2024-11-11" }),
      article({ id: "o1", title: "卢和平督导农村路建设工作", date: "2020-03-24" }),
      article({ id: "m2", title: "火星区政协会议召开", date: "2020-01-01" }),
    ];
    expect(exampleQuestions(articles, 5)).toEqual([
      "谁出席了解放区大气污染防治推进会？",
      "《卢和平督导农村路建设工作》是哪天的事？",
      "谁出席了火星区政协会议？",
    ]);
    const { deps } = fakeDeps({ articles });
    // The fake answerer does not find anything about 火星.
    expect(await verifiedExamples(deps, 3)()).toEqual([
      "谁出席了解放区大气污染防治推进会？",
      "《卢和平督导农村路建设工作》是哪天的事？",
    ]);
  });
});
