import { createHash } from "node:crypto";
import http from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, GrammyError } from "grammy";
import type { App } from "../app/open.js";
import { createDigestScheduler, type DigestScheduler } from "../digest/scheduler.js";
import { scrubSecrets } from "../log.js";
import { outageCause } from "./api-health.js";
import { botDepsFromApp } from "./app-deps.js";
import { BOT_COMMANDS } from "./command-list.js";
import { ALLOWED_UPDATES, type CreateBotOptions, createBot, DEFAULT_API_ROOT } from "./create-bot.js";
import type { BotDeps } from "./deps.js";
import { BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION } from "./description.js";
import { digestSender } from "./digest-sender.js";
import { redactProxy } from "./proxy.js";
import { webhookHandler } from "./webhook.js";

/** Options of `createBotRuntime`. */
export interface BotRuntimeOptions
  extends Pick<CreateBotOptions, "apiRoot" | "rateLimit" | "maxRetryDelaySeconds" | "proxy" | "pollingRetry"> {
  token: string;
  /** Webhook mode: public HTTPS URL and local port (else long polling with @grammyjs/runner). */
  webhook?: { url: string; port: number };
  /** Clock of the digest scheduler and of "today" (tests use a fake one). */
  clock?: { now(): Date };
  /** Start the scheduler's minute timer (default true; tests call `scheduler.tick()` instead). */
  schedule?: boolean;
  /** Attempts of getMe at start before giving up with a clear error (default 3, 1 s and 2 s apart). */
  startAttempts?: number;
  /** Longest wait for one getMe at start, in ms (default 15 000; an unreachable host may never refuse). */
  startTimeoutMs?: number;
  /** Replaces single bot dependencies (e.g. an allowlist other than the configured one). */
  deps?: Partial<BotDeps>;
}

/**
 * The error `start` throws when the Bot API cannot be reached at all: what
 * failed (server, proxy, cause) and what to do — check the network, set
 * HTTPS_PROXY or SOCKS_PROXY where Telegram is blocked, or check the token.
 */
export function cannotConnectMessage(apiRoot: string, proxy: string | undefined, err: unknown): string {
  const e = err as { error_code?: number; description?: string };
  const cause = typeof e?.error_code === "number" ? outageCause(e) : outageCause(undefined, err);
  const via = proxy ? `（经代理 ${redactProxy(proxy)}）` : "";
  const todo =
    e?.error_code === 401 || e?.error_code === 404
      ? "请检查 TELEGRAM_BOT_TOKEN 是否正确（在 @BotFather 重新获取）。"
      : proxy
        ? "请检查代理是否在运行、地址和端口是否正确（HTTPS_PROXY / SOCKS_PROXY）。"
        : "请检查网络；在无法直连 Telegram 的地区（如中国大陆），请在 .env 中设置 HTTPS_PROXY=http://主机:端口 或 SOCKS_PROXY=socks5://主机:端口。";
  return `无法连接 Telegram Bot API ${apiRoot}${via}：${cause}。${todo}`;
}

/**
 * Checks at start that the Bot API answers, and learns the bot's identity:
 * getMe, a few attempts with a time-out each (grammY's own `bot.init`
 * retries a network error forever, in silence). A refusal that retrying
 * cannot fix (401 bad token, 404) fails at once. Throws the
 * `cannotConnectMessage` error.
 */
async function connect(bot: Bot, opts: BotRuntimeOptions): Promise<void> {
  if (bot.isInited()) return;
  const attempts = Math.max(1, opts.startAttempts ?? 3);
  let last: unknown;
  for (let i = 1; i <= attempts; i++) {
    try {
      bot.botInfo = await bot.api.getMe(AbortSignal.timeout(opts.startTimeoutMs ?? 15_000) as never);
      return;
    } catch (err) {
      last = err;
      if (err instanceof GrammyError && err.error_code < 500 && err.error_code !== 429) break;
      if (i < attempts) await new Promise((r) => setTimeout(r, 1000 * i));
    }
  }
  throw new Error(cannotConnectMessage(opts.apiRoot ?? DEFAULT_API_ROOT, opts.proxy, last));
}

/** A running (or startable) bot with its digest scheduler. */
export interface BotRuntime {
  bot: Bot;
  deps: BotDeps;
  scheduler: DigestScheduler;
  /** Registers the commands, starts receiving updates and the scheduler. */
  start(): Promise<void>;
  /** Stops updates, the webhook server and the scheduler. */
  stop(): Promise<void>;
}

/**
 * The Telegram bot as it runs in production: the bot from `createBot` on
 * the app's real layers, the digest scheduler sending through it, long
 * polling via @grammyjs/runner (one slow answer never blocks other chats) or
 * a webhook server. Errors are logged without the token.
 */
export function createBotRuntime(app: App, opts: BotRuntimeOptions): BotRuntime {
  const clock = opts.clock;
  const deps = botDepsFromApp(app, { ...(clock ? { now: () => clock.now() } : {}), ...opts.deps });
  const bot = createBot(opts.token, deps, {
    apiRoot: opts.apiRoot,
    rateLimit: opts.rateLimit,
    maxRetryDelaySeconds: opts.maxRetryDelaySeconds,
    proxy: opts.proxy,
    pollingRetry: opts.pollingRetry,
  });
  const scheduler = createDigestScheduler({
    subscriptions: app.subscriptions,
    store: app.store,
    send: digestSender(bot.api, (id) => app.subscriptions.unsubscribe(id), app.log),
    clock,
    timezone: app.config.timezone,
    log: app.log,
    summarize: app.summarize,
  });
  let runner: RunnerHandle | undefined;
  let server: http.Server | undefined;

  return {
    bot,
    deps,
    scheduler,
    async start() {
      await connect(bot, opts);
      const warn = (what: string) => (err: unknown) => {
        app.log.warn({ err: { message: scrubSecrets(String((err as Error)?.message ?? err)) } }, `${what} failed`);
      };
      await bot.api.setMyCommands([...BOT_COMMANDS]).catch(warn("setMyCommands"));
      await bot.api.setMyDescription(BOT_DESCRIPTION).catch(warn("setMyDescription"));
      await bot.api.setMyShortDescription(BOT_SHORT_DESCRIPTION).catch(warn("setMyShortDescription"));
      if (opts.webhook) {
        const secretToken = createHash("sha256").update(opts.token).digest("hex").slice(0, 32);
        server = http.createServer(webhookHandler(bot, secretToken, app.log));
        server.requestTimeout = 10_000;
        server.on("clientError", (_err, socket) => socket.destroy());
        await new Promise<void>((resolve) => server?.listen(opts.webhook?.port, resolve));
        await bot.api.setWebhook(opts.webhook.url, {
          secret_token: secretToken,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        app.log.info({ port: opts.webhook.port }, "webhook listening");
      } else {
        await bot.api.deleteWebhook().catch(() => undefined);
        runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
        app.log.info({ username: bot.botInfo.username }, "bot polling");
      }
      if (opts.schedule !== false) scheduler.start();
    },
    async stop() {
      scheduler.stop();
      if (runner?.isRunning()) await runner.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
}
