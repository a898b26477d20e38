import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Who holds an index write lock (the `owner.json` inside the lock folder). */
export interface LockOwner {
  pid: number;
  host: string;
  /** Linux boot id and process start time (`/proc`), so a reused pid or a reboot is not mistaken for the owner. */
  boot: string | null;
  started: string | null;
  /** When the lock was taken, ISO 8601. */
  since: string;
  /** Unique per acquisition: release removes only its own lock. */
  token: string;
}

/** Options of `withIndexLock`. */
export interface IndexLockOptions {
  /**
   * A lock whose owner cannot be checked (another host, or no owner record)
   * is considered left by a dead process when its heartbeat is older than
   * this (ms, default 10 000, minimum 2 000). A lock whose owner runs on this
   * machine is held exactly as long as that process lives.
   */
  staleMs?: number;
  /** How long to wait for another writer before giving up (ms, default 10 minutes). */
  waitMs?: number;
  /** Called once when the lock is busy and this call starts waiting for it (a message for the user). */
  onWait?: (owner: LockOwner | undefined) => void;
}

const POLL_MS = 250;

/** The lock folders held by the current async call chain (so a holder's nested call does not wait for itself). */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The start time of process `pid` in clock ticks since boot (Linux), or null where /proc is not there. */
function processStart(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 22 (starttime); the command name (field 2) may hold spaces, so count after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}

const bootId = readProc("/proc/sys/kernel/random/boot_id")?.trim() ?? null;

function me(): LockOwner {
  return {
    pid: process.pid,
    host: os.hostname(),
    boot: bootId,
    started: processStart(process.pid),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
}

function readOwner(lockDir: string): LockOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(lockDir, "owner.json"), "utf8")) as LockOwner;
    return typeof o.pid === "number" && typeof o.token === "string" ? o : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the lock in `lockDir` was left behind. An owner on this machine
 * (same host and boot) holds it while its process lives, however long it
 * works and however busy its event loop is; a reused pid is told apart by its
 * start time. Only a lock whose owner cannot be checked falls back to the
 * heartbeat (the folder's mtime, refreshed every `staleMs / 2`).
 */
function isStale(lockDir: string, owner: LockOwner | undefined, staleMs: number): boolean {
  if (owner && owner.host === os.hostname() && (owner.boot === null || owner.boot === bootId)) {
    if (!alive(owner.pid)) return true;
    const started = processStart(owner.pid);
    return owner.started !== null && started !== null && started !== owner.started;
  }
  if (owner && owner.host === os.hostname()) return true; // written before this machine's last reboot
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs > staleMs;
  } catch {
    return false; // released meanwhile: the next attempt takes it
  }
}

function describe(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : "another process";
}

/** Tries once to take the lock; true when taken. Removes a stale lock on the way. */
function tryAcquire(lockDir: string, mine: LockOwner, staleMs: number): boolean {
  try {
    fs.mkdirSync(lockDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const owner = readOwner(lockDir);
    if (!isStale(lockDir, owner, staleMs)) return false;
    // Move the stale lock aside first (atomic), so two takers never both remove a fresh one.
    const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`;
    try {
      if (readOwner(lockDir)?.token !== owner?.token) return false;
      fs.renameSync(lockDir, aside);
    } catch {
      return false;
    }
    fs.rmSync(aside, { recursive: true, force: true });
    return tryAcquire(lockDir, mine, staleMs);
  }
  fs.writeFileSync(path.join(lockDir, "owner.json"), JSON.stringify(mine));
  return true;
}

/**
 * Runs `fn` while holding the write lock of index folder `dir`
 * (`dir/write.lock`, a folder made with an atomic mkdir, with the owner's
 * pid, host and process start time inside), so two ingests never write the
 * index at once: a second writer waits (`onWait` tells it once) and runs
 * after the first. On one machine the lock is held for exactly the owner
 * process's life: it is never taken over while the owner works, even when
 * the owner's event loop is blocked for minutes, and a killed owner's lock is
 * taken over at once. Throws, naming the owner and the lock, after `waitMs`.
 * A call made inside `fn` (same async call chain) for the same folder runs at
 * once: the pipeline can hold the lock around a `syncIndex` that takes it too.
 */
export async function withIndexLock<T>(dir: string, fn: () => Promise<T>, opts: IndexLockOptions = {}): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const lockDir = path.join(dir, "write.lock");
  const outer = held.getStore();
  if (outer?.has(lockDir)) return fn();
  const stale = Math.max(2000, opts.staleMs ?? 10_000);
  const deadline = Date.now() + (opts.waitMs ?? 10 * 60_000);
  const mine = me();
  let told = false;
  while (!tryAcquire(lockDir, mine, stale)) {
    const owner = readOwner(lockDir);
    if (Date.now() >= deadline) {
      throw new Error(
        `the index in ${dir} is being written by ${describe(owner)} (lock ${lockDir}); try again when it has finished, or remove the lock folder if that process is gone`,
      );
    }
    if (!told) {
      told = true;
      opts.onWait?.(owner);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  // The heartbeat is only for checkers that cannot see this process (another host sharing the folder).
  const beat = setInterval(
    () => {
      const t = new Date();
      fs.utimes(lockDir, t, t, () => undefined);
    },
    Math.floor(stale / 2),
  );
  beat.unref();
  try {
    return await held.run(new Set([...(outer ?? []), lockDir]), fn);
  } finally {
    clearInterval(beat);
    if (readOwner(lockDir)?.token === mine.token) fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
