import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConversation } from "../../src/converse/conversation.js";
import type { PersonMentions } from "../../src/converse/mentions.js";
import { SessionStore } from "../../src/converse/sessions.js";
import { timelineAsk } from "../../src/converse/timeline.js";
import type { Answer, Article } from "../../src/core/types.js";
import { testArticle } from "../support/articles.js";

/** Articles made up for the test: one person meeting foreign guests in two articles, another in one. */
const ARTS: Article[] = [
  testArticle({
    id: "m1",
    title: "王明会见甲国客人",
    district: "甲区",
    date: "2020-05-02",
    text: "5月2日，区长王明在区政府会见甲国总理一行。双方交流了合作意向。",
  }),
  testArticle({
    id: "m2",
    title: "王明会见乙国客人",
    district: "甲区",
    date: "2020-06-09",
    text: "6月9日，王明会见乙国总理。",
  }),
  testArticle({ id: "m3", title: "王明调研", district: "甲区", date: "2020-07-01", text: "王明到企业调研。" }),
  testArticle({ id: "m4", title: "李刚会见客人", district: "甲区", date: "2020-07-03", text: "李刚会见丙国客人。" }),
];
const byName: Record<string, string[]> = { 王明: ["m1", "m2", "m3"], 李刚: ["m4"] };
const mentions: PersonMentions = {
  rolesOf: async (name) =>
    (byName[name] ?? []).map((id) => {
      const a = ARTS.find((x) => x.id === id) as Article;
      return { articleId: id, role: null, post: null, sentence: a.text, start: 0, end: a.text.length };
    }),
  namesIn: (text) => ["王明", "李刚"].filter((n) => text.includes(n)),
};

let dir: string;
let sessions: SessionStore;
const asked: string[] = [];
const answerer = {
  ask: async (q: string): Promise<Answer> => {
    asked.push(q);
    return { question: q, answer: "（答案）", citations: [], found: false };
  },
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "conv-"));
  sessions = new SessionStore(dir);
  asked.length = 0;
});
afterEach(() => {
  sessions.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function conversation() {
  return createConversation({
    answerer,
    store: {
      get: (id) => ARTS.find((a) => a.id === id),
      list: () => ARTS,
      districts: () => [{ district: "甲区" }],
      days: () => ARTS.map((a) => ({ date: a.date ?? "" })).filter((d) => d.date),
    },
    mentions,
    sessions,
    now: () => new Date("2020-08-01T00:00:00Z"),
  });
}

describe("answers across articles", () => {
  it("reads a person and an action asked across articles, not a leader's points", () => {
    expect(timelineAsk("王明会见了哪些国家的总理？")).toEqual({ name: "王明", verb: "会见" });
    expect(timelineAsk("王明强调了哪些要求？")).toBeUndefined();
  });

  it("lists every article where the person did it, each line cited with the sentence naming both", async () => {
    const r = await conversation().ask("c:1", "王明会见了哪些国家的总理？");
    expect(r.kind).toBe("timeline");
    expect(r.citations.map((c) => c.articleId)).toEqual(["m2", "m1"]);
    expect(r.answer).toContain("报道中“王明”会见的共 2 篇");
    for (const c of r.citations) {
      expect(c.quote).toContain("王明");
      expect(c.quote).toContain("会见");
    }
    expect(asked).toEqual([]);
  });

  it("leaves an action found in one article to the answerer", async () => {
    await conversation().ask("c:2", "李刚会见了哪些客人？");
    expect(asked).toEqual(["李刚会见了哪些客人？"]);
  });

  it("declines a timeline of a person the news never names, and keeps the context", async () => {
    const c = conversation();
    await c.ask("c:3", "王明参加了哪些活动？");
    const r = await c.ask("c:3", "张三参加了哪些活动？");
    expect(r.found).toBe(false);
    expect(sessions.last("c:3")?.person).toBe("王明");
    expect((await c.ask("c:3", "他会见了哪些国家的总理？")).understood).toBe("王明");
  });

  it("forgets the context on forget (the /new of the bot)", async () => {
    const c = conversation();
    await c.ask("c:4", "王明参加了哪些活动？");
    c.remember("c:4", "c:4:msg:9");
    expect(c.forget("c:4")).toBe(true);
    expect(sessions.last("c:4:msg:9")).toBeUndefined();
    const r = await c.ask("c:4", "他会见了哪些国家的总理？");
    expect(r.understood).toBeUndefined();
  });
});

describe("follow-ups about an event whose headline names no meeting", () => {
  it("tries the headline, then the event as the question named it", async () => {
    const article = testArticle({
      id: "h1",
      title: "摆起擂台 注入动能",
      district: "甲区",
      date: "2021-05-29",
      text: "…",
    });
    const seen: string[] = [];
    const c = createConversation({
      answerer: {
        ask: async (q) => {
          seen.push(q);
          const cite = {
            n: 1,
            articleId: "h1",
            title: article.title,
            district: "甲区",
            date: "2021-05-29",
            source: "t",
            quote: "…",
          };
          if (q.startsWith("甲区擂台赛观摩是谁带队"))
            return { question: q, answer: "王明带队。[1]", citations: [cite], found: true };
          if (q.startsWith("甲区擂台赛观摩是哪天"))
            return { question: q, answer: "5月29日。[1]", citations: [cite], found: true };
          return { question: q, answer: "没有", citations: [], found: false };
        },
      },
      store: { get: () => article, list: () => [article], districts: () => [{ district: "甲区" }], days: () => [] },
      mentions,
      sessions,
    });
    await c.ask("h:1", "甲区擂台赛观摩是谁带队的？");
    const r = await c.ask("h:1", "这个活动是哪天举行的？");
    expect(seen.slice(1)).toEqual(["摆起擂台注入动能是哪天举行的？", "甲区擂台赛观摩是哪天举行的？"]);
    expect(r.found).toBe(true);
    expect(r.answer).toBe("（指：甲区擂台赛观摩）5月29日。[1]");
  });
});
