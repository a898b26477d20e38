import { Composer, type Context, InlineKeyboard } from "grammy";
import type { AnswerMemory } from "../answer-memory.js";
import type { BotDeps } from "../deps.js";
import { verifiedExamples } from "../examples.js";
import { escapeHtml } from "../format/html.js";
import { threadTo } from "../reply.js";
import { answerQuestion } from "./ask.js";

/** Callback data of an example-question button: `ex:<index>` into the current examples. */
export const EXAMPLE_CALLBACK_PREFIX = "ex:";

/**
 * The /help text, grouped and short: asking, digests, subscriptions, other.
 * The examples use a district and a day the bot really has (`district`,
 * `day`), so they work as typed.
 */
export function helpText(district = "某区", day = "2020-03-28"): string {
  const d = escapeHtml(district);
  return [
    "<b>❓ 提问</b>",
    "直接发问题，或 /ask 问题（群里请 @我 或回复我）；图片、文件的说明文字也算问题。改了问题我会重新回答。",
    "可以接着追问，如“这个会是哪天开的？”“他还参加了哪些活动？”；/new 开始新对话（/reset 同）。",
    `/search 词 — 如 /search 疫情防控、/search ${d} 3月；点“下一页”翻页`,
    "",
    "<b>📰 摘要</b>",
    `/digest [日期] [区县] — 如 /digest ${escapeHtml(day)} ${d}、/digest 昨天`,
    "",
    "<b>⏰ 订阅</b>",
    `/subscribe [时间] [区县] — 如 /subscribe 晚上8点 ${d}；只发 /subscribe 查看并修改`,
    "/unsubscribe [区县] — 取消全部或一个区县",
    "",
    "<b>📚 其他</b>",
    "/sources — 已收录的区县和日期",
    "/a_编号 或 /article 编号 — 打开原文（回答和摘要里点一下即可）",
    "在任何聊天输入 @我的用户名 加问题，可把回答分享出去。",
  ].join("\n");
}

/**
 * `/start` (welcome: what the bot knows, and example questions drawn from
 * the stored news as buttons that ask them; in a group, how to address the
 * bot there) and `/help` (grouped and short).
 */
export function startCommands(deps: BotDeps, memory?: AnswerMemory): Composer<Context> {
  const c = new Composer();
  const examplesFor = verifiedExamples(deps);
  c.command("start", async (ctx) => {
    const rows = deps.store.districts();
    const total = deps.store.count();
    const named = rows.filter((r) => r.district).map((r) => r.district);
    const knows =
      total > 0
        ? `我已收录 <b>${total}</b> 篇区县报道${named.length ? `，涉及${escapeHtml(named.join("、"))}` : ""}。`
        : "我还没有收录任何报道。";
    const days = deps.store.days();
    const range = days.length ? `日期从 ${days[days.length - 1]?.date} 到 ${days[0]?.date}。` : "";
    const examples = await examplesFor();
    const lines = [
      "👋 你好！我是区县新闻问答机器人：用中文提问，我会根据已收录的区县报道回答，并附上原文句子和出处。",
      knows + range,
    ];
    if (ctx.chat.type !== "private" && ctx.me.username) {
      lines.push("", `在群里提问请 @${escapeHtml(ctx.me.username)} 加上问题，或回复我的消息。`);
    }
    if (examples.length) lines.push("", "<b>可以这样问（点一下即可）：</b>");
    lines.push("", "发送 /help 查看全部命令。");
    const kb = new InlineKeyboard();
    examples.forEach((q, i) => {
      if (i > 0) kb.row();
      kb.text(q, `${EXAMPLE_CALLBACK_PREFIX}${i}`);
    });
    await ctx.reply(lines.join("\n"), {
      parse_mode: "HTML",
      ...threadTo(ctx),
      ...(examples.length ? { reply_markup: kb } : {}),
    });
  });
  c.command("help", (ctx) => {
    const district = deps.store.districts().find((r) => r.district)?.district;
    const day = deps.store.days(district)[0]?.date;
    return ctx.reply(helpText(district, day), { parse_mode: "HTML", ...threadTo(ctx) });
  });
  c.callbackQuery(new RegExp(`^${EXAMPLE_CALLBACK_PREFIX}(\\d+)$`), async (ctx) => {
    const question = (await examplesFor())[Number(ctx.match[1])];
    if (!question) {
      await ctx.answerCallbackQuery({ text: "这个示例已更新，请重新发送 /start。" });
      return;
    }
    await ctx.answerCallbackQuery({ text: question }).catch(() => undefined);
    await ctx.reply(`❓ ${escapeHtml(question)}`, { parse_mode: "HTML" });
    await answerQuestion(ctx, deps, question, memory);
  });
  return c;
}
