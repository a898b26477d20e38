import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Digest } from "../../src/core/types.js";
import { createDigestScheduler } from "../../src/digest/scheduler.js";
import { SubscriptionStore } from "../../src/digest/subscriptions.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { article, put, tempStore } from "./helpers.js";

const TZ = "Asia/Shanghai";

/** Shanghai wall-clock time → instant (Shanghai is UTC+8 all year). */
function sh(local: string): Date {
  return new Date(`${local}+08:00`);
}

let store: ArticleStore;
let dir: string;
let cleanup: () => void;
let clock: { t: Date; now(): Date };
let subs: SubscriptionStore;
let sent: { chatId: number; digest: Digest; at: string }[];
let failNext: number;
let failMessage: string;

function openSubs(): SubscriptionStore {
  return new SubscriptionStore(path.join(dir, "subscriptions.db"), TZ, () => clock.now());
}

/** A scheduler as the bot builds it at start-up; creating a new one over a reopened store is a restart. */
function scheduler() {
  return createDigestScheduler({
    subscriptions: subs,
    store,
    timezone: TZ,
    clock,
    send: async (chatId, digest) => {
      if (failNext > 0) {
        failNext--;
        throw new Error(failMessage);
      }
      sent.push({ chatId, digest, at: clock.now().toISOString() });
    },
  });
}

/** Ingests one bulletin file `source` with articles `ids` at the clock's current time. */
function ingest(source: string, ids: string[], district = "孟州市") {
  put(
    store,
    ids.map((id, seq) =>
      article({
        id,
        source,
        seq,
        title: `${district}新闻${id}`,
        district,
        date: "2020-03-28",
        text: `本报讯(记者张三)3月28日,${district}召开会议,研究部署${id}工作。`,
      }),
    ),
    clock.now().toISOString(),
  );
}

async function at(local: string, s = scheduler()) {
  clock.t = sh(local);
  return s.tick();
}

beforeEach(() => {
  ({ store, dir, cleanup } = tempStore());
  clock = {
    t: sh("2020-03-28T07:00:00"),
    now() {
      return this.t;
    },
  };
  subs = openSubs();
  sent = [];
  failNext = 0;
  failMessage = "Telegram is down";
});
afterEach(() => {
  subs.close();
  cleanup();
});

describe("digest scheduler", () => {
  it("fires at the subscriber's time, once a day, with what was ingested since the previous digest", async () => {
    subs.subscribe(1, { time: "08:00" });
    const s = scheduler();
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1", "a2"]);

    expect(await at("2020-03-28T07:59:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-28T08:00:00", s)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.digest.date).toBeNull();
    expect(sent[0]?.digest.items.map((i) => i.articleId)).toEqual(["a1", "a2"]);
    expect(sent[0]?.digest.items[0]?.summary).toBe("孟州市召开会议,研究部署a1工作。");
    expect(await at("2020-03-28T08:01:00", s)).toEqual({ sent: 0, failed: 0 });

    // Ingested after today's run: waits for tomorrow's.
    clock.t = sh("2020-03-28T09:00:00");
    ingest("002.txt", ["b1"]);
    expect(await at("2020-03-28T23:59:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-29T07:59:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-29T08:00:00", s)).toEqual({ sent: 1, failed: 0 });
    expect(sent[1]?.digest.items.map((i) => i.articleId)).toEqual(["b1"]);
    expect(subs.get(1)?.lastRunDay).toBe("2020-03-29");
  });

  it("sends nothing when nothing is new, and does not send old news to a new subscriber", async () => {
    ingest("001.txt", ["old1"]);
    clock.t = sh("2020-03-28T07:10:00");
    subs.subscribe(1, { time: "08:00" });
    expect(await at("2020-03-28T08:00:00")).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([]);
    expect(subs.get(1)?.lastRunDay).toBe("2020-03-28");
  });

  it("does not run today's time again for someone who subscribes after it", async () => {
    clock.t = sh("2020-03-28T09:00:00");
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T09:00:01");
    ingest("001.txt", ["a1"]);
    expect(await at("2020-03-28T09:01:00")).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-29T08:00:00")).toEqual({ sent: 1, failed: 0 });
  });

  it("catches up a run missed while the bot was down, once, never twice, even across restarts", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    expect(await at("2020-03-28T08:00:00")).toEqual({ sent: 1, failed: 0 });

    // Down from 2020-03-28 10:00 to 2020-03-31 15:00; news came in meanwhile.
    clock.t = sh("2020-03-29T12:00:00");
    ingest("002.txt", ["b1"]);
    clock.t = sh("2020-03-30T12:00:00");
    ingest("003.txt", ["c1"]);

    subs.close();
    subs = openSubs();
    expect(await at("2020-03-31T15:00:00")).toEqual({ sent: 1, failed: 0 });
    expect(sent[1]?.digest.items.map((i) => i.articleId)).toEqual(["b1", "c1"]);

    // Another restart the same day: nothing again.
    subs.close();
    subs = openSubs();
    expect(await at("2020-03-31T15:01:00")).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-31T20:00:00")).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it("a restart before the day's time does not send yesterday's run again", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    expect(await at("2020-03-28T08:00:00")).toEqual({ sent: 1, failed: 0 });
    subs.close();
    subs = openSubs();
    expect(await at("2020-03-29T06:00:00")).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it("retries a failed send at later ticks and loses nothing, with backoff", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    failNext = 2;
    const s = scheduler();
    expect(await at("2020-03-28T08:00:00", s)).toEqual({ sent: 0, failed: 1 });
    expect(subs.get(1)).toMatchObject({ failures: 1, lastError: "Telegram is down", cursor: null });
    // Before the retry time (1 minute): not tried.
    expect(await at("2020-03-28T08:00:30", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-28T08:01:00", s)).toEqual({ sent: 0, failed: 1 });
    // Second retry waits 5 minutes; meanwhile more news arrives.
    clock.t = sh("2020-03-28T08:02:00");
    ingest("002.txt", ["b1"]);
    expect(await at("2020-03-28T08:05:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-28T08:06:00", s)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.digest.items.map((i) => i.articleId)).toEqual(["a1", "b1"]);
    expect(subs.get(1)).toMatchObject({ failures: 0, retryAt: null, lastRunDay: "2020-03-28" });
    // Delivered once: not again, today or tomorrow.
    expect(await at("2020-03-28T09:00:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-29T08:00:00", s)).toEqual({ sent: 0, failed: 0 });
  });

  it("never stores or logs a bot token from a send error", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    failNext = 1;
    failMessage =
      "request to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed";
    const logged: string[] = [];
    const log = { info: () => {}, warn: (o: object) => logged.push(JSON.stringify(o)), error: () => {} };
    const s = createDigestScheduler({
      subscriptions: subs,
      store,
      timezone: TZ,
      clock,
      log,
      send: async () => {
        throw new Error(failMessage);
      },
    });
    expect(await at("2020-03-28T08:00:00", s)).toEqual({ sent: 0, failed: 1 });
    expect(subs.get(1)?.lastError).toContain("<redacted-token>");
    expect(subs.get(1)?.lastError).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(logged.join("")).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(logged).toHaveLength(1);
  });

  it("keeps retrying a send that fails past midnight, and the next day's digest still holds everything", async () => {
    subs.subscribe(1, { time: "23:50" });
    clock.t = sh("2020-03-28T20:00:00");
    ingest("001.txt", ["a1"]);
    failNext = 100;
    const s = scheduler();
    expect(await at("2020-03-28T23:50:00", s)).toEqual({ sent: 0, failed: 1 });
    expect(await at("2020-03-29T03:00:00", s)).toEqual({ sent: 0, failed: 1 });
    failNext = 0;
    expect(await at("2020-03-29T05:00:00", s)).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]?.digest.items.map((i) => i.articleId)).toEqual(["a1"]);
    // The 2020-03-28 run was completed on the 29th; the 29th's run comes at 23:50 as usual.
    expect(await at("2020-03-29T23:50:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(subs.get(1)?.lastRunDay).toBe("2020-03-29");
  });

  it("never sends an article twice, even when its file is re-ingested", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1", "a2"]);
    expect(await at("2020-03-28T08:00:00")).toEqual({ sent: 1, failed: 0 });
    clock.t = sh("2020-03-28T12:00:00");
    ingest("001.txt", ["a1", "a2", "a3"]);
    expect(await at("2020-03-29T08:00:00")).toEqual({ sent: 1, failed: 0 });
    expect(sent[1]?.digest.items.map((i) => i.articleId)).toEqual(["a3"]);
  });

  it("sends each subscriber its district only, at its own time and time zone", async () => {
    subs.subscribe(1, { time: "08:00", district: "孟州" });
    subs.subscribe(2, { time: "08:00", district: "山阳区" });
    subs.subscribe(3, { time: "08:00", timezone: "UTC" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["m1"], "孟州市");
    ingest("002.txt", ["s1"], "山阳区");
    const s = scheduler();
    expect(await at("2020-03-28T08:00:00", s)).toEqual({ sent: 2, failed: 0 });
    const byChat = new Map(sent.map((x) => [x.chatId, x.digest]));
    expect(byChat.get(1)?.items.map((i) => i.articleId)).toEqual(["m1"]);
    expect(byChat.get(1)?.district).toBe("孟州");
    expect(byChat.get(2)?.items.map((i) => i.articleId)).toEqual(["s1"]);
    // 08:00 UTC is 16:00 in Shanghai.
    expect(await at("2020-03-28T15:59:00", s)).toEqual({ sent: 0, failed: 0 });
    expect(await at("2020-03-28T16:00:00", s)).toEqual({ sent: 1, failed: 0 });
    expect(sent[2]?.chatId).toBe(3);
    expect(sent[2]?.digest.items.map((i) => i.articleId)).toEqual(["m1", "s1"]);
  });

  it("a subscriber of several districts gets the new articles of those districts only", async () => {
    subs.subscribe(1, { time: "08:00", districts: ["孟州市", "山阳区"] });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["m1"], "孟州市");
    ingest("002.txt", ["s1"], "山阳区");
    ingest("003.txt", ["z1"], "中原区");
    expect(await at("2020-03-28T08:00:00")).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]?.digest.items.map((i) => i.articleId).sort()).toEqual(["m1", "s1"]);
    expect(sent[0]?.digest.district).toBe("孟州市、山阳区");
  });

  it("does not let one failing subscriber block the others, and ticks never overlap", async () => {
    subs.subscribe(1, { time: "08:00" });
    subs.subscribe(2, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    failNext = 1;
    const s = scheduler();
    clock.t = sh("2020-03-28T08:00:00");
    const [r1, r2] = await Promise.all([s.tick(), s.tick()]);
    expect([r1, r2]).toEqual([
      { sent: 1, failed: 1 },
      { sent: 0, failed: 0 },
    ]);
    expect(sent.map((x) => x.chatId)).toEqual([2]);
  });

  it("summarizes an article shared by many digests once", async () => {
    for (let chat = 1; chat <= 5; chat++) subs.subscribe(chat, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1", "a2"]);
    const calls: string[] = [];
    const s = createDigestScheduler({
      subscriptions: subs,
      store,
      timezone: TZ,
      clock,
      summarize: async (a) => {
        calls.push(a.id);
        return `摘要${a.id}`;
      },
      send: async (chatId, digest) => {
        sent.push({ chatId, digest, at: clock.now().toISOString() });
      },
    });
    expect(await at("2020-03-28T08:00:00", s)).toEqual({ sent: 5, failed: 0 });
    expect(calls.sort()).toEqual(["a1", "a2"]);
    expect(sent.every((x) => x.digest.items[0]?.summary === "摘要a1")).toBe(true);
  });

  it("start and stop the minute timer without sending anything when nobody is due", async () => {
    const s = scheduler();
    s.start();
    s.start();
    s.stop();
    expect(await s.tick()).toEqual({ sent: 0, failed: 0 });
  });
});
