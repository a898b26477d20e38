import http from "node:http";
import net from "node:net";
import TelegramServerModule from "telegram-test-api";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

// A CommonJS module whose `module.exports` is the class: under NodeNext the
// default import is that class at run time, though its typings say `.default`.
const TelegramServerClass = ((TelegramServerModule as unknown as { default?: unknown }).default ??
  TelegramServerModule) as unknown as typeof TelegramServer;

/** A free TCP port on loopback (the emulator cannot listen on port 0 itself). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A message the bot sent, as the emulator stores it. */
export interface BotMessage {
  chat_id: number | string;
  text: string;
  parse_mode?: string;
  message_id?: number;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean };
}

/** A Bot API call that went through the proxy. */
export interface ProxiedCall {
  method: string;
  status: number;
  body: Record<string, unknown>;
}

/**
 * POSTs JSON, retrying a connection reset: the emulator (express) closes idle
 * keep-alive sockets, and a request may race that close when the event loop
 * was busy (e.g. embedding during an ingest in the same process).
 */
async function fetchRetrying(url: string, body: string, attempts = 3): Promise<Response> {
  for (let i = 1; ; i++) {
    try {
      return await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Tags Telegram's HTML parse mode accepts. */
const TELEGRAM_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "code",
  "pre",
  "a",
  "blockquote",
  "tg-spoiler",
  "span",
]);

/**
 * Checks text the way Telegram parses `parse_mode: "HTML"`: only known tags,
 * properly nested and closed, and `&` only as an entity. Returns the error
 * Telegram would give, or undefined when the text is fine.
 */
export function telegramHtmlError(text: string): string | undefined {
  const stack: string[] = [];
  for (const m of text.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*>|<|&(?!(?:lt|gt|amp|quot|#\d+);)/g)) {
    if (m[0] === "<") return "Bad Request: can't parse entities: unexpected < at byte offset";
    if (m[0].startsWith("&")) return "Bad Request: can't parse entities: unsupported entity";
    const name = (m[2] ?? "").toLowerCase();
    if (!TELEGRAM_TAGS.has(name)) return `Bad Request: can't parse entities: unsupported start tag "${name}"`;
    if (m[1]) {
      if (stack.pop() !== name) return `Bad Request: can't parse entities: unmatched end tag "${name}"`;
    } else stack.push(name);
  }
  return stack.length ? `Bad Request: can't parse entities: unclosed tag "${stack.at(-1)}"` : undefined;
}

/** The plain text of a Telegram-HTML message. */
export function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * telegram-test-api on loopback, behind a small proxy that the bot talks to.
 * The proxy adds what the emulator lacks — sendChatAction, setMyCommands,
 * getFile and file downloads — holds empty getUpdates briefly (like Telegram's
 * long polling) instead of letting the runner spin, records every call, and
 * can answer a method with an error once (e.g. 429 with retry_after).
 *
 * The user side talks to the emulator directly. Replies are read by polling
 * the emulator's /getUpdates once per request (never the library client's
 * getUpdates, which keeps polling after its time-out and swallows replies).
 */
export class Emulator {
  readonly calls: ProxiedCall[] = [];
  /** Updates the bots received through getUpdates (emulator and injected), in order. */
  readonly delivered: Record<string, unknown>[] = [];
  /** Per chat, the user ids getChatMember reports as administrators (everyone else is a member). */
  readonly admins = new Map<number, Set<number>>();
  private readonly faults = new Map<string, { status: number; retryAfter?: number; token?: string }[]>();
  private readonly injected = new Map<string, Record<string, unknown>[]>();
  private readonly down = new Set<string>();
  private nextInjectedUpdate = 1_000_000;

  private readonly inbox = new Map<string, BotMessage[]>();
  private proxy?: http.Server;
  private nextMessage = 1000;
  apiRoot = "";
  emulatorUrl = "";

  private constructor(
    readonly server: TelegramServer,
    readonly token: string,
    /** Uploaded files, served by the proxy's file endpoint; shared by every client view of one emulator. */
    private readonly files = new Map<string, Uint8Array>(),
  ) {}

  /** Starts the emulator and the proxy on free loopback ports. */
  static async start(token: string): Promise<Emulator> {
    const port = await freePort();
    const server = new TelegramServerClass({ port, host: "127.0.0.1", storeTimeout: 600 });
    await server.start();
    const emu = new Emulator(server, token);
    emu.emulatorUrl = server.config.apiURL;
    emu.proxy = http.createServer((req, res) => {
      emu.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 502, description: `proxy: ${String(err)}` }));
      });
    });
    await new Promise<void>((resolve) => emu.proxy?.listen(0, "127.0.0.1", resolve));
    emu.apiRoot = `http://127.0.0.1:${(emu.proxy.address() as net.AddressInfo).port}`;
    return emu;
  }

  /** A user-side view of the same emulator for another bot token (its own inbox). */
  static async clientFor(emu: Emulator, token: string): Promise<Emulator> {
    const other = new Emulator(emu.server, token, emu.files);
    other.emulatorUrl = emu.emulatorUrl;
    other.apiRoot = emu.apiRoot;
    return other;
  }

  /**
   * Makes the next `times` calls of `method` fail with `status` (429: with
   * retry_after seconds); with `token`, only that bot's calls.
   */
  failNext(method: string, status: number, opts: { retryAfter?: number; times?: number; token?: string } = {}): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < (opts.times ?? 1); i++) list.push({ status, retryAfter: opts.retryAfter, token: opts.token });
    this.faults.set(method, list);
  }

  /**
   * An outage for bot `token`: while on, every Bot API request of that bot
   * has its connection destroyed (as when the network or Telegram is down).
   */
  setOutage(token: string, on: boolean): void {
    if (on) this.down.add(token);
    else this.down.delete(token);
  }

  /**
   * Queues an update the emulator cannot produce itself (an edited message, an
   * inline query, a photo with a caption in a group…) for bot `token`'s next
   * getUpdates. Returns its update_id.
   */
  inject(token: string, update: Record<string, unknown>): number {
    const id = this.nextInjectedUpdate++;
    const list = this.injected.get(token) ?? [];
    list.push({ update_id: id, ...update });
    this.injected.set(token, list);
    return id;
  }

  /** A fresh message id for injected updates. */
  messageId(): number {
    return this.nextMessage++;
  }

  /** Stops the proxy and the emulator. */
  async stop(): Promise<void> {
    this.proxy?.closeAllConnections();
    await new Promise<void>((resolve) => this.proxy?.close(() => resolve()));
    await this.server.stop();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let gone = false;
    res.on("close", () => {
      gone = true;
    });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://x");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (file) {
      const bytes = this.files.get(decodeURIComponent(file[1] ?? ""));
      if (!bytes) return json(404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(bytes));
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m) return json(404, { ok: false, error_code: 404, description: "Not Found" });
    const method = m[2] ?? "";
    const token = decodeURIComponent(m[1] ?? "");
    if (this.down.has(token)) {
      req.socket.destroy();
      return;
    }
    let body: Record<string, unknown> = {};
    try {
      body = raw.length ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      body = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
    }
    const pending = this.faults.get(method) ?? [];
    const at = pending.findIndex((f) => f.token === undefined || f.token === token);
    const fault = at >= 0 ? pending.splice(at, 1)[0] : undefined;
    if (fault) {
      this.calls.push({ method, status: fault.status, body });
      return json(fault.status, {
        ok: false,
        error_code: fault.status,
        description:
          fault.status === 429
            ? `Too Many Requests: retry after ${fault.retryAfter ?? 1}`
            : fault.status === 409
              ? "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
              : fault.status === 401
                ? "Unauthorized"
                : "Internal Server Error",
        ...(fault.retryAfter !== undefined ? { parameters: { retry_after: fault.retryAfter } } : {}),
      });
    }
    if (method === "sendMessage") {
      const text = String(body.text ?? "");
      const error =
        text.length === 0 || text.length > 4096
          ? `Bad Request: message text is ${text.length ? "too long" : "empty"}`
          : body.parse_mode === "HTML"
            ? telegramHtmlError(text)
            : undefined;
      if (error) {
        this.calls.push({ method, status: 400, body });
        return json(400, { ok: false, error_code: 400, description: error });
      }
    }
    if (
      method === "sendChatAction" ||
      method === "setMyCommands" ||
      method === "deleteWebhook" ||
      method === "setMyDescription" ||
      method === "setMyShortDescription" ||
      method === "answerInlineQuery"
    ) {
      this.calls.push({ method, status: 200, body });
      return json(200, { ok: true, result: true });
    }
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      const text = String(body.text ?? "");
      const error = method === "editMessageText" && body.parse_mode === "HTML" ? telegramHtmlError(text) : undefined;
      this.calls.push({ method, status: error ? 400 : 200, body });
      if (error) return json(400, { ok: false, error_code: 400, description: error });
      return json(200, {
        ok: true,
        result: {
          message_id: Number(body.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: "private" },
          text,
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
        },
      });
    }
    if (method === "getChatMember") {
      this.calls.push({ method, status: 200, body });
      const chatId = Number(body.chat_id);
      const userId = Number(body.user_id);
      const status = this.admins.get(chatId)?.has(userId) ? "administrator" : "member";
      return json(200, {
        ok: true,
        result: { status, user: { id: userId, is_bot: false, first_name: `用户${userId}` } },
      });
    }
    if (method === "getFile") {
      this.calls.push({ method, status: 200, body });
      const id = String(body.file_id);
      const bytes = this.files.get(`documents/${id}`);
      return json(200, {
        ok: true,
        result: { file_id: id, file_unique_id: id, file_size: bytes?.byteLength ?? 0, file_path: `documents/${id}` },
      });
    }
    const forward = async () => {
      const r = await fetchRetrying(`${this.emulatorUrl}${url.pathname}`, JSON.stringify(body));
      return { status: r.status, data: (await r.json()) as { ok: boolean; result?: unknown } };
    };
    let out = await forward();
    if (method === "getUpdates") {
      // Emulate long polling: hold an empty answer up to one second.
      const until = Date.now() + 1000;
      const queued = () => (this.injected.get(token)?.length ?? 0) > 0;
      while (
        out.data.ok &&
        Array.isArray(out.data.result) &&
        out.data.result.length === 0 &&
        !queued() &&
        Date.now() < until
      ) {
        if (gone) return;
        await new Promise((r) => setTimeout(r, 40));
        out = await forward();
      }
      if (out.data.ok && Array.isArray(out.data.result)) {
        const extra = this.injected.get(token) ?? [];
        this.injected.set(token, []);
        out.data.result = [...(out.data.result as Record<string, unknown>[]), ...extra];
        this.delivered.push(...(out.data.result as Record<string, unknown>[]));
      }
    } else {
      this.calls.push({ method, status: out.status, body });
    }
    json(out.status, out.data);
  }

  /** The user-side `from`/`chat` of a private chat (or of `chat` when given). */
  private parties(userId: number, chat?: { id: number; type: "group" | "private" }) {
    const from = { id: userId, is_bot: false, first_name: `用户${userId}`, username: `user${userId}` };
    const c = chat ?? { id: userId, type: "private" as const };
    return { from, chat: { ...c, first_name: from.first_name, title: c.type === "group" ? "测试群" : undefined } };
  }

  /** A user sends a text (a command when it starts with "/"). */
  async sendText(userId: number, text: string, chat?: { id: number; type: "group" | "private" }): Promise<void> {
    const command = /^\/\w+(@\w+)?/.exec(text);
    const message = {
      ...this.parties(userId, chat),
      botToken: this.token,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: "bot_command" }] } : {}),
    };
    await this.post(command ? "/sendCommand" : "/sendMessage", message);
  }

  /** A user sends a document; its bytes are served by the proxy's file endpoint. */
  async sendDocument(userId: number, fileName: string, bytes: Uint8Array): Promise<void> {
    const fileId = `file${this.nextMessage++}`;
    this.files.set(`documents/${fileId}`, bytes);
    await this.post("/sendMessage", {
      ...this.parties(userId),
      botToken: this.token,
      date: Math.floor(Date.now() / 1000),
      document: {
        file_id: fileId,
        file_unique_id: fileId,
        file_name: fileName,
        file_size: bytes.byteLength,
        mime_type: "text/plain",
      },
    });
  }

  /** A user sends a photo with `caption` (the emulator passes the message through as it is). */
  async sendPhoto(userId: number, caption: string, chat?: { id: number; type: "group" | "private" }): Promise<void> {
    const fileId = `photo${this.nextMessage++}`;
    await this.post("/sendMessage", {
      ...this.parties(userId, chat),
      botToken: this.token,
      date: Math.floor(Date.now() / 1000),
      photo: [{ file_id: fileId, file_unique_id: fileId, width: 320, height: 240 }],
      caption,
    });
  }

  /** The message id the bot saw for the user message `text` in `chatId` (from the delivered updates). */
  messageIdOf(chatId: number, text: string): number | undefined {
    for (const u of [...this.delivered].reverse()) {
      const m = u.message as { message_id: number; text?: string; chat: { id: number } } | undefined;
      if (m && m.chat.id === chatId && m.text === text) return m.message_id;
    }
    return undefined;
  }

  /** A user presses an inline button with callback data `data` (in `inChat`, default their private chat). */
  async press(userId: number, data: string, inChat?: { id: number; type: "group" | "private" }): Promise<void> {
    const { from, chat } = this.parties(userId, inChat);
    await this.post("/sendCallback", {
      botToken: this.token,
      from,
      data,
      message: { message_id: this.nextMessage++, date: Math.floor(Date.now() / 1000), chat, from, text: "" },
    });
  }

  /**
   * Collects the bot's messages to `chatId` until `done(messages)` holds,
   * polling the emulator's /getUpdates once per request. Throws with what was
   * received when `timeoutMs` passes.
   */
  async waitFor(chatId: number, done: (messages: BotMessage[]) => boolean, timeoutMs = 30_000): Promise<BotMessage[]> {
    const key = String(chatId);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = (await this.post("/getUpdates", { token: this.token, chatId })) as {
        result: { message: BotMessage; messageId: number }[];
      };
      const got = this.inbox.get(key) ?? [];
      got.push(...r.result.map((u) => ({ ...u.message, message_id: u.messageId })));
      this.inbox.set(key, got);
      if (done(got)) {
        this.inbox.set(key, []);
        return got;
      }
      if (Date.now() > until) {
        throw new Error(
          `timed out waiting for the bot in chat ${chatId}; got: ${JSON.stringify(got.map((m) => m.text))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for `n` messages in `chatId`. */
  waitForCount(chatId: number, n: number, timeoutMs?: number): Promise<BotMessage[]> {
    return this.waitFor(chatId, (m) => m.length >= n, timeoutMs);
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const r = await fetchRetrying(`${this.emulatorUrl}${path}`, JSON.stringify(body));
    if (!r.ok) throw new Error(`emulator ${path}: HTTP ${r.status} ${await r.text()}`);
    return r.json();
  }
}
