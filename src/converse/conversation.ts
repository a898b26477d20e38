import { notFound } from "../answer/citations.js";
import type { Answer, Article } from "../core/types.js";
import { todayIn } from "../digest/dates.js";
import type { Logger } from "../log.js";
import { type BrowseDeps, browse, parseBrowse, parseSearch, renderBrowse } from "./browse.js";
import { completeQuestion, meetingOf } from "./complete.js";
import { englishFrame, isEnglish, readEnglish } from "./english.js";
import type { PersonMentions } from "./mentions.js";
import { readAsked } from "./question.js";
import type { BrowseState, SessionStore, Turn } from "./sessions.js";
import { personTimeline, renderTimeline, timelineAsk } from "./timeline.js";

/** What a conversation reply is: an Answer (text with [n] markers and its citations) and how it came about. */
export interface ConversationReply extends Answer {
  /** "answer" (the answerer), "timeline", "browse", "english" (an English question answered), "hint". */
  kind: "answer" | "timeline" | "browse" | "english" | "hint";
  /** What a follow-up was understood to refer to, also shown at the start of `answer` as "（指：…）". */
  understood?: string;
  /** The question actually answered (completed, or translated from English). */
  asked: string;
  /** A browse list: the page shown, and whether there is a next one. */
  page?: { page: number; pages: number; total: number };
}

/** Dependencies of `createConversation`. */
export interface ConversationDeps {
  /** The answerer (src/answer): the conversation completes questions before and delegates to it. */
  answerer: { ask(question: string, opts?: { district?: string }): Promise<Answer> };
  store: BrowseDeps & {
    districts(): { district: string }[];
    days(district?: string): { date: string }[];
  };
  /** The hybrid search (topics, and names without a stored fact). */
  retriever?: { search?: BrowseDeps["search"] };
  mentions: PersonMentions;
  sessions: SessionStore;
  /** Time zone of "today" and "本周" (default Asia/Shanghai). */
  timezone?: string;
  /** Clock, for tests. */
  now?: () => Date;
  log?: Logger;
}

/** Options of one turn. */
export interface TurnOptions {
  /**
   * The conversation whose context completes the question, when not `key`
   * itself: a reply to one of the bot's messages reads that message's context.
   */
  context?: string;
  /** Only answer from this district's articles (CLI --district). */
  district?: string;
}

/** A conversation about the news: one per chat, CLI session or terminal. */
export interface Conversation {
  /**
   * Answers `question` in conversation `key`: completes a follow-up from the
   * context, then routes it — the next page of a list, a person's timeline,
   * a browse list, an English question — or delegates to the answerer. The
   * turn is remembered for the next follow-up (only when it found something).
   */
  ask(key: string, question: string, opts?: TurnOptions): Promise<ConversationReply>;
  /** Page `page` (0-based) of the list last shown in conversation `context` (a chat, or one sent message). */
  page(key: string, page: number, opts?: { context?: string }): Promise<ConversationReply | undefined>;
  /** `/search <词>`: the browse list of `words` (topic, district and range words), page 0. */
  search(key: string, words: string): Promise<ConversationReply>;
  /** Copies the context of `key` to `messageKey`: a reply to that message continues from it. */
  remember(key: string, messageKey: string): void;
  /** Forgets conversation `key` and the contexts of its messages (`/new`). Returns whether there was any. */
  forget(key: string): boolean;
}

/** "下一页", "更多", "继续": the next page of the last list. */
const NEXT_PAGE = /^(?:下一页|下页|更多|再来|继续|还有吗|还有呢|next)[。.!！？?]*$/i;
/** "上一页": the previous page. */
const PREV_PAGE = /^(?:上一页|上页|prev(?:ious)?)[。.!！？?]*$/i;

/** "据《…》（…），" leads of an answer: names in them are of the source, not of the answer. */
const LEAD = /据《[^》]*》(?:（[^）]*）)?，?/g;

/**
 * Creates the conversation layer above the answerer: per-conversation
 * memory in the session store, follow-up completion (他/这个会/还有谁/那X区呢)
 * before analysis, person timelines, browse lists with pages, and English
 * questions; every other question goes to `answerer.ask()` as is. Every list
 * line is cited and checked by the answer guard.
 */
export function createConversation(deps: ConversationDeps): Conversation {
  const timezone = deps.timezone ?? "Asia/Shanghai";
  const now = deps.now ?? (() => new Date());
  const daysOf = (district?: string) => deps.store.days(district).map((d) => d.date);
  const districts = () =>
    deps.store
      .districts()
      .map((d) => d.district)
      .filter(Boolean);

  function save(key: string, reply: ConversationReply, extra: Partial<Turn> = {}): void {
    if (!reply.found && !extra.browse) return;
    const first = reply.citations[0];
    const article: Article | undefined = first ? deps.store.get(first.articleId) : undefined;
    const a = readAsked(reply.asked, districts());
    const names = deps.mentions.namesIn(reply.answer.replace(LEAD, ""));
    // An answer naming one person is about them; a list of names leaves "他" to the person before.
    const person = names.length === 1 ? names[0] : (deps.sessions.last(key)?.person ?? names[0]);
    deps.sessions.push(key, {
      question: reply.asked,
      kind: reply.kind === "answer" || reply.kind === "english" ? a.kind : reply.kind,
      articleIds: reply.citations.map((c) => c.articleId),
      ...meetingsOf(reply.kind === "browse" || reply.kind === "timeline" ? undefined : article, a.content),
      person: (a.kind === "post_of" ? a.target : undefined) ?? person,
      district: a.district ?? article?.district ?? undefined,
      date: article?.date ?? undefined,
      ...extra,
    });
  }

  async function showPage(
    key: string,
    query: BrowseState,
    page: number,
    asked: string,
    from?: number,
  ): Promise<ConversationReply> {
    const search = deps.retriever?.search?.bind(deps.retriever);
    const p = await browse({ list: (f) => deps.store.list(f), get: (id) => deps.store.get(id), search }, query, page);
    if (p.total === 0) {
      const reply: ConversationReply = { ...notFound(asked), kind: "browse", asked };
      // A range with no news: the latest days that have some (of that district), as the digest does.
      const latest = query.dateFrom ? daysOf(query.district).slice(0, 3) : [];
      const hint = latest.length
        ? `最近有新闻的日期：${latest.join("、")}。`
        : "可以发送 /sources 查看已收录的区县和日期。";
      reply.answer = `没有在已收录的新闻中找到${describe(query)}的报道。${hint}`;
      return reply;
    }
    const { answer: list, citations } = renderBrowse(p);
    // "下一页" on the last page (or "上一页" on the first) shows it again, and says so.
    const edge =
      from !== undefined && p.page === from ? (page > from ? "（已经是最后一页）\n" : "（已经是第一页）\n") : "";
    const answer = `${edge}${list}`;
    const reply: ConversationReply = {
      question: asked,
      answer,
      citations,
      found: true,
      kind: "browse",
      asked,
      page: { page: p.page, pages: p.pages, total: p.total },
    };
    save(key, reply, { browse: { query, page: p.page }, district: query.district });
    return reply;
  }

  async function chinese(key: string, question: string, opts: TurnOptions): Promise<ConversationReply> {
    const last = deps.sessions.last(opts.context ?? key);
    const trimmed = question.trim();
    if (last?.browse && (NEXT_PAGE.test(trimmed) || PREV_PAGE.test(trimmed))) {
      const step = NEXT_PAGE.test(trimmed) ? 1 : -1;
      return showPage(key, last.browse.query, last.browse.page + step, last.question, last.browse.page);
    }
    const known = districts();
    const done = completeQuestion(question, last, known);
    const asked = done.question;
    const lead = done.understood ? `（指：${done.understood}）` : "";

    const timeline = timelineAsk(asked);
    // "X会见了哪些…" is a list only when it spans articles; within one article the answerer says it better.
    const t = timeline
      ? await personTimeline(timeline.name, deps.mentions, (id) => deps.store.get(id), timeline)
      : undefined;
    if (timeline && t && (!timeline.verb || t.items.length >= 2)) {
      const { name } = timeline;
      if (t.items.length === 0) {
        return {
          ...notFound(asked),
          answer: `${lead}没有在已收录的新闻中找到“${name}”参加活动的报道。`,
          kind: "timeline",
          asked,
          understood: done.understood,
        };
      }
      const { answer, citations } = renderTimeline(t);
      const reply: ConversationReply = {
        question,
        answer: `${lead}${answer}`,
        citations,
        found: true,
        kind: "timeline",
        asked,
        understood: done.understood,
      };
      save(key, reply, {
        person: name,
        district: t.districts.length ? undefined : (t.items[0]?.article.district ?? undefined),
      });
      return reply;
    }

    const today = todayIn(now(), timezone);
    const query = parseBrowse(asked, known, today, daysOf);
    if (query) {
      const reply = await showPage(key, query, 0, asked);
      return { ...reply, question, answer: `${lead}${reply.answer}`, understood: done.understood };
    }

    let answer = await deps.answerer.ask(asked, { district: opts.district });
    let used = done;
    if (!answer.found && last?.meetingAlt && (done.rule === "meeting" || done.rule === "ellipsis")) {
      // The headline did not find it: the event as the question before named it.
      const again = completeQuestion(question, { ...last, meeting: last.meetingAlt }, known);
      const second = await deps.answerer.ask(again.question, { district: opts.district });
      if (second.found) {
        answer = second;
        used = again;
      }
    }
    const shown = used.understood ? `（指：${used.understood}）` : "";
    const reply: ConversationReply = {
      ...answer,
      question,
      answer: answer.found ? `${shown}${answer.answer}` : answer.answer,
      kind: "answer",
      asked: used.question,
      understood: used.understood,
    };
    save(key, reply);
    return reply;
  }

  return {
    async ask(key, question, opts = {}) {
      if (isEnglish(question)) {
        const reading = readEnglish(question, districts());
        if (!reading.ok) {
          return { question, answer: reading.hint, citations: [], found: false, kind: "hint", asked: question };
        }
        const zh = await chinese(key, reading.question, opts);
        return { ...zh, question, kind: "english", answer: englishFrame(reading.question, zh.answer, zh.found) };
      }
      return chinese(key, question, opts);
    },
    async page(key, page, opts = {}) {
      const last = deps.sessions.last(opts.context ?? key);
      if (!last?.browse) return undefined;
      return showPage(key, last.browse.query, page, last.question);
    },
    async search(key, words) {
      const query = parseSearch(words, districts(), todayIn(now(), timezone), daysOf);
      if (!query) {
        const asked = words.trim();
        return {
          ...notFound(asked),
          answer: "请在 /search 后面写上要找的词，例如：/search 疫情防控",
          kind: "browse",
          asked,
        };
      }
      return showPage(key, query, 0, `/search ${words.trim()}`);
    },
    remember(key, messageKey) {
      deps.sessions.copyLast(key, messageKey);
    },
    forget(key) {
      return deps.sessions.clear(key, { prefix: true }) > 0;
    },
  };
}

/**
 * The meeting a follow-up refers to after an answer resting on `article`: the meeting its title
 * reports; when the title names none, the headline itself and, as the second try, the event the
 * question named.
 */
function meetingsOf(article: Article | undefined, content: string): Pick<Turn, "meeting" | "meetingAlt"> {
  if (!article) return {};
  const meeting = meetingOf(article.title);
  if (meeting) return { meeting };
  const headline = article.title.replace(/\s+/g, "");
  const subject = subjectOf(content);
  return { meeting: headline, meetingAlt: subject && subject !== headline ? subject : undefined };
}

/** Role words of a question's content: what was asked about the event, not the event. */
const ROLE_TOKEN =
  /^(?:主持|出席|参加|参会|陪同|列席|一同|带队|带领|率队|讲话|发言|致辞|当选|督导|调研|检查|慰问|走访|视察)$/;

/**
 * The event a question was about, from its content words when the cited title names no meeting
 * ("新郑擂台赛观摩是谁带队的？" → "新郑擂台赛观摩"): the longest word group that is no role word.
 */
function subjectOf(content: string): string | undefined {
  const groups = content
    .split(/\s+/)
    .map((g) => g.replace(/(?:由|被|是|在)$/, ""))
    .filter((g) => g.length >= 4 && !ROLE_TOKEN.test(g));
  return groups.sort((x, y) => y.length - x.length)[0];
}

/** "孟州市 3月 有关“疫情”": what a browse query asked, for its "nothing found" message. */
function describe(q: BrowseState): string {
  const parts = [q.label, q.district, q.topic ? `有关“${q.topic}”` : undefined, q.meetings ? "会议" : undefined];
  return parts.filter(Boolean).join("") || "相关";
}
