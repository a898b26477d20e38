import { createHash } from "node:crypto";
import http from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, webhookCallback } from "grammy";
import type { App } from "../app/open.js";
import { createDigestScheduler, type DigestScheduler } from "../digest/scheduler.js";
import { scrubSecrets } from "../log.js";
import { botDepsFromApp } from "./app-deps.js";
import { BOT_COMMANDS } from "./command-list.js";
import { type CreateBotOptions, createBot } from "./create-bot.js";
import type { BotDeps } from "./deps.js";
import { digestSender } from "./digest-sender.js";

/** Options of `createBotRuntime`. */
export interface BotRuntimeOptions extends Pick<CreateBotOptions, "apiRoot" | "rateLimit" | "maxRetryDelaySeconds"> {
  token: string;
  /** Webhook mode: public HTTPS URL and local port (else long polling with @grammyjs/runner). */
  webhook?: { url: string; port: number };
  /** Clock of the digest scheduler and of "today" (tests use a fake one). */
  clock?: { now(): Date };
  /** Start the scheduler's minute timer (default true; tests call `scheduler.tick()` instead). */
  schedule?: boolean;
  /** Replaces single bot dependencies (e.g. an allowlist other than the configured one). */
  deps?: Partial<BotDeps>;
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
      await bot.init();
      await bot.api.setMyCommands([...BOT_COMMANDS]).catch((err: unknown) => {
        app.log.warn(
          { err: { message: scrubSecrets(String((err as Error)?.message ?? err)) } },
          "setMyCommands failed",
        );
      });
      if (opts.webhook) {
        const secretToken = createHash("sha256").update(opts.token).digest("hex").slice(0, 32);
        const handle = webhookCallback(bot, "http", { secretToken, onTimeout: "return", timeoutMilliseconds: 9_000 });
        server = http.createServer((req, res) => {
          if (req.method !== "POST") {
            res.writeHead(405).end();
            return;
          }
          void handle(req, res);
        });
        await new Promise<void>((resolve) => server?.listen(opts.webhook?.port, resolve));
        await bot.api.setWebhook(opts.webhook.url, { secret_token: secretToken });
        app.log.info({ port: opts.webhook.port }, "webhook listening");
      } else {
        await bot.api.deleteWebhook().catch(() => undefined);
        runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
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
