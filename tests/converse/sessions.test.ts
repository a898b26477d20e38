import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_TURNS, SessionStore } from "../../src/converse/sessions.js";

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "sessions-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const turn = (question: string) => ({ question, kind: "preside", articleIds: ["a1"], meeting: "孟州市委常委会" });

describe("SessionStore", () => {
  it("returns the newest turn first and keeps the last MAX_TURNS", () => {
    const s = new SessionStore(tmpDir());
    for (let i = 0; i < MAX_TURNS + 3; i++) s.push("tg:1", turn(`q${i}`));
    const turns = s.turns("tg:1");
    expect(turns).toHaveLength(MAX_TURNS);
    expect(turns[0]?.question).toBe(`q${MAX_TURNS + 2}`);
    expect(s.last("tg:2")).toBeUndefined();
    s.close();
  });

  it("forgets a context after the time limit", () => {
    const clock = { t: 1_000_000 };
    const s = new SessionStore(tmpDir(), { ttlMs: 30 * 60_000, now: () => clock.t });
    s.push("tg:1", turn("谁主持了孟州市委常委会？"));
    clock.t += 29 * 60_000;
    expect(s.last("tg:1")?.meeting).toBe("孟州市委常委会");
    clock.t += 2 * 60_000;
    expect(s.last("tg:1")).toBeUndefined();
    s.close();
  });

  it("keeps contexts across a restart (SQLite in INDEX_DIR)", () => {
    const dir = tmpDir();
    const a = new SessionStore(dir);
    a.push("cli:x", turn("q"));
    a.close();
    expect(fs.existsSync(path.join(dir, "conversations.db"))).toBe(true);
    const b = new SessionStore(dir);
    expect(b.last("cli:x")?.question).toBe("q");
    b.close();
  });

  it("copies a chat's context to a sent message, and clear with prefix forgets both", () => {
    const s = new SessionStore(tmpDir());
    s.push("tg:5", turn("q1"));
    s.copyLast("tg:5", "tg:5:msg:10");
    s.push("tg:5", turn("q2"));
    expect(s.last("tg:5:msg:10")?.question).toBe("q1");
    s.push("tg:50", turn("other chat"));
    expect(s.clear("tg:5", { prefix: true })).toBe(3);
    expect(s.last("tg:5")).toBeUndefined();
    expect(s.last("tg:5:msg:10")).toBeUndefined();
    expect(s.last("tg:50")?.question).toBe("other chat");
    s.close();
  });
});
