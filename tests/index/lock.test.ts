import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LockOwner, withIndexLock } from "../../src/index/lock.js";
import { ROOT } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lock-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts the lock-holder child and resolves once it holds the lock. */
function holder(dir: string, blockMs: number, marker: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tests/index/fixtures/lock-holder.ts"), dir, String(blockMs), marker],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  cleanups.push(() => child.kill("SIGKILL"));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("locked")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

describe("index write lock", () => {
  it("is not taken over while its owner works with a blocked event loop, however long past staleMs", async () => {
    const dir = tempDir();
    const marker = path.join(dir, "owner-finished");
    // The owner blocks its event loop for 3× staleMs: a heartbeat-only lock would be stolen after 2 s.
    await holder(dir, 6000, marker);
    let waitedFor: LockOwner | undefined;
    const ranAfterOwner = await withIndexLock(dir, async () => fs.existsSync(marker), {
      staleMs: 2000,
      onWait: (o) => {
        waitedFor = o;
      },
    });
    expect(ranAfterOwner).toBe(true);
    expect(waitedFor?.pid).toBeGreaterThan(0);
    expect(waitedFor?.pid).not.toBe(process.pid);
    expect(fs.existsSync(path.join(dir, "write.lock"))).toBe(false);
  }, 60_000);

  it("a killed owner's lock is taken over without waiting for it to go stale", async () => {
    const dir = tempDir();
    const child = await holder(dir, 60_000, path.join(dir, "never"));
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(fs.existsSync(path.join(dir, "write.lock", "owner.json"))).toBe(true);
    let waited = false;
    const got = await withIndexLock(dir, async () => "mine", {
      staleMs: 60_000,
      waitMs: 5_000,
      onWait: () => {
        waited = true;
      },
    });
    expect(got).toBe("mine");
    expect(waited).toBe(false);
  }, 60_000);

  it("a lock whose pid now belongs to another process (pid reuse) is stale", async () => {
    const dir = tempDir();
    const lockDir = path.join(dir, "write.lock");
    fs.mkdirSync(lockDir);
    const owner: LockOwner = {
      pid: process.pid,
      host: os.hostname(),
      boot: fs.existsSync("/proc/sys/kernel/random/boot_id")
        ? fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()
        : null,
      started: "1",
      since: "2026-01-01T00:00:00.000Z",
      token: "old",
    };
    fs.writeFileSync(path.join(lockDir, "owner.json"), JSON.stringify(owner));
    if (!fs.existsSync(`/proc/${process.pid}/stat`)) return; // no start times to compare off Linux
    expect(await withIndexLock(dir, async () => 1, { waitMs: 2_000 })).toBe(1);
  });

  it("callers in one process run one after the other; the second is told once that it waits", async () => {
    const dir = tempDir();
    const order: string[] = [];
    let waits = 0;
    const slow = (name: string) => async () => {
      order.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 600));
      order.push(`${name} end`);
    };
    await Promise.all([
      withIndexLock(dir, slow("a")),
      withIndexLock(dir, slow("b"), {
        onWait: () => {
          waits++;
        },
      }),
    ]);
    expect(order).toEqual(["a start", "a end", "b start", "b end"]);
    expect(waits).toBe(1);
  });

  it("gives up after waitMs with an error naming the owner and the lock folder", async () => {
    const dir = tempDir();
    let release: () => void = () => undefined;
    const held = withIndexLock(dir, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    await expect(withIndexLock(dir, async () => 1, { waitMs: 300 })).rejects.toThrow(
      new RegExp(`process ${process.pid} .*write\\.lock`),
    );
    release();
    await held;
  });
});
