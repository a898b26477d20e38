import type { Agent } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type BotError, type Context, GrammyError, HttpError } from "grammy";
import { scrubSecrets } from "../log.js";
import { allowlist } from "./access.js";
import { createAnswerMemory } from "./answer-memory.js";
import { pollingHealth, type StopSignal } from "./api-health.js";
import { articleCommands } from "./commands/article.js";
import { askCommands, captionQuestions } from "./commands/ask.js";
import { digestCommands } from "./commands/digest.js";
import { inlineCommands } from "./commands/inline.js";
import { newCommands } from "./commands/new.js";
import { searchCommands } from "./commands/search.js";
import { sourcesCommands } from "./commands/sources.js";
import { startCommands } from "./commands/start.js";
import { subscribeCommands } from "./commands/subscribe.js";
import type { BotDeps } from "./deps.js";
import { getThroughAgent, proxyAgent } from "./proxy.js";
import { type FileDownloader, readCapped, uploadHandler } from "./upload.js";

/** The default Bot API server. */
export const DEFAULT_API_ROOT = "https://api.telegram.org";

/** Options of `createBot`. */
export interface CreateBotOptions {
  /** Another Bot API server (TELEGRAM_API_ROOT): self-hosted, or an emulator in tests. */
  apiRoot?: string;
  /** Skip `getMe` (terminal chat, tests). */
  botInfo?: BotConfig<Context>["botInfo"];
  /** Per-user rate limit: at most `limit` updates per `timeFrame` ms. Default 5 per 10 s. */
  rateLimit?: { timeFrame: number; limit: number };
  /** Download of uploaded files; default: HTTP GET from the API root's file endpoint. */
  download?: FileDownloader;
  /** Longest wait auto-retry accepts from a 429's retry_after, in seconds. Default 60. */
  maxRetryDelaySeconds?: number;
  /** Proxy for every Bot API request (HTTPS_PROXY / SOCKS_PROXY): http://…, socks5://…. */
  proxy?: string;
  /** Backoff of getUpdates while the Bot API is down: first and longest wait in ms (default 1 s, 30 s). */
  pollingRetry?: {
    initialDelayMs?: number;
    maxDelayMs?: number;
    sleep?: (ms: number, signal?: StopSignal) => Promise<void>;
  };
}

/** The updates the bot handles (what long polling asks Telegram for). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"] as const;

/** The reply sent when a handler fails. */
export const FRIENDLY_ERROR = "抱歉，处理你的消息时出了点问题，请稍后再试。";

/**
 * A downloader that fetches `${apiRoot}/file/bot<token>/<path>`, through
 * `agent` when a proxy is configured, reading at most `maxBytes` (the
 * download is cancelled past it, whatever length was declared); errors never
 * contain the URL.
 */
export function httpDownloader(token: string, apiRoot = DEFAULT_API_ROOT, agent?: Agent): FileDownloader {
  return async (filePath, maxBytes) => {
    if (agent) {
      const { body, length } = await getThroughAgent(`${apiRoot}/file/bot${token}/${filePath}`, agent);
      return readCapped(body, maxBytes, length);
    }
    const res = await fetch(`${apiRoot}/file/bot${token}/${filePath}`).catch((err: unknown) => {
      throw new Error(`file download failed: ${scrubSecrets(String((err as Error)?.message ?? err))}`);
    });
    if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
    const length = res.headers.get("content-length");
    return readCapped(res.body, maxBytes, length === null ? undefined : Number(length));
  };
}

/**
 * Builds the bot: API transformers (auto-retry on 429 and 5xx for sends;
 * getUpdates kept alive through any outage by `pollingHealth`; the bot's
 * last message per chat recorded for edited questions), an optional proxy
 * agent for every request, then
 * middleware in order — one-at-a-time per chat (so a chat's replies keep
 * their order while other chats run in parallel under @grammyjs/runner), the
 * allowlist, a per-user rate limit, the admin upload, and the commands. Every
 * error is caught by `bot.catch`: logged without the token, and the user gets
 * a friendly reply. Nothing is sent to Telegram until the bot is started.
 */
export function createBot(token: string, deps: BotDeps, opts: CreateBotOptions = {}): Bot {
  const agent = proxyAgent(opts.proxy);
  const bot = new Bot(token, {
    botInfo: opts.botInfo,
    client:
      opts.apiRoot || agent
        ? { ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}), ...(agent ? { baseFetchConfig: { agent } } : {}) }
        : undefined,
  });
  const memory = createAnswerMemory();
  const retry = autoRetry({
    maxRetryAttempts: 5,
    maxDelaySeconds: opts.maxRetryDelaySeconds ?? 60,
    rethrowHttpErrors: false,
  });
  // getUpdates has its own capped backoff (pollingHealth); getMe at start
  // must fail fast with a clear message rather than retry for minutes.
  bot.api.config.use((prev, method, payload, signal) =>
    method === "getUpdates" || method === "getMe"
      ? prev(method, payload, signal)
      : retry(prev, method, payload, signal),
  );
  bot.api.config.use(memory.transformer);
  bot.api.config.use(pollingHealth({ log: deps.log, ...opts.pollingRetry }));

  const handleError = async (err: BotError): Promise<void> => {
    const e = err.error;
    const detail =
      e instanceof GrammyError
        ? `${e.method}: ${e.description}`
        : e instanceof HttpError
          ? `network: ${String(e.error)}`
          : e instanceof Error
            ? (e.stack ?? e.message)
            : String(e);
    deps.log.error({ err: { message: scrubSecrets(detail) }, updateId: err.ctx.update.update_id }, "update failed");
    try {
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text: FRIENDLY_ERROR });
      else if (err.ctx.chat) await err.ctx.reply(FRIENDLY_ERROR);
    } catch {
      // The API itself is failing; the error is logged above.
    }
  };
  // Runner and long polling report through bot.catch; the boundary also covers
  // handleUpdate callers (webhook, terminal), so no bad update ever escapes.
  bot.catch(handleError);

  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  const guarded = bot.errorBoundary(handleError);
  guarded.use(allowlist(deps.allowedChatIds, deps.adminChatIds));
  const rate = opts.rateLimit ?? { timeFrame: 10_000, limit: 5 };
  guarded.use(
    limit({
      timeFrame: rate.timeFrame,
      limit: rate.limit,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        await (ctx as Context).reply("你发得太快了，请稍等几秒再试。").catch(() => undefined);
      },
    }),
  );
  guarded.use(captionQuestions(deps, memory));
  guarded.use(uploadHandler(deps, opts.download ?? httpDownloader(token, opts.apiRoot, agent)));
  guarded.use(startCommands(deps, memory));
  guarded.use(newCommands(deps));
  guarded.use(searchCommands(deps));
  guarded.use(articleCommands(deps));
  guarded.use(digestCommands(deps));
  guarded.use(subscribeCommands(deps));
  guarded.use(sourcesCommands(deps));
  guarded.use(inlineCommands(deps));
  guarded.use(askCommands(deps, memory));
  guarded.on("message", async (ctx) => {
    if (ctx.chat.type === "private") await ctx.reply("我只能读文字问题。请直接发送问题，或发送 /help 查看用法。");
  });
  guarded.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: "这个按钮已失效。" }));
  return bot;
}
