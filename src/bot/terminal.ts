import readline from "node:readline";
import type { Bot } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { type CreateBotOptions, createBot } from "./create-bot.js";
import type { BotDeps } from "./deps.js";
import { htmlToPlain } from "./format/html.js";

/** The pretend bot account of the terminal chat. */
export const TERMINAL_BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: "区县新闻",
  username: "terminal_news_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

/** The terminal user's chat and user id. */
export const TERMINAL_CHAT_ID = 10_000;

/** A button shown in the terminal: its label and callback data. */
interface TerminalButton {
  text: string;
  data: string;
}

/** A terminal chat session: feed it lines, it prints the bot's replies. */
export interface TerminalChat {
  bot: Bot;
  /** Handles one line typed by the user: a button label ("原文 1"), a command, or a question. */
  send(line: string): Promise<void>;
}

/**
 * A chat with the real bot handlers in the terminal, without Telegram: each
 * typed line becomes a synthetic update passed to `bot.handleUpdate`, and an
 * API transformer intercepts every Bot API call, printing sent messages as
 * plain text (HTML rendered) instead of making a request. Inline buttons are
 * printed under the message; typing a button's label (e.g. "原文 1")
 * presses it. No network is used.
 */
export function createTerminalChat(
  deps: BotDeps,
  write: (text: string) => void,
  opts: Pick<CreateBotOptions, "rateLimit"> = {},
): TerminalChat {
  const bot = createBot("0:terminal", deps, { botInfo: TERMINAL_BOT_INFO, rateLimit: opts.rateLimit });
  let messageId = 0;
  let updateId = 0;
  let buttons: TerminalButton[] = [];
  const user = { id: TERMINAL_CHAT_ID, is_bot: false, first_name: "你" };
  const chat = { id: TERMINAL_CHAT_ID, type: "private" as const, first_name: "你" };

  /** Prints a message (or an edit of one) and its buttons, which become the ones a typed label presses. */
  const show = (p: Record<string, unknown>, prefix = "") => {
    const text = String(p.text ?? "");
    if (text) write(`\n${prefix}${p.parse_mode === "HTML" ? htmlToPlain(text) : text}\n`);
    const markup = p.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    const rows = markup?.inline_keyboard ?? [];
    if (rows.length) {
      buttons = rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
      write(
        `  按钮：${buttons.map((b) => `[${b.text}]`).join(" ")}（输入按钮上的文字即可打开，如“${buttons[0]?.text.replace(/^\S+\s/, "")}”）\n`,
      );
    }
  };

  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (method === "sendMessage") {
      show(p);
      const sent: Message.TextMessage = {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        text: String(p.text ?? ""),
      };
      return { ok: true, result: sent } as never;
    }
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      show(p, method === "editMessageText" ? "（消息已更新）" : "");
      const edited = { message_id: Number(p.message_id), date: Math.floor(Date.now() / 1000), chat, text: "" };
      return { ok: true, result: edited } as never;
    }
    if (method === "answerCallbackQuery") {
      if (p.text) write(`\n（提示）${String(p.text)}\n`);
      return { ok: true, result: true } as never;
    }
    if (method === "sendChatAction" || method === "setMyCommands") return { ok: true, result: true } as never;
    if (method === "getChatMember") {
      return { ok: true, result: { status: "creator", user } } as never;
    }
    return { ok: false, error_code: 400, description: `${method} is not available in the terminal chat` } as never;
  });

  const press = (line: string): TerminalButton | undefined => {
    const wanted = line.replace(/\s+/g, "");
    return buttons.find((b) => b.text.replace(/\s+/g, "").endsWith(wanted) && wanted.length >= 2);
  };

  return {
    bot,
    async send(line: string) {
      const text = line.trim();
      if (!text) return;
      const date = Math.floor(Date.now() / 1000);
      const button = press(text);
      let update: Update;
      if (button) {
        update = {
          update_id: ++updateId,
          callback_query: {
            id: String(updateId),
            from: user,
            chat_instance: "terminal",
            data: button.data,
            message: { message_id: messageId, date, chat, text: "" },
          },
        };
      } else {
        const command = /^\/\w+/.exec(text);
        update = {
          update_id: ++updateId,
          message: {
            message_id: ++messageId,
            date,
            chat,
            from: user,
            text,
            ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {}),
          },
        };
      }
      await bot.handleUpdate(update);
    },
  };
}

/**
 * Runs the terminal chat on stdin/stdout until the input ends (Ctrl-D) or
 * the user types "/quit". Prints a greeting that says how to use it. Pass
 * `chat` to share it with something else that sends (the digest scheduler).
 */
export async function runTerminal(
  deps: BotDeps,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  chat: TerminalChat = createTerminalChat(deps, (t) => output.write(t)),
): Promise<void> {
  const rl = readline.createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  output.write("终端聊天模式（未连接 Telegram）。直接输入问题，或 /start、/help；输入 /quit 或按 Ctrl-D 退出。\n");
  rl.setPrompt("\n你> ");
  rl.prompt();
  for await (const line of rl) {
    if (/^\/(quit|exit)\b/.test(line.trim())) break;
    await chat.send(line);
    rl.prompt();
  }
  rl.close();
}
