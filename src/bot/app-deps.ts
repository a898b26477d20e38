import type { App } from "../app/open.js";
import { parseDigestDate } from "../digest/dates.js";
import type { BotDeps } from "./deps.js";

/**
 * The bot's dependencies taken from the composed app: the real answerer,
 * store, digest builder, subscriptions and ingest pipeline. Uploaded
 * bulletins are saved into BULLETINS_DIR, so a later re-ingest or rebuild
 * keeps them. `over` replaces single entries (tests: a fake clock).
 */
export function botDepsFromApp(app: App, over: Partial<BotDeps> = {}): BotDeps {
  const { config } = app;
  return {
    answerer: app.answerer,
    conversation: app.conversation,
    store: app.store,
    digest: { parseDate: parseDigestDate, build: (opts) => app.digest(opts) },
    subscriptions: {
      subscribe: (chatId, opts) => app.subscriptions.subscribe(chatId, { ...opts, timezone: config.timezone }),
      unsubscribe: (chatId) => app.subscriptions.unsubscribe(chatId),
      removeDistrict: (chatId, district) => app.subscriptions.removeDistrict(chatId, district),
      get: (chatId) => app.subscriptions.get(chatId),
    },
    ingest: (paths, opts) => app.ingest(paths, opts),
    uploadsDir: config.bulletinsDir,
    timezone: config.timezone,
    defaultDigestTime: config.digest.defaultTime,
    allowedChatIds: config.telegram.allowedChatIds,
    adminChatIds: config.telegram.adminChatIds,
    log: app.log,
    ...over,
  };
}
