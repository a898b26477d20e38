import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDigest, nearestDays, resolveDistrict } from "../../src/digest/build.js";
import { formatDigestText } from "../../src/digest/format.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { article, put, tempStore } from "./helpers.js";

const TZ = "Asia/Shanghai";
const NOW = new Date("2020-04-02T04:00:00Z");

let store: ArticleStore;
let cleanup: () => void;

beforeEach(() => {
  ({ store, cleanup } = tempStore());
  put(store, [
    // Page 1: two districts interleaved, one article without a district.
    article({
      id: "a0000001",
      source: "001.txt",
      seq: 0,
      title: "孟州市委常委会召开",
      district: "孟州市",
      date: "2020-03-28",
      text: "本报讯(记者李四)3月28日,孟州市委常委会召开会议,研究部署疫情防控工作。会议强调要抓好落实。",
    }),
    article({
      id: "a0000002",
      source: "001.txt",
      seq: 1,
      title: "山阳区召开务虚会",
      district: "山阳区",
      date: "2020-03-28",
      text: "本报讯(记者原文钊 通讯员王欢)3月28日,山阳区委副书记赵玉辉主持召开全区工作务虚会。",
    }),
    article({
      id: "a0000003",
      source: "001.txt",
      seq: 2,
      title: "孟州市开展植树活动",
      district: "孟州市",
      date: "2020-03-28",
      text: "3月28日,孟州市四大班子领导参加义务植树活动。",
    }),
    article({
      id: "a0000004",
      source: "001.txt",
      seq: 3,
      title: "全省春耕生产有序推进",
      district: null,
      date: "2020-03-28",
      text: "近日,全省春耕生产有序推进。",
    }),
    // Another day, and a reprint of a 3月28日 article in a later file (same title).
    article({
      id: "a0000005",
      source: "002.txt",
      seq: 0,
      title: "山阳区督导复学准备工作",
      district: "山阳区",
      date: "2020-03-30",
      text: "近日,山阳区委副书记、区长郑小林带队督导检查复学准备工作。",
    }),
    article({
      id: "a0000006",
      source: "002.txt",
      seq: 1,
      title: "孟州市委常委会召开",
      district: "孟州市",
      date: "2020-03-28",
      text: "3月28日,孟州市委常委会召开会议。",
    }),
    article({
      id: "a0000007",
      source: "003.txt",
      seq: 0,
      title: "卫东区人大会议举行",
      district: "卫东区",
      date: "2021-02-23",
      text: "本报讯(记者王孟鹤)2月23日至25日,卫东区第十届人民代表大会第七次会议举行。",
    }),
    // An undated article never shows in a day's digest.
    article({ id: "a0000008", source: "003.txt", seq: 1, title: "卫东区强化服务保障", district: "卫东区", date: null }),
  ]);
});
afterEach(() => cleanup());

async function ok(opts: Parameters<typeof buildDigest>[1]) {
  const r = await buildDigest(store, opts);
  if (!r.ok) throw new Error(r.message);
  return r.digest;
}

describe("buildDigest", () => {
  it("lists the day's articles grouped by district, page order inside a group, reprints once", async () => {
    const d = await ok({ date: "2020-03-28", timezone: TZ, now: NOW });
    expect(d.date).toBe("2020-03-28");
    expect(d.district).toBeNull();
    expect(d.items.map((i) => i.articleId)).toEqual(["a0000001", "a0000003", "a0000002", "a0000004"]);
    expect(d.items.map((i) => i.district)).toEqual(["孟州市", "孟州市", "山阳区", null]);
    for (const i of d.items) {
      expect(i.date).toBe("2020-03-28");
      expect(i.summary.length).toBeGreaterThan(0);
      expect(i.source).toBe("001.txt");
    }
    expect(d.items[0]?.summary).toBe("孟州市委常委会召开会议,研究部署疫情防控工作。会议强调要抓好落实。");
    expect(d.items[2]?.summary).toBe("山阳区委副书记赵玉辉主持召开全区工作务虚会。");
  });

  it("takes the most recent day with news when no date is given (for the district when given)", async () => {
    expect((await ok({ timezone: TZ, now: NOW })).date).toBe("2021-02-23");
    const d = await ok({ district: "山阳区", timezone: TZ, now: NOW });
    expect(d.date).toBe("2020-03-30");
    expect(d.items.map((i) => i.articleId)).toEqual(["a0000005"]);
  });

  it("filters by district, accepting the name without its suffix", async () => {
    const d = await ok({ date: "2020-03-28", district: "孟州", timezone: TZ, now: NOW });
    expect(d.district).toBe("孟州市");
    expect(d.items.map((i) => i.articleId)).toEqual(["a0000001", "a0000003"]);
  });

  it("names the nearest days with news when a day has none", async () => {
    const r = await buildDigest(store, { date: "2020-03-29", timezone: TZ, now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.nearestDays).toEqual(["2020-03-28", "2020-03-30", "2021-02-23"]);
    expect(r.message).toContain("2020-03-29");
    expect(r.message).toContain("2020-03-28");
    expect(r.message).toContain("2020-03-30");

    const m = await buildDigest(store, { date: "2020-03-30", district: "孟州市", timezone: TZ, now: NOW });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.nearestDays).toEqual(["2020-03-28"]);
  });

  it("rejects an invalid date and an unknown district with a clear message", async () => {
    const bad = await buildDigest(store, { date: "2020-02-30", timezone: TZ, now: NOW });
    expect(bad).toMatchObject({ ok: false, nearestDays: [] });
    if (!bad.ok) expect(bad.message).toContain("不是有效日期");

    const unknown = await buildDigest(store, { district: "朝阳区", timezone: TZ, now: NOW });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.message).toContain("朝阳区");
      for (const d of ["孟州市", "山阳区", "卫东区"]) expect(unknown.message).toContain(d);
    }
    const huge = await buildDigest(store, { district: "区".repeat(100_000), timezone: TZ, now: NOW });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.message.length).toBeLessThan(200);
  });

  it("accepts Chinese and relative dates; a year-less day falls back to the latest year with news", async () => {
    expect((await ok({ date: "2020年3月28日", timezone: TZ, now: NOW })).date).toBe("2020-03-28");
    // "Now" is 2020-04-02: 前天 was 2020-03-31, which has no news.
    const r = await buildDigest(store, { date: "前天", timezone: TZ, now: NOW });
    expect(r.ok).toBe(false);
    const y = await buildDigest(store, { date: "昨天", timezone: TZ, now: new Date("2020-03-31T04:00:00Z") });
    expect(y.ok && y.digest.date).toBe("2020-03-30");
    // In 2026, "2月23日" means 2026-02-23, which has no news: the most recent 2月23日 with news is used.
    expect((await ok({ date: "2月23日", timezone: TZ, now: new Date("2026-11-23T00:00:00Z") })).date).toBe(
      "2021-02-23",
    );
  });

  it("says so when the store is empty", async () => {
    const empty = tempStore();
    try {
      const r = await buildDigest(empty.store, { timezone: TZ });
      expect(r).toMatchObject({ ok: false, nearestDays: [] });
      if (!r.ok) expect(r.message).toContain("还没有");
    } finally {
      empty.cleanup();
    }
  });

  it("uses an injected summarizer", async () => {
    const d = await ok({ date: "2021-02-23", timezone: TZ, now: NOW, summarize: (a) => `摘要:${a.title}` });
    expect(d.items[0]?.summary).toBe("摘要:卫东区人大会议举行");
  });
});

describe("helpers", () => {
  it("resolveDistrict matches exact names, names without suffix, and traditional characters", () => {
    const known = ["孟州市", "山阳区", "解放区"];
    expect(resolveDistrict("孟州市", known)).toBe("孟州市");
    expect(resolveDistrict("孟州", known)).toBe("孟州市");
    expect(resolveDistrict("解放區", known)).toBe("解放区");
    expect(resolveDistrict("中原区", known)).toBeUndefined();
    expect(resolveDistrict("", known)).toBeUndefined();
  });

  it("resolveDistrict reads the short forms of ethnic districts (管城区, 管城 → 管城回族区)", () => {
    const known = ["管城回族区", "金水区"];
    expect(resolveDistrict("管城区", known)).toBe("管城回族区");
    expect(resolveDistrict("管城", known)).toBe("管城回族区");
    expect(resolveDistrict("管城回族区", known)).toBe("管城回族区");
    expect(resolveDistrict("二七区", known)).toBeUndefined();
  });

  it("nearestDays always offers the closest day before and after, then the closest others", () => {
    expect(nearestDays(["2020-03-26", "2020-03-27", "2020-03-28", "2021-02-19"], "2020-03-29")).toEqual([
      "2020-03-27",
      "2020-03-28",
      "2021-02-19",
    ]);
    expect(nearestDays(["2020-03-26", "2020-03-27"], "2020-04-01")).toEqual(["2020-03-26", "2020-03-27"]);
    expect(nearestDays([], "2020-04-01")).toEqual([]);
  });

  it("nearestDays picks the closest days and returns them in calendar order", () => {
    expect(nearestDays(["2020-01-01", "2020-03-01", "2020-03-05", "2021-01-01"], "2020-03-03")).toEqual([
      "2020-01-01",
      "2020-03-01",
      "2020-03-05",
    ]);
  });

  it("formatDigestText shows a subscriber digest (no day) with each article's date", () => {
    const text = formatDigestText({
      date: null,
      district: "孟州市",
      items: [
        {
          articleId: "a1",
          title: "标题一",
          district: "孟州市",
          date: "2020-03-28",
          summary: "摘要一。",
          source: "1.txt",
        },
        { articleId: "a2", title: "标题二", district: "孟州市", date: null, summary: "摘要二。", source: "1.txt" },
      ],
    });
    expect(text).toBe(
      [
        "新闻摘要（自上次推送以来） · 孟州市 · 共 2 篇",
        "",
        "【孟州市】",
        "1. 标题一（2020-03-28）",
        "   摘要一。",
        "   [a1] 1.txt",
        "2. 标题二",
        "   摘要二。",
        "   [a2] 1.txt",
      ].join("\n"),
    );
  });

  it("formatDigestText shows the day, district groups, numbered items with id and source", async () => {
    const text = formatDigestText(await ok({ date: "2020-03-28", timezone: TZ, now: NOW }));
    expect(text.split("\n")[0]).toBe("2020-03-28 新闻摘要 · 共 4 篇");
    expect(text).toContain("【孟州市】\n1. 孟州市委常委会召开");
    expect(text).toContain("【山阳区】\n3. 山阳区召开务虚会");
    expect(text).toContain("【其他】\n4. 全省春耕生产有序推进");
    expect(text).toContain("[a0000001] 001.txt");
  });
});
