import fs from "node:fs/promises";
import path from "node:path";
import { Composer, type Context } from "grammy";
import type { RunIngestResult } from "../app/ingest.js";
import { scrubSecrets } from "../log.js";
import { isAdmin } from "./access.js";
import type { BotDeps } from "./deps.js";
import { escapeHtml } from "./format/html.js";
import { packBlocks } from "./format/split.js";
import { replyHtml, withTyping } from "./reply.js";

/** Largest bulletin accepted (bytes). Telegram bots cannot download files over 20 MB anyway. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Downloads a Telegram file by its `file_path` (the bot's file URL holds the
 * token: never log it). It must stop and reject with `UploadTooLargeError`
 * as soon as more than `maxBytes` bytes arrive (`readCapped` does that), so a
 * file whose size Telegram did not tell is never downloaded whole.
 */
export type FileDownloader = (filePath: string, maxBytes: number) => Promise<Uint8Array>;

/** An upload refused because it is larger than the cap (`bytes` is how much was seen, at least). */
export class UploadTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = "UploadTooLargeError";
  }
}

/**
 * Reads an HTTP response body of at most `maxBytes` bytes: refused at once
 * when its declared length (Content-Length) is over the cap, else read chunk
 * by chunk and cancelled as soon as the bytes read pass the cap (a body
 * without a length, or one that lies about it, is never read whole).
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: number,
): Promise<Uint8Array> {
  if (declaredLength !== undefined && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw new UploadTooLargeError(declaredLength, maxBytes);
  }
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UploadTooLargeError(total, maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const TOO_BIG = `文件太大，上限是 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。请拆分后再上传。`;

/** A file name safe to store: the base name, with anything but letters, digits, CJK, `._-` replaced. */
export function safeFileName(name: string): string {
  const base = path.basename(name).normalize("NFC");
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "");
  return cleaned.slice(-120) || "bulletin.txt";
}

/** Chinese words for each ingest outcome. */
const STATUS_TEXT: Record<string, string> = {
  added: "已添加",
  updated: "已更新",
  unchanged: "内容与已收录的相同，未改动",
  skipped: "未能读取",
  pruned: "已移除",
};

/** Renders what an upload's ingest did: per file its outcome, then the new articles with their ids. */
export function renderIngestReport(result: RunIngestResult, newArticles: { id: string; title: string }[]): string[] {
  const blocks: string[] = [];
  for (const f of result.files) {
    const status = STATUS_TEXT[f.status] ?? f.status;
    const reason = f.reason ? `：${escapeHtml(f.reason)}` : "";
    const count = f.status === "added" || f.status === "updated" ? `（${f.articles} 篇文章）` : "";
    blocks.push(`📥 <b>${escapeHtml(f.source)}</b> ${status}${reason}${count}`);
  }
  if (newArticles.length) {
    blocks.push(
      [
        `已建立索引，现在可以就这些报道提问了：`,
        ...newArticles.map((a) => `• ${escapeHtml(a.title)}  /article ${escapeHtml(a.id)}`),
      ].join("\n"),
    );
  }
  return packBlocks(blocks);
}

/**
 * Admin bulletin upload: an admin sends a .txt bulletin as a document; it is
 * downloaded (getFile), saved into the bulletins folder, ingested and
 * indexed (`deps.ingest`, which also refreshes the retriever), and the bot
 * replies with what was added. Non-admins, other file types, empty and
 * oversized files get a clear message and change nothing: the size is
 * checked from the message, from getFile, and while downloading (a file
 * whose size Telegram did not give is refused at the cap, not downloaded
 * whole). When another ingest is running, the admin is told the upload waits.
 */
export function uploadHandler(deps: BotDeps, download: FileDownloader): Composer<Context> {
  const c = new Composer();
  c.on("message:document", async (ctx) => {
    const doc = ctx.message.document;
    if (!isAdmin(ctx, deps.adminChatIds)) {
      if (ctx.chat.type === "private") await ctx.reply("只有管理员可以上传简报文件。有问题请直接发文字提问。");
      return;
    }
    const name = doc.file_name ?? "";
    if (!/\.txt$/i.test(name)) {
      await ctx.reply(`只接受 .txt 格式的简报文件，收到的是“${name || "无名文件"}”。`);
      return;
    }
    if (doc.file_size !== undefined && doc.file_size > MAX_UPLOAD_BYTES) {
      await ctx.reply(`文件太大（${(doc.file_size / 1024 / 1024).toFixed(1)} MB），上限是 5 MB。请拆分后再上传。`);
      return;
    }
    if (doc.file_size === 0) {
      await ctx.reply("文件是空的，没有可收录的内容。");
      return;
    }
    try {
      await withTyping(ctx, async () => {
        const file = await ctx.api.getFile(doc.file_id);
        if (!file.file_path) throw new Error("Telegram did not return a file path");
        if (file.file_size !== undefined && file.file_size > MAX_UPLOAD_BYTES) {
          await ctx.reply(TOO_BIG);
          return;
        }
        let bytes: Uint8Array;
        try {
          bytes = await download(file.file_path, MAX_UPLOAD_BYTES);
        } catch (err) {
          if (!(err instanceof UploadTooLargeError)) throw err;
          deps.log.info({ seen: err.bytes, max: err.maxBytes }, "upload refused: too large");
          await ctx.reply(TOO_BIG);
          return;
        }
        if (bytes.byteLength === 0) {
          await ctx.reply("文件是空的，没有可收录的内容。");
          return;
        }
        if (bytes.byteLength > MAX_UPLOAD_BYTES) {
          await ctx.reply(TOO_BIG);
          return;
        }
        await fs.mkdir(deps.uploadsDir, { recursive: true });
        const target = path.join(deps.uploadsDir, safeFileName(name));
        const previous = await fs.readFile(target).catch(() => undefined);
        await fs.writeFile(target, bytes);
        const result = await deps.ingest([target], {
          onWait: () => void ctx.reply("另一份简报正在收录，这份排在它后面，完成后会告诉你。").catch(() => undefined),
        });
        const source = result.files[0]?.source ?? path.basename(target);
        const changed = result.files.some((f) => f.status === "added" || f.status === "updated");
        const articles = changed ? deps.store.list({ source }) : [];
        if (result.files.every((f) => f.status === "skipped")) {
          // A bad upload must not destroy a good bulletin of the same name.
          if (previous) await fs.writeFile(target, previous);
          else await fs.rm(target, { force: true });
        }
        deps.log.info({ source, files: result.files.length, articles: articles.length }, "bulletin uploaded");
        await replyHtml(ctx, renderIngestReport(result, articles));
      });
    } catch (err) {
      deps.log.error({ err: { message: scrubSecrets(String((err as Error)?.message ?? err)) } }, "upload failed");
      await ctx.reply("文件没能收录：下载或处理时出错，已收录的内容没有变化。请稍后再试。");
    }
  });
  return c;
}
