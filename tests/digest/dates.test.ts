import { describe, expect, it } from "vitest";
import {
  addDays,
  localTime,
  looksLikePlace,
  nearestDistricts,
  parseDigestDate,
  resolveDigestDay,
  todayIn,
  unknownDistrictMessage,
} from "../../src/digest/dates.js";

const TZ = "Asia/Shanghai";
// 2020-03-28 01:30 in Shanghai, still 2020-03-27 in UTC.
const NOW = new Date("2020-03-27T17:30:00Z");

function ok(input: string, now = NOW) {
  const r = parseDigestDate(input, now, TZ);
  if (!r.ok) throw new Error(`expected a date for ${input}, got: ${r.message}`);
  return r.date;
}

function fail(input: string, now = NOW): string {
  const r = parseDigestDate(input, now, TZ);
  if (r.ok) throw new Error(`expected an error for ${input}, got ${r.date}`);
  return r.message;
}

describe("parseDigestDate", () => {
  it("reads ISO and slash/dot/compact dates", () => {
    expect(ok("2020-03-28")).toBe("2020-03-28");
    expect(ok("2020/3/28")).toBe("2020-03-28");
    expect(ok("2020.3.8")).toBe("2020-03-08");
    expect(ok("20200328")).toBe("2020-03-28");
    expect(ok(" 2020-03-28 ")).toBe("2020-03-28");
  });

  it("reads Chinese dates, with Arabic or Chinese numerals and full-width digits", () => {
    expect(ok("2020年3月27日")).toBe("2020-03-27");
    expect(ok("2020年3月27号")).toBe("2020-03-27");
    expect(ok("２０２０年３月２７日")).toBe("2020-03-27");
    expect(ok("二〇二〇年三月二十七日")).toBe("2020-03-27");
    expect(ok("2021年十月一日")).toBe("2021-10-01");
    expect(ok("2021年12月31日")).toBe("2021-12-31");
  });

  it("resolves 今天/昨天/前天 in the configured time zone, not UTC", () => {
    expect(todayIn(NOW, TZ)).toBe("2020-03-28");
    expect(todayIn(NOW, "UTC")).toBe("2020-03-27");
    expect(ok("今天")).toBe("2020-03-28");
    expect(ok("昨天")).toBe("2020-03-27");
    expect(ok("前天")).toBe("2020-03-26");
    expect(ok("昨日")).toBe("2020-03-27");
    expect(ok("今天的新闻")).toBe("2020-03-28");
    expect(ok("2020年3月27日的摘要")).toBe("2020-03-27");
    expect(parseDigestDate("今天", NOW, "UTC")).toEqual({ ok: true, date: "2020-03-27" });
  });

  it("gives a day without a year the most recent such day not after today", () => {
    expect(parseDigestDate("3月27日", NOW, TZ)).toEqual({ ok: true, date: "2020-03-27", yearInferred: true });
    expect(ok("3月28日")).toBe("2020-03-28");
    // 3月29日 has not come yet this year: last year's.
    expect(ok("3月29日")).toBe("2019-03-29");
    expect(ok("12月31日")).toBe("2019-12-31");
    expect(ok("3.27")).toBe("2020-03-27");
    expect(ok("3/27")).toBe("2020-03-27");
    expect(ok("三月二十七日")).toBe("2020-03-27");
    // 2月29日 looks back to the last leap year.
    expect(ok("2月29日", new Date("2023-06-01T00:00:00Z"))).toBe("2020-02-29");
  });

  it("rejects impossible days with a clear Chinese message", () => {
    expect(fail("2020-02-30")).toContain("不是有效日期");
    expect(fail("2020-02-30")).toContain("29");
    expect(fail("2021-02-29")).toContain("28");
    expect(fail("2020-13-01")).toContain("没有13月");
    expect(fail("2020-04-31")).toContain("不是有效日期");
    expect(fail("2月30日")).toContain("不是有效日期");
    expect(fail("0月5日")).toContain("不是有效日期");
  });

  it("rejects unreadable text and says which forms work", () => {
    for (const bad of ["", "   ", "明年", "abc", "2020-3", "\u0000\u0001", "3月", "x".repeat(100)]) {
      const msg = fail(bad);
      expect(msg.length).toBeGreaterThan(5);
    }
    expect(fail("下周一")).toContain("2020-03-28");
  });
});

describe("date helpers", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
  });

  it("gives the wall-clock time in a time zone", () => {
    expect(localTime(new Date("2020-03-28T00:00:00Z"), TZ)).toEqual({
      day: "2020-03-28",
      time: "08:00",
      timeWithSeconds: "08:00:00",
    });
    expect(localTime(new Date("2020-03-28T00:00:00Z"), "America/New_York").day).toBe("2020-03-27");
  });
});

describe("one digest-day resolver for bot and CLI", () => {
  const days = ["2021-02-19", "2020-03-28", "2020-03-27"];
  it("a month-day without a year is the most recent such day with news, not the current year", () => {
    const now = new Date("2026-12-03T08:00:00Z");
    expect(resolveDigestDay("3月27日", now, TZ, days)).toEqual({ ok: true, date: "2020-03-27", yearInferred: true });
    expect(resolveDigestDay("2月19日", now, TZ, days)).toMatchObject({ date: "2021-02-19" });
    // No year has news that day: the most recent calendar day is kept (the digest then names the nearest days).
    expect(resolveDigestDay("5月1日", now, TZ, days)).toMatchObject({ ok: true, date: "2026-05-01" });
    // A full date is taken as given.
    expect(resolveDigestDay("2019-03-27", now, TZ, days)).toMatchObject({ date: "2019-03-27" });
  });

  it("an unknown place word is an unknown district, with the nearest names", () => {
    const known = ["孟州市", "陕州区", "山阳区"];
    expect(looksLikePlace("北京", known)).toBe(true);
    expect(looksLikePlace("孟洲", known)).toBe(true);
    expect(looksLikePlace("明年某天", known)).toBe(false);
    expect(nearestDistricts("孟洲", known)).toEqual(["孟州市"]);
    expect(unknownDistrictMessage("孟洲", known)).toContain("你是不是要找：孟州市？");
    expect(unknownDistrictMessage("北京", known)).toBe(
      "没有收录“北京”这个区县。已收录的区县：孟州市、陕州区、山阳区。",
    );
  });
});
