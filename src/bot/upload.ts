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

/** Downloads a Telegram file by its `file_path` (the bot's file URL holds the token: never log it). */
export type FileDownloader = (filePath: string) => Promise<Uint8Array>;

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
 * oversized files get a clear message and change nothing.
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
        const bytes = await download(file.file_path);
        if (bytes.byteLength === 0) {
          await ctx.reply("文件是空的，没有可收录的内容。");
          return;
        }
        if (bytes.byteLength > MAX_UPLOAD_BYTES) {
          await ctx.reply("文件太大，上限是 5 MB。请拆分后再上传。");
          return;
        }
        await fs.mkdir(deps.uploadsDir, { recursive: true });
        const target = path.join(deps.uploadsDir, safeFileName(name));
        const previous = await fs.readFile(target).catch(() => undefined);
        await fs.writeFile(target, bytes);
        const result = await deps.ingest([target]);
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
