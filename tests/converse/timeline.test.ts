import { describe, expect, it } from "vitest";
import type { PersonMentions } from "../../src/converse/mentions.js";
import { personTimeline, renderTimeline, timelineName } from "../../src/converse/timeline.js";
import type { Article } from "../../src/core/types.js";
import { testArticle } from "../support/articles.js";

describe("timelineName", () => {
  it("reads the person of a timeline question", () => {
    expect(timelineName("赵海燕参加了哪些会议")).toBe("赵海燕");
    expect(timelineName("郑小林参加了哪些活动？")).toBe("郑小林");
    expect(timelineName("吴长青最近在忙什么？")).toBe("吴长青");
    expect(timelineName("卢和平去过哪些地方？")).toBe("卢和平");
    expect(timelineName("请问李军都出席了哪些会？")).toBe("李军");
    expect(timelineName("卢和平还参加了哪些活动？")).toBe("卢和平");
  });
  it("is no timeline without a person's name", () => {
    expect(timelineName("山阳区参加了哪些活动")).toBeUndefined();
    expect(timelineName("谁主持了会议？")).toBeUndefined();
  });
});

const arts: Article[] = [
  testArticle({ id: "t1", title: "会议一", district: "甲区", date: "2020-01-02", text: "区长王明出席会议。" }),
  testArticle({ id: "t2", title: "会议二", district: "甲区", date: "2020-03-02", text: "王明主持会议。" }),
  testArticle({ id: "t3", title: "活动三", district: "乙区", dateText: "近日", text: "乙区副区长王明调研。" }),
  testArticle({ id: "t4", title: "错的", district: "甲区", date: "2020-05-01", text: "李刚出席会议。" }),
];
const sentence = (id: string) => {
  const a = arts.find((x) => x.id === id) as Article;
  return { articleId: id, sentence: a.text, start: 0, end: a.text.length };
};
const mentions: PersonMentions = {
  rolesOf: async (name) =>
    name === "王明"
      ? [
          { ...sentence("t1"), role: "出席", post: "区长" },
          { ...sentence("t2"), role: "主持", post: null },
          { ...sentence("t3"), role: "调研", post: "乙区副区长" },
          // A wrong mention: the cited sentence does not name 王明. The guard leaves it out.
          { ...sentence("t4"), role: "出席", post: null },
        ]
      : [],
  namesIn: () => [],
};
const get = (id: string) => arts.find((a) => a.id === id);

describe("personTimeline", () => {
  it("lists every article naming the person, newest first, and drops a line its quote does not support", async () => {
    const t = await personTimeline("王明", mentions, get);
    expect(t.items.map((i) => i.article.id)).toEqual(["t2", "t1", "t3"]);
    for (const it of t.items) expect(it.quote).toContain("王明");
    const { answer, citations } = renderTimeline(t);
    expect(citations).toHaveLength(3);
    expect(answer).toContain("1. 2020-03-02 · 甲区《会议二》 王明 主持：“王明主持会议。”[1]");
    expect(answer).toContain("日期不详 · 乙区");
  });

  it("tells apart the same name in two districts by district and post", async () => {
    const t = await personTimeline("王明", mentions, get);
    expect(t.districts).toEqual(["甲区", "乙区"]);
    const { answer } = renderTimeline(t);
    expect(answer).toContain("可能不是同一人");
    expect(answer).toContain("王明（乙区副区长）");
    expect(answer).toContain("王明（区长）");
  });

  it("has no item for a person never named", async () => {
    expect((await personTimeline("张三", mentions, get)).items).toEqual([]);
  });
});

describe("timelines of where a person went", () => {
  const visit = testArticle({
    id: "v1",
    title: "王明督导道路建设",
    district: "甲区",
    date: "2020-03-24",
    text: "为确保任务完成，区长王明多次深入一线。3月24日，王明先后到青年路、东风路等处，督导道路建设。",
  });
  const m: PersonMentions = {
    rolesOf: async () => [
      {
        articleId: "v1",
        role: "督导",
        post: "区长",
        sentence: "为确保任务完成，区长王明多次深入一线。",
        start: 0,
        end: 19,
      },
    ],
    namesIn: () => [],
  };

  it("reads 去过哪些地方 as a places timeline", async () => {
    const { timelineAsk } = await import("../../src/converse/timeline.js");
    expect(timelineAsk("王明去过哪些地方？")).toEqual({ name: "王明", focus: "places" });
    expect(timelineAsk("王明参加了哪些会议？")).toEqual({ name: "王明" });
  });

  it("quotes the sentence saying where they went, the most specific one", async () => {
    const t = await personTimeline("王明", m, (id) => (id === "v1" ? visit : undefined), { focus: "places" });
    expect(t.items[0]?.quote).toBe("3月24日，王明先后到青年路、东风路等处，督导道路建设。");
    const plainT = await personTimeline("王明", m, (id) => (id === "v1" ? visit : undefined));
    expect(plainT.items[0]?.quote).toBe("为确保任务完成，区长王明多次深入一线。");
  });
});
