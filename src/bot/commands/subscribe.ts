import { Composer, type Context, InlineKeyboard } from "grammy";
import { parseTimeOfDay } from "../../digest/subscriptions.js";
import type { BotDeps, SubscriptionView } from "../deps.js";
import { MAX_CALLBACK_BYTES } from "../format/digest.js";
import { escapeHtml } from "../format/html.js";
import { threadTo } from "../reply.js";
import { listDistricts, looksLikeDistrict, resolveDistrict } from "./district.js";

/** What `/subscribe` arguments mean, or why they are wrong. */
export type SubscribeArgs =
  | { ok: true; time: string | undefined; districts: string[] }
  | { ok: false; message: string };

/** Times offered as buttons on the subscription panel. */
const TIME_CHOICES = ["07:00", "08:00", "12:00", "18:00", "20:00"];
/** Callback data: `st:<HH:MM>` sets the time, `sd:<district>` toggles a district (`sd:` = all), `su:` unsubscribes. */
const TIME_PREFIX = "st:";
const DISTRICT_PREFIX = "sd:";
const UNSUBSCRIBE_DATA = "su:";

/** The reply to a group member who is not an admin and tries to change the group's subscription. */
export const ADMINS_ONLY = "只有群管理员可以更改本群的订阅。";

/**
 * Parses `/subscribe [时间] [区县…]` in any order. The time accepts what
 * people type ("8点", "8点半", "晚上8点", "下午3点", "20:00", "0800",
 * "早上"; the digest layer's `parseTimeOfDay`); without one the time is
 * left as it is (or the default for a new subscription). Each district must
 * be one the bot knows.
 */
export function parseSubscribeArgs(text: string, known: string[]): SubscribeArgs {
  let time: string | undefined;
  const districts: string[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const parsed = parseTimeOfDay(token);
    if (parsed && !time) {
      time = parsed;
      continue;
    }
    const d = resolveDistrict(token, known);
    if (d) {
      if (!districts.includes(d)) districts.push(d);
      continue;
    }
    if (/^[\d０-９]/.test(token) || /[点點时時:：]/.test(token)) {
      return { ok: false, message: `“${token}”不是有效的时间，例如 08:00、8点半、晚上8点、下午3点。` };
    }
    if (looksLikeDistrict(token) || /^[\u4e00-\u9fff]{1,20}$/.test(token)) {
      return { ok: false, message: `没有收录“${token}”这个区县。已收录的区县：${listDistricts(known)}。` };
    }
    return {
      ok: false,
      message: `看不懂“${token}”。用法：/subscribe [时间] [区县]，例如 /subscribe 晚上8点 ${known[0] ?? ""}`.trim(),
    };
  }
  return { ok: true, time, districts };
}

/** "每天 08:30（Asia/Shanghai）· 孟州市、陕州区" */
function describeSubscription(sub: SubscriptionView, timezone: string): string {
  const where = sub.districts.length ? sub.districts.join("、") : "全部区县";
  return `每天 ${sub.time}（${timezone}）· ${where}`;
}

/** The subscription panel: the current state and buttons to change the time and the districts, or to unsubscribe. */
export function subscriptionPanel(
  sub: SubscriptionView,
  known: string[],
  timezone: string,
  headline = "📬 当前订阅",
): { text: string; keyboard: InlineKeyboard } {
  const kb = new InlineKeyboard();
  for (const t of TIME_CHOICES) kb.text(t === sub.time ? `✅ ${t}` : t, `${TIME_PREFIX}${t}`);
  let inRow = 3;
  for (const d of known.slice(0, 30)) {
    const data = `${DISTRICT_PREFIX}${d}`;
    if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) continue;
    if (inRow === 3) {
      kb.row();
      inRow = 0;
    }
    kb.text(sub.districts.includes(d) ? `✅ ${d}` : d, data);
    inRow++;
  }
  kb.row()
    .text(sub.districts.length === 0 ? "✅ 全部区县" : "全部区县", DISTRICT_PREFIX)
    .text("🔕 取消订阅", UNSUBSCRIBE_DATA);
  const text = [
    `${headline}：${escapeHtml(describeSubscription(sub, timezone))}`,
    "有新新闻时按时发送摘要，没有新新闻的日子不打扰。",
    "点下面的按钮修改时间或区县（可选多个）；也可以发送 /subscribe 晚上8点 区县名。",
  ].join("\n");
  return { text, keyboard: kb };
}

/**
 * Whether the sender may change this chat's subscription: always in a
 * private chat; in a group only its creator and administrators (asked with
 * getChatMember), including an admin posting anonymously as the group.
 */
export async function mayChangeSubscription(ctx: Context): Promise<boolean> {
  if (!ctx.chat || ctx.chat.type === "private") return true;
  const msg = ctx.message ?? ctx.editedMessage;
  if (msg?.sender_chat?.id === ctx.chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id).catch(() => undefined);
  return member?.status === "creator" || member?.status === "administrator";
}

function knownDistricts(deps: BotDeps): string[] {
  return deps.store
    .districts()
    .map((r) => r.district)
    .filter(Boolean);
}

/**
 * `/subscribe [时间] [区县…]` (create or change: a new time replaces the old
 * one, districts are added; without arguments the current subscription is
 * shown with buttons), `/unsubscribe [区县]` (all, or one district), and the
 * panel's buttons. In groups only chat admins may change the group's
 * subscription.
 */
export function subscribeCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  const save = (chatId: number, time: string, districts: string[]) =>
    deps.subscriptions.subscribe(chatId, { time, districts });

  c.command("subscribe", async (ctx) => {
    const known = knownDistricts(deps);
    const args = parseSubscribeArgs(ctx.match, known);
    if (!args.ok) {
      await ctx.reply(args.message, threadTo(ctx));
      return;
    }
    const before = deps.subscriptions.get(ctx.chat.id);
    if (before && !args.time && args.districts.length === 0) {
      const panel = subscriptionPanel(before, known, deps.timezone);
      await ctx.reply(panel.text, { parse_mode: "HTML", reply_markup: panel.keyboard, ...threadTo(ctx) });
      return;
    }
    if (!(await mayChangeSubscription(ctx))) {
      await ctx.reply(ADMINS_ONLY, threadTo(ctx));
      return;
    }
    const time = args.time ?? before?.time ?? deps.defaultDigestTime;
    const districts = [...(before?.districts ?? []), ...args.districts.filter((d) => !before?.districts.includes(d))];
    try {
      save(ctx.chat.id, time, districts);
    } catch (err) {
      await ctx.reply(err instanceof Error ? err.message : "订阅没有成功，请稍后再试。", threadTo(ctx));
      return;
    }
    const after = deps.subscriptions.get(ctx.chat.id) ?? { time, districts };
    const headline = before
      ? `✅ 已更新订阅（原来：${escapeHtml(describeSubscription(before, deps.timezone))}）\n现在`
      : "✅ 已订阅";
    const panel = subscriptionPanel(after, known, deps.timezone, headline);
    await ctx.reply(`${panel.text}\n取消请发送 /unsubscribe。`, {
      parse_mode: "HTML",
      reply_markup: panel.keyboard,
      ...threadTo(ctx),
    });
  });

  c.command("unsubscribe", async (ctx) => {
    const before = deps.subscriptions.get(ctx.chat.id);
    if (!before) {
      await ctx.reply("还没有订阅。发送 /subscribe 08:00 即可订阅。", threadTo(ctx));
      return;
    }
    if (!(await mayChangeSubscription(ctx))) {
      await ctx.reply(ADMINS_ONLY, threadTo(ctx));
      return;
    }
    const word = ctx.match.trim();
    if (!word) {
      deps.subscriptions.unsubscribe(ctx.chat.id);
      await ctx.reply("已取消订阅，不会再收到每日摘要。", threadTo(ctx));
      return;
    }
    const district = resolveDistrict(word, before.districts) ?? resolveDistrict(word, knownDistricts(deps));
    if (!district || !before.districts.includes(district)) {
      const subscribed = before.districts.length ? before.districts.join("、") : "全部区县";
      await ctx.reply(`订阅里没有“${word}”。现在订阅的是：${subscribed}。`, threadTo(ctx));
      return;
    }
    const outcome = deps.subscriptions.removeDistrict(ctx.chat.id, district);
    const now = deps.subscriptions.get(ctx.chat.id);
    await ctx.reply(
      outcome === "unsubscribed" || !now
        ? `已取消${district}，订阅里没有别的区县了，已取消订阅。`
        : `已取消${district}。现在订阅：${describeSubscription(now, deps.timezone)}。`,
      threadTo(ctx),
    );
  });

  const onPanel = async (ctx: Context, change: (sub: SubscriptionView) => SubscriptionView | null) => {
    if (!ctx.chat) return;
    if (!(await mayChangeSubscription(ctx))) {
      await ctx.answerCallbackQuery({ text: ADMINS_ONLY, show_alert: true });
      return;
    }
    const before = deps.subscriptions.get(ctx.chat.id) ?? { time: deps.defaultDigestTime, districts: [] };
    const next = change(before);
    if (!next) {
      deps.subscriptions.unsubscribe(ctx.chat.id);
      await ctx.answerCallbackQuery({ text: "已取消订阅" }).catch(() => undefined);
      await ctx
        .editMessageText("🔕 已取消订阅，不会再收到每日摘要。发送 /subscribe 可重新订阅。")
        .catch(() => undefined);
      return;
    }
    save(ctx.chat.id, next.time, next.districts);
    const panel = subscriptionPanel(next, knownDistricts(deps), deps.timezone, "✅ 已更新订阅");
    await ctx.answerCallbackQuery({ text: describeSubscription(next, deps.timezone) }).catch(() => undefined);
    await ctx
      .editMessageText(panel.text, { parse_mode: "HTML", reply_markup: panel.keyboard })
      .catch(() => ctx.reply(panel.text, { parse_mode: "HTML", reply_markup: panel.keyboard }));
  };
  c.callbackQuery(/^st:(\d{2}:\d{2})$/, (ctx) => onPanel(ctx, (s) => ({ ...s, time: ctx.match[1] ?? s.time })));
  c.callbackQuery(/^sd:(.*)$/, (ctx) =>
    onPanel(ctx, (s) => {
      const d = ctx.match[1] ?? "";
      if (!d) return { ...s, districts: [] };
      return { ...s, districts: s.districts.includes(d) ? s.districts.filter((x) => x !== d) : [...s.districts, d] };
    }),
  );
  c.callbackQuery(UNSUBSCRIBE_DATA, (ctx) => onPanel(ctx, () => null));
  return c;
}
