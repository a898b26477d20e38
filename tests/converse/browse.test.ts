import { describe, expect, it } from "vitest";
import { browse, PAGE_SIZE, parseBrowse, parseSearch, renderBrowse } from "../../src/converse/browse.js";
import type { Article } from "../../src/core/types.js";
import { testArticle } from "../support/articles.js";

const DISTRICTS = ["陕州区", "解放区", "卫东区", "中原区", "山阳区", "孟州市"];
const TODAY = "2026-12-03"; // a Thursday
const DAYS: Record<string, string[]> = {
  陕州区: ["2026-02-01"],
  解放区: ["2024-11-11"],
  卫东区: ["2021-02-23"],
  孟州市: ["2020-03-28"],
  山阳区: ["2020-03-27"],
};
const daysOf = (d?: string) => (d ? (DAYS[d] ?? []) : Object.values(DAYS).flat().sort().reverse());

describe("parseBrowse", () => {
  it("reads district, range and topic of a news question", () => {
    expect(parseBrowse("最近陕州有什么新闻？", DISTRICTS, TODAY)).toEqual({ district: "陕州区" });
    expect(parseBrowse("山阳区有哪些新闻", DISTRICTS, TODAY)).toEqual({ district: "山阳区" });
    expect(parseBrowse("今天解放区有什么新闻", DISTRICTS, TODAY)).toMatchObject({
      district: "解放区",
      dateFrom: TODAY,
      dateTo: TODAY,
    });
    expect(parseBrowse("本周有什么新闻？", DISTRICTS, TODAY)).toMatchObject({ dateFrom: "2026-11-30", dateTo: TODAY });
    expect(parseBrowse("有关疫情防控的报道有哪些？", DISTRICTS, TODAY)).toEqual({ topic: "疫情防控" });
  });

  it("gives a month without a year the latest year with news in it, and marks meetings", () => {
    expect(parseBrowse("孟州市3月份开了哪些会？", DISTRICTS, TODAY, daysOf)).toEqual({
      district: "孟州市",
      dateFrom: "2020-03-01",
      dateTo: "2020-03-31",
      month: 3,
      label: "3月",
      meetings: true,
    });
    // 二月: 2026 has February news (陕州区), but 卫东区's February news is of 2021.
    expect(parseBrowse("卫东区二月份开了哪些会议", DISTRICTS, TODAY, daysOf)).toMatchObject({ dateFrom: "2021-02-01" });
    expect(parseBrowse("二月份有什么新闻", DISTRICTS, TODAY, daysOf)).toMatchObject({ dateFrom: "2026-02-01" });
    expect(parseBrowse("2020年3月有什么新闻", DISTRICTS, TODAY, daysOf)).toMatchObject({ dateFrom: "2020-03-01" });
  });

  it("is not a browse question when no list of news is asked", () => {
    expect(parseBrowse("谁主持了孟州市委常委会？", DISTRICTS, TODAY)).toBeUndefined();
    // About one meeting, not a list of them: left to the answerer.
    expect(parseBrowse("山阳区委常委会第125次会议期间还召开了哪些会议?", DISTRICTS, TODAY)).toBeUndefined();
    // Other words of a news question are its topic.
    expect(parseBrowse("卫东区疫情防控有哪些新闻？", DISTRICTS, TODAY)).toEqual({
      district: "卫东区",
      topic: "疫情防控",
    });
  });

  it("reads /search words: district and month filter, the rest is the topic", () => {
    expect(parseSearch("孟州 3月 项目", DISTRICTS, TODAY, daysOf)).toMatchObject({
      district: "孟州市",
      dateFrom: "2020-03-01",
      topic: "项目",
    });
    expect(parseSearch("疫情防控", DISTRICTS, TODAY, daysOf)).toEqual({ topic: "疫情防控" });
    expect(parseSearch("   ", DISTRICTS, TODAY, daysOf)).toBeUndefined();
  });
});

const arts: Article[] = [
  testArticle({
    id: "a1",
    title: "甲区召开防汛工作会议",
    district: "甲区",
    date: "2020-03-05",
    text: "甲区召开防汛会议。",
  }),
  testArticle({ id: "a2", title: "甲区新闻二", district: "甲区", date: "2020-04-01", text: "甲区植树。" }),
  testArticle({ id: "a3", title: "甲区新闻三", district: "甲区", dateText: "3月9日", text: "3月9日，甲区防汛演练。" }),
  testArticle({ id: "a4", title: "甲区新闻四", district: "甲区", dateText: "近日", text: "近日，甲区开展活动。" }),
  ...[5, 6, 7, 8].map((i) =>
    testArticle({ id: `a${i}`, title: `乙区新闻${i}`, district: "乙区", date: `2020-05-0${i}` }),
  ),
];
const deps = (searchIds: string[] = []) => ({
  list: (f: { district?: string } = {}) => arts.filter((a) => !f.district || a.district === f.district),
  get: (id: string) => arts.find((a) => a.id === id),
  search: async () => searchIds.map((articleId) => ({ metadata: { articleId } })),
});

describe("browse", () => {
  it("lists a district newest first with undated articles last, marked 日期不详", async () => {
    const p = await browse(deps(), { district: "甲区" });
    expect(p.items.map((i) => i.article.id)).toEqual(["a2", "a1", "a3", "a4"]);
    const { answer, citations } = renderBrowse(p);
    expect(answer).toContain("3月9日（年份不详）");
    expect(answer).toContain("日期不详");
    expect(citations.map((c) => c.n)).toEqual([1, 2, 3, 4]);
  });

  it("reaches an undated article by the month printed in it when the month has no year", async () => {
    const p = await browse(deps(), { district: "甲区", dateFrom: "2020-03-01", dateTo: "2020-03-31", month: 3 });
    expect(p.items.map((i) => i.article.id)).toEqual(["a1", "a3"]);
    const strict = await browse(deps(), { district: "甲区", dateFrom: "2020-03-01", dateTo: "2020-03-31" });
    expect(strict.items.map((i) => i.article.id)).toEqual(["a1"]);
  });

  it("pages, numbering across pages", async () => {
    const first = await browse(deps(), {}, 0);
    expect(first.total).toBe(8);
    expect(first.pages).toBe(2);
    expect(first.items).toHaveLength(PAGE_SIZE);
    const second = await browse(deps(), {}, 1);
    expect(second.items).toHaveLength(8 - PAGE_SIZE);
    const { answer, citations } = renderBrowse(second);
    expect(citations[0]?.n).toBe(PAGE_SIZE + 1);
    expect(answer).toContain(`${PAGE_SIZE + 1}. 《`);
    expect((await browse(deps(), {}, 9)).page).toBe(1);
  });

  it("lists for a topic only articles that print it, quoting the sentence that does", async () => {
    // The search returns a2 too, which never says 防汛: it is left out.
    const p = await browse(deps(["a2", "a3", "a1"]), { topic: "防汛" });
    expect(p.items.map((i) => i.article.id)).toEqual(["a1", "a3"]);
    for (const it of p.items) expect(it.quote).toContain("防汛");
  });

  it("lists only meetings for 开了哪些会", async () => {
    const p = await browse(deps(), { district: "甲区", meetings: true });
    expect(p.items.map((i) => i.article.id)).toEqual(["a1"]);
  });
});
