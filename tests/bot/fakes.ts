import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { RunIngestResult } from "../../src/app/ingest.js";
import type { BotDeps, DigestResult, ParsedDate } from "../../src/bot/deps.js";
import { TERMINAL_BOT_INFO } from "../../src/bot/terminal.js";
import type { Answer, Article, Digest } from "../../src/core/types.js";
import { createLogger } from "../../src/log.js";

/** A small article for tests. */
export function article(over: Partial<Article> = {}): Article {
  return {
    id: "a1b2c3d4",
    source: "test.txt",
    seq: 0,
    title: "陕州区召开动员部署会",
    subtitle: null,
    district: "陕州区",
    districts: ["陕州区"],
    date: "2026-02-01",
    dateText: "2月1日",
    byline: "记者 张三",
    text: "2月1日，陕州区召开动员部署会。区委书记李军出席会议并讲话。\n会议强调，要抓好安全生产。",
    repeatedParagraphs: [],
    ingestedAt: "2026-02-01T00:00:00.000Z",
    ...over,
  };
}

/** Fake dependencies: an in-memory store, a scripted answerer, digest functions and subscriptions. */
export function fakeDeps(over: Partial<BotDeps> & { articles?: Article[] } = {}) {
  const articles = over.articles ?? [article()];
  const subs = new Map<number, { time: string; districts: string[] }>();
  const asked: string[] = [];
  const ingested: string[][] = [];
  const deps: BotDeps = {
    answerer: {
      async ask(question: string): Promise<Answer> {
        asked.push(question);
        const a = articles[0];
        if (!a || question.includes("火星")) {
          return { question, answer: "没有在已收录的新闻中找到相关内容。", citations: [], found: false };
        }
        return {
          question,
          answer: `据《${a.title}》，区委书记李军出席会议。[1]`,
          citations: [
            {
              n: 1,
              articleId: a.id,
              title: a.title,
              district: a.district,
              date: a.date,
              source: a.source,
              quote: "区委书记李军出席会议并讲话。",
            },
          ],
          found: true,
        };
      },
    },
    store: {
      get: (id) => articles.find((a) => a.id === id),
      list: (filter) => articles.filter((a) => !filter?.source || a.source === filter.source),
      districts: () => {
        const by = new Map<string, Article[]>();
        for (const a of articles) by.set(a.district ?? "", [...(by.get(a.district ?? "") ?? []), a]);
        return [...by].map(([district, list]) => {
          const dates = list
            .map((a) => a.date)
            .filter((d): d is string => !!d)
            .sort();
          return { district, count: list.length, first: dates[0] ?? null, last: dates.at(-1) ?? null };
        });
      },
      days: () => {
        const count = new Map<string, number>();
        for (const a of articles) if (a.date) count.set(a.date, (count.get(a.date) ?? 0) + 1);
        return [...count].map(([date, n]) => ({ date, count: n })).sort((x, y) => y.date.localeCompare(x.date));
      },
      count: () => articles.length,
    },
    digest: {
      parseDate(input: string): ParsedDate {
        if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return { ok: true, date: input };
        if (input === "昨天") return { ok: true, date: "2026-01-31" };
        return { ok: false, message: `无法识别日期“${input}”。` };
      },
      async build(opts): Promise<DigestResult> {
        const items = articles.filter(
          (a) => (!opts.date || a.date === opts.date) && (!opts.district || a.district === opts.district),
        );
        if (items.length === 0)
          return { ok: false, message: `${opts.date ?? ""} 没有新闻。`, nearestDays: ["2026-02-01"] };
        const digest: Digest = {
          date: opts.date ?? "2026-02-01",
          district: opts.district ?? null,
          items: items.map((a) => ({
            articleId: a.id,
            title: a.title,
            district: a.district,
            date: a.date,
            summary: a.text.slice(0, 30),
            source: a.source,
          })),
        };
        return { ok: true, digest };
      },
    },
    subscriptions: {
      subscribe: (chatId, opts) => subs.set(chatId, { time: opts.time, districts: [...opts.districts] }),
      unsubscribe: (chatId) => subs.delete(chatId),
      removeDistrict: (chatId, district) => {
        const s = subs.get(chatId);
        if (!s?.districts.includes(district)) return "not-subscribed";
        s.districts = s.districts.filter((d) => d !== district);
        if (s.districts.length > 0) return "removed";
        subs.delete(chatId);
        return "unsubscribed";
      },
      get: (chatId) => subs.get(chatId),
    },
    async ingest(paths: string[]): Promise<RunIngestResult> {
      ingested.push(paths);
      return {
        files: paths.map((p) => ({ path: p, source: p.split("/").pop() ?? p, status: "added" as const, articles: 1 })),
        filesRead: paths.length,
        articlesFound: paths.length,
        facts: { added: 0, removed: 0 },
        index: { articlesAdded: 1, articlesRemoved: 0, chunksAdded: 2 },
      };
    },
    uploadsDir: "/tmp",
    timezone: "Asia/Shanghai",
    defaultDigestTime: "08:00",
    allowedChatIds: [],
    adminChatIds: [],
    log: createLogger("silent"),
    ...over,
  };
  return { deps, asked, ingested, subs };
}

/** One Bot API call the bot made. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** Intercepts every API call of `bot` (no network) and records it; returns the record. */
export function recordCalls(bot: Bot): ApiCall[] {
  const calls: ApiCall[] = [];
  let id = 100;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    if (method === "sendMessage") {
      const p = payload as { chat_id: number; text: string };
      return {
        ok: true,
        result: { message_id: ++id, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text },
      } as never;
    }
    if (method === "getFile") {
      return { ok: true, result: { file_id: "f", file_unique_id: "u", file_path: "documents/file.txt" } } as never;
    }
    return { ok: true, result: true } as never;
  });
  return calls;
}

let nextUpdate = 1;

/** A text message update from `userId` in a private chat (or `chat` when given). */
export function textUpdate(text: string, userId = 42, chat?: { id: number; type: "group" | "private" }): Update {
  const command = /^\/\w+(@\w+)?/.exec(text);
  return {
    update_id: nextUpdate++,
    message: {
      message_id: nextUpdate,
      date: 0,
      chat:
        chat?.type === "group"
          ? { id: chat.id, type: "group", title: "群" }
          : { id: chat?.id ?? userId, type: "private", first_name: "U" },
      from: { id: userId, is_bot: false, first_name: "U" },
      text,
      ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** A callback-query update (a pressed inline button). */
export function callbackUpdate(data: string, userId = 42): Update {
  return {
    update_id: nextUpdate++,
    callback_query: {
      id: String(nextUpdate),
      from: { id: userId, is_bot: false, first_name: "U" },
      chat_instance: "c",
      data,
      message: { message_id: 1, date: 0, chat: { id: userId, type: "private", first_name: "U" }, text: "" },
    },
  };
}

/** The bot info used by unit tests (no getMe). */
export const BOT_INFO = { ...TERMINAL_BOT_INFO, username: "news_test_bot" };

/** Texts of all sendMessage calls. */
export function sentTexts(calls: ApiCall[]): string[] {
  return calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
}
