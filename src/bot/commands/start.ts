import { Composer, type Context } from "grammy";
import type { BotDeps } from "../deps.js";
import { verifiedExamples } from "../examples.js";
import { escapeHtml } from "../format/html.js";

/**
 * The /help text: every command with an example. The examples use a district
 * and a day the bot really has (`district`, `day`), so they work as typed.
 */
export function helpText(district = "某区", day = "2020-03-28"): string {
  const d = escapeHtml(district);
  return [
    "<b>使用方法</b>",
    "直接发送问题即可，例如“谁出席了某某会议？”“某某活动是哪天开始的？”。每个回答都会注明来源，点“📄 原文”按钮可查看整篇报道。",
    "",
    "/ask &lt;问题&gt; — 提问（私聊时直接发文字也可以）；可以接着追问，如“这个会是哪天开的？”“他还参加了哪些活动？”",
    `/search &lt;词&gt; — 浏览报道，例如 /search 疫情防控、/search ${d} 3月；发送“下一页”翻页`,
    "/new — 开始新对话（/reset 同），忘记上文",
    `/digest [日期] [区县] — 某天的新闻摘要，例如 /digest ${escapeHtml(day)} ${d}、/digest 昨天；不写日期则为最近一天`,
    `/subscribe [HH:MM] [区县] — 每天定时收到新新闻的摘要，例如 /subscribe 08:00 ${d}`,
    "/unsubscribe — 取消订阅",
    "/sources — 已收录的区县、日期范围和篇数",
    "/article &lt;编号&gt; — 查看一篇报道的全文",
    "",
    "在群里：请 @我 或回复我的消息来提问，命令照常可用。",
  ].join("\n");
}

/**
 * `/start` (welcome: what the bot knows and three example questions drawn
 * from the stored news) and `/help` (every command with an example).
 */
export function startCommands(deps: BotDeps): Composer<Context> {
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
      "👋 你好！我是区县新闻问答机器人：用中文提问，我会根据已收录的区县报道回答，并注明出处。",
      knows + range,
    ];
    if (examples.length) lines.push("", "<b>可以这样问：</b>", ...examples.map((q) => `• ${escapeHtml(q)}`));
    lines.push("", "发送 /help 查看全部命令。");
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  });
  c.command("help", (ctx) => {
    const district = deps.store.districts().find((r) => r.district)?.district;
    const day = deps.store.days(district)[0]?.date;
    return ctx.reply(helpText(district, day), { parse_mode: "HTML" });
  });
  return c;
}
