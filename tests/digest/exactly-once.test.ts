import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Digest } from "../../src/core/types.js";
import { createDigestScheduler } from "../../src/digest/scheduler.js";
import { SubscriptionStore } from "../../src/digest/subscriptions.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { article, put, tempStore } from "./helpers.js";

const TZ = "Asia/Shanghai";
const sh = (local: string) => new Date(`${local}+08:00`);

let store: ArticleStore;
let dir: string;
let cleanup: () => void;
let clock: { t: Date; now(): Date };
let subs: SubscriptionStore;
/** What Telegram accepted. */
let delivered: { chatId: number; ids: string[] }[];
const warnings: string[] = [];

/** A bot process's scheduler; `crashAfterAccept`: Telegram accepts the digest, then the process dies (never returns). */
function scheduler(mode: "ok" | "crashAfterAccept" | "reject" = "ok") {
  return createDigestScheduler({
    subscriptions: subs,
    store,
    timezone: TZ,
    clock,
    log: { info: () => undefined, warn: (_o, m) => warnings.push(String(m)), error: () => undefined },
    send: (chatId: number, digest: Digest) => {
      if (mode === "reject") return Promise.reject(new Error("Telegram is down"));
      delivered.push({ chatId, ids: digest.items.map((i) => i.articleId) });
      return mode === "crashAfterAccept" ? new Promise<void>(() => undefined) : Promise.resolve();
    },
  });
}

function ingest(source: string, ids: string[]) {
  put(
    store,
    ids.map((id, seq) =>
      article({ id, source, seq, title: `新闻${id}`, district: "孟州市", text: `孟州市召开会议,研究${id}。` }),
    ),
    clock.now().toISOString(),
  );
}

/** The bot process dies: its store connection is gone; a new process reopens the subscriptions. */
function restart() {
  subs.close();
  subs = new SubscriptionStore(path.join(dir, "subscriptions.db"), TZ, () => clock.now());
}

beforeEach(() => {
  ({ store, dir, cleanup } = tempStore());
  clock = {
    t: sh("2020-03-28T07:00:00"),
    now() {
      return this.t;
    },
  };
  subs = new SubscriptionStore(path.join(dir, "subscriptions.db"), TZ, () => clock.now());
  delivered = [];
  warnings.length = 0;
});
afterEach(() => {
  subs.close();
  cleanup();
});

describe("digest delivery across a crash", () => {
  it("a digest Telegram accepted just before the process died is not sent again after the restart", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1", "a2"]);
    clock.t = sh("2020-03-28T08:00:00");
    void scheduler("crashAfterAccept").tick(); // accepted by Telegram; the process dies before recording it
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([{ chatId: 1, ids: ["a1", "a2"] }]);

    restart();
    clock.t = sh("2020-03-28T08:01:00");
    const s = scheduler();
    expect(await s.tick()).toEqual({ sent: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
    expect(warnings.join("\n")).toContain("counted as delivered, not sent again");
    expect(subs.get(1)?.lastRunDay).toBe("2020-03-28");

    // The next day's digest brings only what is new since.
    clock.t = sh("2020-03-28T12:00:00");
    ingest("002.txt", ["b1"]);
    clock.t = sh("2020-03-29T08:00:00");
    expect(await s.tick()).toEqual({ sent: 1, failed: 0 });
    expect(delivered.at(-1)).toEqual({ chatId: 1, ids: ["b1"] });
  });

  it("a send that failed (reported) is still retried, and the record of its attempt is cleared", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    clock.t = sh("2020-03-28T08:00:00");
    expect(await scheduler("reject").tick()).toEqual({ sent: 0, failed: 1 });
    expect(subs.attempt(1)).toBeUndefined();
    clock.t = sh("2020-03-28T08:02:00");
    expect(await scheduler().tick()).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toEqual([{ chatId: 1, ids: ["a1"] }]);
  });

  it("a send another live process has under way is left to it", async () => {
    subs.subscribe(1, { time: "08:00" });
    clock.t = sh("2020-03-28T07:30:00");
    ingest("001.txt", ["a1"]);
    clock.t = sh("2020-03-28T08:00:00");
    subs.recordAttempt({
      chatId: 1,
      day: "2020-03-28",
      articleIds: ["a1"],
      cursor: null,
      ownerPid: process.ppid,
      ownerToken: "other-process",
      at: clock.now().toISOString(),
    });
    expect(await scheduler().tick()).toEqual({ sent: 0, failed: 0 });
    expect(delivered).toEqual([]);
    expect(subs.attempt(1)?.ownerToken).toBe("other-process");
    expect(subs.get(1)?.lastRunDay).toBeNull();
  });
});
