import { constants, type Stats } from "node:fs";
import fs from "node:fs/promises";

/** Bytes of a regular file, or why it was not read (in Chinese: the bot shows it). */
export type FileRead = { ok: true; bytes: Buffer; size: number } | { ok: false; reason: string };

function formatMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** The kind of a non-regular file, in words. */
function kind(st: Stats): string {
  if (st.isFIFO()) return "命名管道（FIFO）";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "设备文件";
  if (st.isSocket()) return "套接字";
  if (st.isDirectory()) return "文件夹";
  return "特殊文件";
}

function notRegular(st: Stats, link: boolean): FileRead {
  return {
    ok: false,
    reason: `不是普通文件（${link ? "链接指向" : ""}${kind(st)}），已跳过：只能导入普通的 .txt 文本文件`,
  };
}

function tooBig(size: number, max: number): FileRead {
  return { ok: false, reason: `文件过大（${formatMb(size)} MB，上限 ${formatMb(max)} MB）：请按版面拆分成多个文件` };
}

/**
 * Reads file `abs` only when it is a regular file of at most `maxBytes`
 * bytes. A FIFO, a device (a link to /dev/zero), a socket or a folder is
 * refused before it is opened (lstat, then stat of a link's target), and
 * checked again on the open descriptor (fstat), which is opened non-blocking
 * so that a FIFO swapped in meanwhile cannot hang the read. The size comes
 * from the descriptor, and reading stops at `maxBytes + 1` bytes, so a file
 * that grows while it is read is refused too, never read without end.
 */
export async function readRegularFile(abs: string, maxBytes: number): Promise<FileRead> {
  const lst = await fs.lstat(abs);
  const link = lst.isSymbolicLink();
  const st = link ? await fs.stat(abs) : lst;
  if (!st.isFile()) return notRegular(st, link);
  if (st.size > maxBytes) return tooBig(st.size, maxBytes);

  const fh = await fs.open(abs, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const fst = await fh.stat();
    if (!fst.isFile()) return notRegular(fst, link);
    if (fst.size > maxBytes) return tooBig(fst.size, maxBytes);
    let buf = Buffer.alloc(Math.min(fst.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        // The file grew while it was read: read on, but never past the cap.
        if (length > maxBytes) return tooBig(length, maxBytes);
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { ok: true, bytes: buf.subarray(0, length), size: length };
  } finally {
    await fh.close();
  }
}
