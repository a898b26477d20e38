import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Answer, Article } from "../core/types.js";
import { ordinalsIn } from "../core/zh/numbers.js";
import { ROLE_QUESTION_WORDS } from "../core/zh/roles.js";
import { extractFacts } from "../facts/extract.js";
import { FactStore } from "../facts/fact-store.js";
import { splitSentences } from "../facts/text.js";
import { type Fact, factName } from "../facts/types.js";
import type { Logger } from "../log.js";
import type { ArticleStore } from "../store/articles.js";
import { analyzeQuestion, type QuestionAnalysis } from "./analyze.js";
import { buildAnswer, type Claim, notFound } from "./citations.js";
import { articleMeta, type CandidateArticle, MIN_COVERAGE, type ScoredSentence, scoreSentences } from "./extractive.js";
import { unsupported } from "./guard.js";
import { kindNamed } from "./kinds/index.js";
import type { AnswerContext, FactLookup } from "./kinds/kind.js";
import { type LlmPassage, llmAnswer } from "./llm.js";
import { coverage, questionTerms, questionUnits, unitWeights } from "./units.js";

/**
 * A retrieved chunk: only the fields the answerer reads of a LangChain
 * Document. Structural, with no index signature, so any metadata type that
 * has them (the project's `ChunkMetadata`, a plain record in tests) fits as is.
 */
export interface RetrievedDoc<
  M extends { articleId?: string; score?: number } = { articleId?: string; score?: number },
> {
  pageContent: string;
  metadata: M;
}

/**
 * What the answerer needs of a retriever: LangChain's `BaseRetriever.invoke`,
 * and the project retriever's `search` with filters when it has one. The
 * project's `NewsRetriever` is one as is (no adapter).
 */
export interface NewsRetrieverLike {
  invoke(query: string): Promise<RetrievedDoc[]>;
  search?(query: string, opts?: { k?: number; district?: string }): Promise<RetrievedDoc[]>;
}

/** Dependencies of `createAnswerer`. */
export interface AnswererDeps {
  retriever: NewsRetrieverLike;
  store: ArticleStore;
  /** Optional LLM: its answer is used when it passes the guard, else the extractive one. */
  chatModel?: BaseChatModel;
  log?: Logger;
  /** Longest wait for the LLM before answering extractively (default and cap: the model's `LLM_TIMEOUT_MS`, 20 s). */
  llmTimeoutMs?: number;
  /** After an LLM failure or timeout, answer extractively for this long without asking it (default 60 s). */
  llmBackoffMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Options of one question. */
export interface AskOptions {
  /** Only answer from this district's articles. */
  district?: string;
}

/** The answerer the bot and the CLI use. */
export interface Answerer {
  ask(question: string, opts?: AskOptions): Promise<Answer>;
}

const MAX_ARTICLES = 8;
/** Candidates a kind adds from facts beyond the first MAX_ARTICLES. */
const MAX_EXTRA = 4;

/**
 * Creates the answerer: a Chinese question in, a short Chinese answer out
 * that cites the article(s) it comes from, or an honest "没有在已收录的新闻中
 * 找到…" with no citation. Offline and extractive by default: the question
 * is analyzed (who attended / presided / …, when, where, how many, which,
 * generic), candidate articles come from the retriever (plus titles and
 * facts that match), and the answer is the printed clause or fact that
 * answers it. With a chat model, the model writes the answer from numbered
 * passages; the guard (every name and number must be in a cited quote)
 * checks both.
 */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const facts = new FactStore(deps.store.db);
  const now = deps.now ?? Date.now;
  let llmDownUntil = 0;

  // The store's districts, re-read at most every 30 s (an ingest may add one).
  let districtCache: { at: number; list: string[] } | undefined;
  function knownDistricts(): string[] {
    const now = Date.now();
    if (!districtCache || now - districtCache.at > 30_000) {
      districtCache = {
        at: now,
        list: deps.store
          .districts()
          .map((d) => d.district)
          .filter(Boolean),
      };
    }
    return districtCache.list;
  }

  const lookup: FactLookup = {
    articlesWithPost: (post) => [...new Set(facts.byPost(post).map((f) => f.articleId))],
    articlesWithName: (name) => [...new Set(facts.byName(name).map((f) => f.articleId))],
  };

  function factsOf(article: Article): Fact[] {
    const stored = facts.forArticle(article.id);
    return stored.length > 0 ? stored : extractFacts(article);
  }

  /** Whether article `id` is of `district` (its main one or one it names). */
  function inDistrict(id: string | undefined, district: string): boolean {
    const x = id ? deps.store.get(id) : undefined;
    return !!x && (x.district === district || x.districts.includes(district));
  }

  /** Candidate ids: retrieved and title-matched (`ids`), and those the kind adds from facts (`extra`). */
  async function retrieve(
    a: QuestionAnalysis,
    district: string | undefined,
  ): Promise<{ ids: string[]; extra: string[] }> {
    const ids: string[] = [];
    const add = (id: unknown) => {
      if (typeof id === "string" && !ids.includes(id)) ids.push(id);
    };
    let docs: RetrievedDoc[] = [];
    try {
      if (deps.retriever.search) {
        // One search (one query embedding): without the district filter, so that articles naming no
        // district of their own ("我县…") are found too; the district's articles are kept first below.
        // Only when none of the district's is among them, a filtered search finds them.
        docs = await deps.retriever.search(a.text, { k: district ? 32 : 16 });
        if (district && !docs.some((d) => inDistrict(d.metadata.articleId, district))) {
          docs = [...(await deps.retriever.search(a.text, { k: 16, district })), ...docs];
        }
      } else {
        docs = await deps.retriever.invoke(a.text);
      }
    } catch (err) {
      deps.log?.warn({ err }, "retrieval failed; answering from titles and facts only");
    }
    for (const d of docs) add(d.metadata.articleId);
    // Titles that contain a long unit of the question ("大气污染防治") or several short ones (张汭, 汭乡).
    const hits = new Map<string, number>();
    for (const u of questionUnits(a.content)
      .filter((x) => !ROLE_QUESTION_WORDS.test(x))
      .slice(0, 12)) {
      for (const id of deps.store.idsByTitle(u)) {
        hits.set(id, (hits.get(id) ?? 0) + (u.length >= 3 ? 2 : 1));
      }
    }
    const byTitle = [...hits].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1]);
    for (const [id] of byTitle.slice(0, 8)) add(id);
    const extra = (kindNamed(a.kind).candidates?.(a, lookup) ?? []).filter((id, i, all) => all.indexOf(id) === i);
    return { ids, extra };
  }

  return {
    async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
      const raw = typeof question === "string" ? question : "";
      if (raw.trim().length === 0) return notFound(raw);
      const districts = knownDistricts();
      const a = analyzeQuestion(raw.slice(0, 500), districts);
      const district = opts.district ?? a.district;
      const found = await retrieve(a, district);
      const extra = new Set(found.extra);
      let articles = [...found.ids, ...found.extra.filter((id) => !found.ids.includes(id))]
        .map((id) => deps.store.get(id))
        .filter((x): x is Article => !!x);
      if (district) {
        // The district's articles, and (for a district the question names) those that name no district
        // of their own: a county paper's "我县" article may be the one asked about.
        const inDistrict = articles.filter(
          (x) =>
            x.district === district ||
            x.districts.includes(district) ||
            (!opts.district && x.districts.length === 0 && !x.district),
        );
        if (inDistrict.length > 0 || opts.district) articles = inDistrict;
      }
      // "第126次会议" is not the 125th, "十三届八次" not "七次": an article not printing every ordinal asked
      // is about another session, never an answer.
      const fit = articles.filter((x) => sameSession(a, x) && sameYear(a, x));
      // The articles whose facts the kind matched ("周建华任什么职": those printing 周建华) stay candidates
      // even when retrieval ranks many others first.
      const kept = fit.slice(0, MAX_ARTICLES);
      const added = fit
        .slice(MAX_ARTICLES)
        .filter((x) => extra.has(x.id))
        .slice(0, MAX_EXTRA);
      const cands: CandidateArticle[] = [...kept, ...added].map((article, rank) => ({
        article,
        facts: factsOf(article),
        rank,
      }));
      if (cands.length === 0) return notFound(raw);

      // Role words say what is asked, not what about, in role questions; elsewhere they are content ("多少人出席").
      const kind = kindNamed(a.kind);
      const terms = questionTerms(a.content, a.places);
      // A value the question states to be checked ("是逯海平主持的吗") is what is compared, not what must match.
      const stated = kind.stated?.(a) ?? [];
      const units = terms.units.filter(
        (u) =>
          (!kind.roleAsk || !ROLE_QUESTION_WORDS.test(u)) &&
          !kind.askWords?.test(u) &&
          !stated.some((v) => straddles(u, v)),
      );
      const texts = cands.flatMap((c) => [c.article.title, ...splitSentences(c.article.text).map((s) => s.text)]);
      const weights = unitWeights(units, texts, terms.soft);
      const relevance = relevanceOf(cands, weights, a);
      const ctx = answerContext(a, district, cands, weights, relevance);
      let claims: Claim[] = kind.answer(ctx);

      const known = new Set(cands.flatMap((c) => c.facts.map(factName).filter((n): n is string => !!n)));
      // What a claim may state: its quoted sentences, and what its citation shows (title, district).
      claims = claims.filter((c) => {
        const quotes = [
          ...c.spans.map((s) => c.article.text.slice(s.start, s.end)),
          ...(c.quoteText ? [c.quoteText] : []),
          c.article.title,
          ...(c.article.district ? [c.article.district] : []),
        ];
        const missing = unsupported(c.text, quotes, known);
        if (missing.length > 0) deps.log?.warn({ claim: c.text, missing }, "guard dropped a claim");
        return missing.length === 0;
      });
      if (claims.length === 0) return notFound(raw);

      const extractive = buildAnswer(raw, claims);
      if (!deps.chatModel || now() < llmDownUntil) return extractive;
      try {
        // The sentences the extractive answer rests on come first, then the best other sentences.
        const passages: LlmPassage[] = [];
        const seen = new Set<string>();
        const add = (article: Article, text: string) => {
          const key = `${article.id}:${text}`;
          if (!text || seen.has(key)) return;
          seen.add(key);
          passages.push({ article, text });
        };
        for (const c of claims) for (const sp of c.spans) add(c.article, c.article.text.slice(sp.start, sp.end));
        for (const s of ctx.scored().slice(0, 6)) add(s.cand.article, s.sentence.text);
        // llmAnswer aborts the request at the deadline (AbortSignal), also for models that ignore it.
        const llm = await llmAnswer(deps.chatModel, raw, passages, known, { timeoutMs: deps.llmTimeoutMs });
        if (llm) return llm;
      } catch (err) {
        // A down or slow endpoint must not make every answer slow: skip it for a while.
        llmDownUntil = now() + (deps.llmBackoffMs ?? 60_000);
        deps.log?.warn({ err }, "LLM answer failed; using the extractive answer");
      }
      return extractive;
    },
  };
}

/**
 * Article id → relevance: half the question's content found in title and districts, half in the
 * whole article; 0 when the whole article holds less than MIN_COVERAGE of it (it is not about the
 * question), at least MIN_COVERAGE when it does.
 */
function relevanceOf(
  cands: CandidateArticle[],
  weights: Map<string, number>,
  q: QuestionAnalysis,
): Map<string, number> {
  const relevance = new Map<string, number>();
  for (const c of cands) {
    const meta = [articleMeta(c.article, q.places)];
    const full = coverage(weights, ...meta, c.article.text);
    const rel = 0.5 * coverage(weights, ...meta) + 0.5 * full;
    relevance.set(c.article.id, full < MIN_COVERAGE ? 0 : Math.max(rel, MIN_COVERAGE));
  }
  return relevance;
}

/** Whether `article` prints every ordinal and session number the question names (by value). */
function sameSession(q: QuestionAnalysis, article: Article): boolean {
  if (q.ordinals.length === 0) return true;
  const printed = new Set(ordinalsIn(`${article.title}\n${article.text}`));
  return q.ordinals.every((o) => printed.has(o));
}

/**
 * Whether `article` can be about the years the question names ("2025年9月…时"): its date is of one of
 * them, or it has no date and prints one of them or no year at all, or the question names none.
 */
function sameYear(q: QuestionAnalysis, article: Article): boolean {
  if (q.years.length === 0) return true;
  const year = article.date?.slice(0, 4);
  // "通报了2023年全县…工作情况" in a 2024 article: a year the article prints is what it tells about.
  if (year) return q.years.includes(year) || toldYears(q.text).some((y) => article.text.includes(`${y}年`));
  // Undated: an article printing one of the years, or printing no year at all (nothing contradicts).
  const all = `${article.title}\n${article.text}`;
  return q.years.some((y) => all.includes(`${y}年`)) || !/(?:19|20)\d{2}年/.test(all);
}

/**
 * Years the question names as what a report or a document tells about ("通报了2023年…情况", "总结2022年工作",
 * "表彰2023年度先进单位的决定", "《…2024年…方案》"), not when it happened.
 */
function toldYears(text: string): string[] {
  return [
    ...text.matchAll(
      /(?:了|通报|总结|回顾|汇报|听取|审议|关于|表彰|《[^》]{0,20}?)((?:19|20)\d{2})年|((?:19|20)\d{2})年度/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? "");
}

/** Whether unit `u` is inside `value`, holds it, or straddles its edge ("是3月6日开" → 日开). */
function straddles(u: string, value: string): boolean {
  return value.includes(u) || u.includes(value) || value.endsWith(u[0] ?? "") || value.startsWith(u.slice(-1));
}

/** The context a kind answers in; `answerAs` lets one kind answer as another (yes/no, two-part). */
function answerContext(
  q: QuestionAnalysis,
  district: string | undefined,
  cands: CandidateArticle[],
  weights: Map<string, number>,
  relevance: Map<string, number>,
): AnswerContext {
  let scored: ScoredSentence[] | undefined;
  const ctx: AnswerContext = {
    q,
    district,
    cands,
    weights,
    relevance,
    scored: () => {
      scored ??= scoreSentences(cands, weights, q.places);
      return scored;
    },
    ranked: () =>
      [...cands].sort(
        (x, y) => (relevance.get(y.article.id) ?? 0) - (relevance.get(x.article.id) ?? 0) || x.rank - y.rank,
      ),
    answerAs: (kind, change = {}, only, without) => {
      // The other kind's ask words ("开幕" of when) say what is asked there too, not which event.
      const ask = kindNamed(kind).askWords;
      const w =
        without || ask
          ? new Map([...weights].filter(([u]) => !(without && straddles(u, without)) && !ask?.test(u)))
          : weights;
      const sub =
        only || w !== weights
          ? answerContext({ ...q, ...change, kind }, district, only ?? cands, w.size > 0 ? w : weights, relevance)
          : undefined;
      return kindNamed(kind).answer(sub ?? { ...ctx, q: { ...q, ...change, kind } });
    },
  };
  return ctx;
}
