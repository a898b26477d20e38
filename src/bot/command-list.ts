/**
 * The bot's commands with their Chinese descriptions, registered with
 * `setMyCommands` at start so that Telegram shows them in the "/" menu.
 */
export const BOT_COMMANDS = [
  { command: "start", description: "开始：介绍与示例问题" },
  { command: "help", description: "帮助：所有命令与用法" },
  { command: "ask", description: "提问，例如 /ask 谁出席了会议？" },
  { command: "search", description: "浏览报道 /search 词 [区县] [月份]" },
  { command: "new", description: "开始新对话（忘记上文）" },
  { command: "digest", description: "新闻摘要 /digest [日期] [区县]" },
  { command: "subscribe", description: "订阅每日摘要，或查看并修改订阅 /subscribe [时间] [区县]" },
  { command: "unsubscribe", description: "取消订阅 /unsubscribe [区县]" },
  { command: "sources", description: "已收录的区县、日期与篇数" },
  { command: "article", description: "查看原文 /article 编号" },
] as const;
