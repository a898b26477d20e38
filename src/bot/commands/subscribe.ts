import { Composer, type Context } from "grammy";
import { parseTimeOfDay } from "../../digest/subscriptions.js";
import type { BotDeps } from "../deps.js";
import { listDistricts, looksLikeDistrict, resolveDistrict } from "./district.js";

/** What `/subscribe` arguments mean, or why they are wrong. */
export type SubscribeArgs = { ok: true; time: string; district: string | null } | { ok: false; message: string };

/**
 * Parses `/subscribe [HH:MM] [区县]` in either order. The time accepts
 * "8:00", "08:00", "08：00", "8点半" (the digest layer's `parseTimeOfDay`);
 * without one, `defaultTime` is used. The district must be one the bot knows.
 */
export function parseSubscribeArgs(text: string, known: string[], defaultTime: string): SubscribeArgs {
  let time: string | undefined;
  let district: string | null = null;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const parsed = parseTimeOfDay(token);
    if (parsed && !time) {
      time = parsed;
      continue;
    }
    if (/^[\d０-９]{1,2}\s*[:：点时]/.test(token)) {
      return { ok: false, message: `“${token}”不是有效的时间，请用 00:00–23:59 之间的时间，例如 08:00。` };
    }
    const d = resolveDistrict(token, known);
    if (d && !district) {
      district = d;
      continue;
    }
    if (looksLikeDistrict(token)) {
      return { ok: false, message: `没有收录“${token}”的新闻。已收录的区县：${listDistricts(known)}。` };
    }
    return {
      ok: false,
      message: `看不懂“${token}”。用法：/subscribe [HH:MM] [区县]，例如 /subscribe 08:00 ${known[0] ?? ""}`.trim(),
    };
  }
  return { ok: true, time: time ?? defaultTime, district };
}

/** `/subscribe [HH:MM] [区县]` (daily digest of new articles at that time) and `/unsubscribe`. */
export function subscribeCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("subscribe", async (ctx) => {
    const known = deps.store
      .districts()
      .map((r) => r.district)
      .filter(Boolean);
    const args = parseSubscribeArgs(ctx.match, known, deps.defaultDigestTime);
    if (!args.ok) {
      await ctx.reply(args.message);
      return;
    }
    try {
      deps.subscriptions.subscribe(ctx.chat.id, { time: args.time, district: args.district });
    } catch (err) {
      await ctx.reply(err instanceof Error ? err.message : "订阅没有成功，请稍后再试。");
      return;
    }
    await ctx.reply(
      `✅ 已订阅：每天 ${args.time}（${deps.timezone}）发送${args.district ?? "全部区县"}的新新闻摘要。` +
        "\n没有新新闻的日子不打扰。取消请发送 /unsubscribe。",
    );
  });
  c.command("unsubscribe", async (ctx) => {
    const removed = deps.subscriptions.unsubscribe(ctx.chat.id);
    await ctx.reply(removed ? "已取消订阅，不会再收到每日摘要。" : "你还没有订阅。发送 /subscribe 08:00 即可订阅。");
  });
  return c;
}
