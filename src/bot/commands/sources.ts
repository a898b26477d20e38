import { Composer, type Context } from "grammy";
import type { BotDeps } from "../deps.js";
import { renderSources } from "../format/sources.js";
import { threadTo } from "../reply.js";

/** `/sources`: the districts, date range and article counts the bot knows. */
export function sourcesCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("sources", (ctx) =>
    ctx.reply(renderSources(deps.store.districts()), { parse_mode: "HTML", ...threadTo(ctx) }),
  );
  return c;
}
