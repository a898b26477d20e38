import fs from "node:fs";
import path from "node:path";

/** Flushes file or directory `p` to disk (best effort for directories on platforms that refuse it). */
export function fsyncPath(p: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, "r");
    fs.fsyncSync(fd);
  } catch (err) {
    if (fs.statSync(p).isFile()) throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A temporary path next to `file`, unique to this process. */
export function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
}

/**
 * Moves a fully written temporary file onto `file`: fsync the data, rename
 * (atomic on POSIX), then fsync the directory so the rename itself survives a
 * power cut. Readers see either the old file or the new one, never a torn one.
 */
export function commitTempFile(tmp: string, file: string): void {
  fsyncPath(tmp);
  fs.renameSync(tmp, file);
  fsyncPath(path.dirname(file));
}

/** Writes `data` to `file` atomically (temp file, fsync, rename, fsync of the folder). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(file);
  try {
    fs.writeFileSync(tmp, data);
    commitTempFile(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
