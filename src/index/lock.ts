import fs from "node:fs";
import lockfile from "proper-lockfile";

/** Options of `withIndexLock`. */
export interface IndexLockOptions {
  /** A lock not refreshed for this long is considered left by a dead process (ms, default 10 000, minimum 2 000). */
  staleMs?: number;
  /** How long to wait for another writer before giving up (ms, default 10 minutes). */
  waitMs?: number;
}

/**
 * Runs `fn` while holding the write lock of index folder `dir`
 * (`dir/write.lock`, proper-lockfile), so two ingests never write the index at
 * once. A second writer waits; a lock left by a killed process goes stale and
 * is taken over.
 */
export async function withIndexLock<T>(dir: string, fn: () => Promise<T>, opts: IndexLockOptions = {}): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const stale = Math.max(2000, opts.staleMs ?? 10_000);
  const wait = opts.waitMs ?? 10 * 60_000;
  const interval = 500;
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: `${dir}/write.lock`,
      stale,
      update: Math.floor(stale / 2),
      retries: { retries: Math.ceil(wait / interval), factor: 1, minTimeout: interval, maxTimeout: interval },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new Error(
        `the index in ${dir} is being written by another process (lock ${dir}/write.lock); try again later`,
      );
    }
    throw err;
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
