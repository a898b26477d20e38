import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTimeOfDay, SENT_IDS_KEPT_DAYS, SubscriptionStore } from "../../src/digest/subscriptions.js";
import { tempDir } from "./helpers.js";

let dir: string;
let cleanup: () => void;
let subs: SubscriptionStore;
let now = new Date("2020-03-28T00:00:00Z");

beforeEach(() => {
  now = new Date("2020-03-28T00:00:00Z");
  ({ dir, cleanup } = tempDir());
  subs = new SubscriptionStore(path.join(dir, "nested", "subscriptions.db"), "Asia/Shanghai", () => now);
});
afterEach(() => {
  subs.close();
  cleanup();
});

describe("SubscriptionStore", () => {
  it("subscribes with defaults, and upserts keeping the delivery state", () => {
    const s = subs.subscribe(42, { time: "8:00" });
    expect(s).toMatchObject({
      chatId: 42,
      time: "08:00",
      district: null,
      timezone: "Asia/Shanghai",
      createdAt: "2020-03-28T00:00:00.000Z",
      lastSentAt: null,
      lastRunDay: null,
      cursor: null,
      failures: 0,
    });
    subs.markRun(42, "2020-03-28", { articleIds: ["a1"], cursor: "2020-03-27T10:00:00.000Z" });
    now = new Date("2020-03-29T00:00:00Z");
    const changed = subs.subscribe(42, { time: "21:30", district: "孟州市", timezone: "UTC" });
    expect(changed).toMatchObject({
      time: "21:30",
      district: "孟州市",
      timezone: "UTC",
      createdAt: "2020-03-28T00:00:00.000Z",
      updatedAt: "2020-03-29T00:00:00.000Z",
      lastRunDay: "2020-03-28",
      cursor: "2020-03-27T10:00:00.000Z",
    });
    expect(subs.list().map((x) => x.chatId)).toEqual([42]);
  });

  it("rejects a bad time or time zone with a Chinese message and stores nothing", () => {
    expect(() => subs.subscribe(1, { time: "25:00" })).toThrow(/不是有效的时间/);
    expect(() => subs.subscribe(1, { time: "abc" })).toThrow(/HH:MM/);
    expect(() => subs.subscribe(1, { time: "08:00", timezone: "Mars/Base" })).toThrow(/时区/);
    expect(subs.list()).toEqual([]);
  });

  it("unsubscribes, and says whether there was a subscription", () => {
    subs.subscribe(-100123, { time: "07:00" });
    expect(subs.unsubscribe(-100123)).toBe(true);
    expect(subs.unsubscribe(-100123)).toBe(false);
    expect(subs.get(-100123)).toBeUndefined();
  });

  it("records runs, sent articles, failures and retries; the cursor never moves back", () => {
    subs.subscribe(7, { time: "08:00" });
    subs.markFailed(7, "network down", new Date("2020-03-28T00:05:00Z"));
    expect(subs.get(7)).toMatchObject({ failures: 1, retryAt: "2020-03-28T00:05:00.000Z", lastError: "network down" });
    subs.markRun(7, "2020-03-28", { articleIds: ["a1", "a2"], cursor: "2020-03-28T00:00:00.000Z" });
    expect(subs.get(7)).toMatchObject({
      failures: 0,
      retryAt: null,
      lastError: null,
      lastRunDay: "2020-03-28",
      cursor: "2020-03-28T00:00:00.000Z",
      lastSentAt: now.toISOString(),
    });
    expect([...subs.sentIds(7, ["a1", "a2", "a3"])].sort()).toEqual(["a1", "a2"]);
    subs.markRun(7, "2020-03-29", { articleIds: ["a0"], cursor: "2020-03-01T00:00:00.000Z" });
    expect(subs.get(7)?.cursor).toBe("2020-03-28T00:00:00.000Z");
    subs.markRun(7, "2020-03-30");
    expect(subs.get(7)?.lastRunDay).toBe("2020-03-30");
  });

  it("records nothing for a chat that unsubscribed during a send", () => {
    subs.subscribe(9, { time: "08:00" });
    subs.unsubscribe(9);
    subs.markRun(9, "2020-03-28", { articleIds: ["a1"], cursor: "2020-03-28T00:00:00.000Z" });
    expect(subs.get(9)).toBeUndefined();
    expect(subs.sentIds(9, ["a1"]).size).toBe(0);
  });

  it("forgets delivered ids after SENT_IDS_KEPT_DAYS so the table stays small", () => {
    subs.subscribe(3, { time: "08:00" });
    subs.markRun(3, "2020-03-28", { articleIds: ["old"], cursor: "2020-03-28T00:00:00.000Z" });
    now = new Date(now.getTime() + (SENT_IDS_KEPT_DAYS + 1) * 86_400_000);
    subs.markRun(3, "2020-05-28", { articleIds: ["new"], cursor: "2020-05-28T00:00:00.000Z" });
    expect([...subs.sentIds(3, ["old", "new"])]).toEqual(["new"]);
  });

  it("persists across reopening the file", () => {
    subs.subscribe(5, { time: "09:15", district: "山阳区" });
    subs.close();
    subs = new SubscriptionStore(path.join(dir, "nested", "subscriptions.db"));
    expect(subs.get(5)).toMatchObject({ time: "09:15", district: "山阳区" });
  });
});

describe("parseTimeOfDay", () => {
  it("reads HH:MM and Chinese times", () => {
    expect(parseTimeOfDay("08:00")).toBe("08:00");
    expect(parseTimeOfDay("8:05")).toBe("08:05");
    expect(parseTimeOfDay("８：３０")).toBe("08:30");
    expect(parseTimeOfDay("8点")).toBe("08:00");
    expect(parseTimeOfDay("8点半")).toBe("08:30");
    expect(parseTimeOfDay("20点15分")).toBe("20:15");
    expect(parseTimeOfDay("23:59")).toBe("23:59");
    expect(parseTimeOfDay("8")).toBe("08:00");
  });
  it("rejects what is not a time of day", () => {
    for (const bad of ["24:00", "8:60", "", "8:0", "x", "-1:00", "08:00:00"]) {
      expect(parseTimeOfDay(bad)).toBeUndefined();
    }
  });
});

describe("several districts per chat", () => {
  it("stores a list, keeps `district` as its first entry, removes one at a time and never widens to all", () => {
    const s = subs.subscribe(7, { time: "晚上8点", districts: ["孟州市", "陕州区", "孟州市"] });
    expect(s).toMatchObject({ time: "20:00", district: "孟州市", districts: ["孟州市", "陕州区"] });
    expect(subs.removeDistrict(7, "中原区")).toBe("not-subscribed");
    expect(subs.removeDistrict(7, "孟州市")).toBe("removed");
    expect(subs.get(7)).toMatchObject({ time: "20:00", districts: ["陕州区"], district: "陕州区" });
    expect(subs.removeDistrict(7, "陕州区")).toBe("unsubscribed");
    expect(subs.get(7)).toBeUndefined();
  });

  it("opens a database from before district lists: its one district becomes a list of one", () => {
    const file = path.join(dir, "old.db");
    const old = new SubscriptionStore(file, "Asia/Shanghai", () => now);
    old.db.exec("DROP TABLE subscriptions");
    old.db.exec(`CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY, time TEXT NOT NULL, district TEXT, timezone TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_sent_at TEXT, last_run_day TEXT,
        cursor TEXT, failures INTEGER NOT NULL DEFAULT 0, retry_at TEXT, last_error TEXT)`);
    old.db
      .prepare(
        "INSERT INTO subscriptions VALUES (1, '08:00', '孟州市', 'Asia/Shanghai', 'x', 'x', NULL, NULL, NULL, 0, NULL, NULL)",
      )
      .run();
    old.db
      .prepare(
        "INSERT INTO subscriptions VALUES (2, '09:00', NULL, 'Asia/Shanghai', 'x', 'x', NULL, NULL, NULL, 0, NULL, NULL)",
      )
      .run();
    old.close();
    const reopened = new SubscriptionStore(file, "Asia/Shanghai", () => now);
    expect(reopened.get(1)).toMatchObject({ district: "孟州市", districts: ["孟州市"] });
    expect(reopened.get(2)).toMatchObject({ district: null, districts: [] });
    reopened.close();
  });
});

describe("parseTimeOfDay: times as people type them", () => {
  it("reads parts of the day, compact digits and Chinese numerals", () => {
    const cases: [string, string][] = [
      ["8点", "08:00"],
      ["8点半", "08:30"],
      ["晚上8点", "20:00"],
      ["晚上8点半", "20:30"],
      ["下午3点", "15:00"],
      ["下午3点15分", "15:15"],
      ["20:00", "20:00"],
      ["0800", "08:00"],
      ["2030", "20:30"],
      ["早上", "08:00"],
      ["晚上", "20:00"],
      ["早上7点", "07:00"],
      ["中午12点", "12:00"],
      ["中午1点", "13:00"],
      ["晚上12点", "00:00"],
      ["凌晨2点", "02:00"],
      ["八点", "08:00"],
      ["晚上八点半", "20:30"],
      ["8点一刻", "08:15"],
      ["十二点", "12:00"],
    ];
    for (const [input, want] of cases) expect(parseTimeOfDay(input), input).toBe(want);
  });

  it("rejects what is no time of day", () => {
    for (const bad of ["2400", "0860", "八", "晚上25点", "x", "明早八", "8点61分"]) {
      expect(parseTimeOfDay(bad), bad).toBeUndefined();
    }
  });
});
