import fs from "node:fs";
import { type App, openApp } from "../app/open.js";
import { loadDotenv } from "../config/dotenv.js";
import { loadConfig } from "../config/env.js";
import { createDigestScheduler } from "../digest/scheduler.js";
import { createLogger, scrubSecrets } from "../log.js";
import { botDepsFromApp } from "./app-deps.js";
import { digestSender } from "./digest-sender.js";
import { createBotRuntime } from "./runtime.js";
import { createTerminalChat, runTerminal, TERMINAL_CHAT_ID } from "./terminal.js";

/**
 * Ingests BULLETINS_DIR when the store is empty (first start), so that a
 * fresh clone answers at once. Progress goes to stderr.
 */
async function ingestIfEmpty(app: App): Promise<void> {
  if (app.store.count() > 0) return;
  const dir = app.config.bulletinsDir;
  if (!fs.existsSync(dir)) {
    process.stderr.write(`索引为空，且没有找到简报目录 ${dir}（BULLETINS_DIR）。机器人可以启动，但还答不了问题。\n`);
    return;
  }
  process.stderr.write(`索引为空：正在收录 ${dir} 中的简报（首次启动需要一点时间）…\n`);
  const result = await app.ingest([dir]);
  const skipped = result.files.filter((f) => f.status === "skipped");
  process.stderr.write(
    `已收录 ${result.filesRead} 个文件、${result.articlesFound} 篇文章。${skipped.length ? `跳过 ${skipped.length} 个：${skipped.map((f) => `${f.source}（${f.reason ?? ""}）`).join("；")}` : ""}\n`,
  );
}

/**
 * `npm start`: the Telegram bot (long polling, or webhook when WEBHOOK_URL is
 * set) when TELEGRAM_BOT_TOKEN is set, else — and with `--terminal`
 * (`npm run chat`) — a terminal chat with the same handlers. The digest
 * scheduler runs inside and sends through the bot (or prints in the terminal).
 */
async function main(): Promise<void> {
  loadDotenv();
  const config = loadConfig();
  const token = config.telegram.token;
  const terminal = process.argv.includes("--terminal") || !token;
  // In the terminal chat, info logs would interleave with the conversation.
  const log = createLogger(terminal && !process.env.LOG_LEVEL ? "warn" : config.logLevel);
  const app = openApp(config, { log });
  await ingestIfEmpty(app);
  await app.retriever.warmUp().catch((err: unknown) => log.warn({ err }, "embedding model warm-up failed"));

  if (terminal || !token) {
    if (!token && !process.argv.includes("--terminal")) {
      process.stderr.write("未设置 TELEGRAM_BOT_TOKEN：打开终端聊天（设置后 npm start 即连接 Telegram）。\n");
    }
    const deps = botDepsFromApp(app);
    const chat = createTerminalChat(deps, (t) => process.stdout.write(t));
    const printDigest = digestSender(chat.bot.api, () => false, log);
    const scheduler = createDigestScheduler({
      subscriptions: app.subscriptions,
      store: app.store,
      // Only the terminal user's own digests are printed here; a Telegram
      // subscriber's digest fails and stays pending for the Telegram bot.
      send: async (chatId, digest) => {
        if (chatId !== TERMINAL_CHAT_ID) throw new Error("Telegram chats are not reachable from the terminal chat");
        await printDigest(chatId, digest);
      },
      timezone: config.timezone,
      log,
      summarize: app.summarize,
    });
    scheduler.start();
    await runTerminal(deps, process.stdin, process.stdout, chat);
    scheduler.stop();
    app.close();
    return;
  }

  const runtime = createBotRuntime(app, {
    token,
    apiRoot: config.telegram.apiRoot,
    proxy: config.telegram.proxy,
    pollingRetry: { maxDelayMs: config.telegram.retryMaxMs },
    webhook: config.telegram.webhookUrl
      ? { url: config.telegram.webhookUrl, port: config.telegram.webhookPort }
      : undefined,
  });
  const shutdown = async (signal: string) => {
    log.info({ signal }, "stopping");
    await runtime.stop();
    app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await runtime.start();
  process.stderr.write(`机器人 @${runtime.bot.botInfo.username} 已启动。按 Ctrl-C 停止。\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${scrubSecrets(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
});
