import { Composer, type Context } from "grammy";
import type { BotDeps } from "../deps.js";
import { renderDigest } from "../format/digest.js";
import { escapeHtml } from "../format/html.js";
import { replyHtml, withTyping } from "../reply.js";
import { listDistricts, looksLikeDistrict, resolveDistrict } from "./district.js";

/** What `/digest` arguments mean: a date (YYYY-MM-DD), a district, or a message explaining what is wrong. */
export type DigestArgs = { ok: true; date?: string; district?: string } | { ok: false; message: string };

/**
 * Parses `/digest [日期] [区县]` in either order: a word that is a known
 * district (or looks like one: …区/县/市) is the district, anything else must
 * be a date `parseDate` understands ("2020-03-28", "昨天", "3月27日").
 */
export function parseDigestArgs(text: string, deps: BotDeps): DigestArgs {
  const known = deps.store
    .districts()
    .map((r) => r.district)
    .filter(Boolean);
  const now = deps.now?.() ?? new Date();
  let date: string | undefined;
  let district: string | undefined;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const d = resolveDistrict(token, known);
    if (d && !district) {
      district = d;
      continue;
    }
    if (!date) {
      const parsed = deps.digest.parseDate(token, now, deps.timezone);
      if (parsed.ok) {
        date = parsed.date;
        continue;
      }
      if (!looksLikeDistrict(token)) return { ok: false, message: parsed.message };
    }
    if (looksLikeDistrict(token) && !district) {
      return { ok: false, message: `没有收录“${token}”的新闻。已收录的区县：${listDistricts(known)}。` };
    }
    return {
      ok: false,
      message: `看不懂“${token}”。用法：/digest [日期] [区县]，例如 /digest 昨天 ${known[0] ?? ""}`.trim(),
    };
  }
  return { ok: true, date, district };
}

/** `/digest [日期] [区县]`: the digest of one day (default: the latest day with news). */
export function digestCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("digest", async (ctx) => {
    const args = parseDigestArgs(ctx.match, deps);
    if (!args.ok) {
      await ctx.reply(args.message);
      return;
    }
    const result = await withTyping(ctx, () =>
      deps.digest.build({ date: args.date, district: args.district, now: deps.now?.() }),
    );
    if (!result.ok) {
      const near = result.nearestDays.length
        ? `\n有新闻的相近日期：${result.nearestDays.map((d) => `/digest ${d}`).join("  ")}`
        : "";
      await ctx.reply(escapeHtml(result.message) + escapeHtml(near), { parse_mode: "HTML" });
      return;
    }
    await replyHtml(ctx, renderDigest(result.digest));
  });
  return c;
}
