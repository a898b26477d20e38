import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Answer, Article } from "../core/types.js";
import { extractFacts } from "../facts/extract.js";
import { FactStore } from "../facts/fact-store.js";
import { splitSentences } from "../facts/text.js";
import type { Fact } from "../facts/types.js";
import type { Logger } from "../log.js";
import type { ArticleStore } from "../store/articles.js";
import { analyzeQuestion, type QuestionAnalysis } from "./analyze.js";
import { buildAnswer, type Claim, notFound, quoteSpan } from "./citations.js";
import {
  type CandidateArticle,
  MIN_COVERAGE,
  ROLE_UNITS,
  roleClaims,
  scoreSentences,
  sentenceClaims,
} from "./extractive.js";
import { unsupported } from "./guard.js";
import { type LlmPassage, llmAnswer } from "./llm.js";
import { coverage, questionUnits, unitWeights } from "./units.js";

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
  /** Longest wait for the LLM before answering extractively (default 20 s). */
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
  const llmTimeoutMs = deps.llmTimeoutMs ?? 20_000;
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

  function factsOf(article: Article): Fact[] {
    const stored = facts.forArticle(article.id);
    return stored.length > 0 ? stored : extractFacts(article);
  }

  async function retrieve(a: QuestionAnalysis, district: string | undefined): Promise<string[]> {
    const ids: string[] = [];
    const add = (id: unknown) => {
      if (typeof id === "string" && !ids.includes(id)) ids.push(id);
    };
    let docs: RetrievedDoc[] = [];
    try {
      if (deps.retriever.search) {
        docs = await deps.retriever.search(a.text, { k: 16, district });
        if (docs.length === 0 && district) docs = await deps.retriever.search(a.text, { k: 16 });
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
      .filter((x) => !ROLE_UNITS.test(x))
      .slice(0, 12)) {
      for (const id of deps.store.idsByTitle(u)) {
        hits.set(id, (hits.get(id) ?? 0) + (u.length >= 3 ? 2 : 1));
      }
    }
    const byTitle = [...hits].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1]);
    for (const [id] of byTitle.slice(0, 8)) add(id);
    if (a.intent === "who_post" && a.target)
      for (const f of facts.byPost(corePost(a.target, district))) add(f.articleId);
    if (a.intent === "post_of" && a.target) for (const f of facts.byName(a.target)) add(f.articleId);
    return ids;
  }

  return {
    async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
      const raw = typeof question === "string" ? question : "";
      if (raw.trim().length === 0) return notFound(raw);
      const districts = knownDistricts();
      const a = analyzeQuestion(raw.slice(0, 500), districts);
      const district = opts.district ?? a.district;
      const ids = await retrieve(a, district);
      let articles = ids.map((id) => deps.store.get(id)).filter((x): x is Article => !!x);
      if (district) {
        const inDistrict = articles.filter((x) => x.district === district || x.districts.includes(district));
        if (inDistrict.length > 0 || opts.district) articles = inDistrict;
      }
      const cands: CandidateArticle[] = articles
        .slice(0, MAX_ARTICLES)
        .map((article, rank) => ({ article, facts: factsOf(article), rank }));
      if (cands.length === 0) return notFound(raw);

      // Role words say what is asked, not what about, in role questions; elsewhere they are content ("多少人出席").
      const roleIntent = !["generic", "howmany", "when", "where", "which"].includes(a.intent);
      const units = questionUnits(a.content).filter((u) => !roleIntent || !ROLE_UNITS.test(u));
      const texts = cands.flatMap((c) => [c.article.title, ...splitSentences(c.article.text).map((s) => s.text)]);
      const weights = unitWeights(units, texts);
      const relevance = new Map(
        cands.map((c) => [
          c.article.id,
          0.5 * coverage(weights, c.article.title, c.article.districts.join(" ")) +
            0.5 * coverage(weights, c.article.title, c.article.districts.join(" "), c.article.text),
        ]),
      );
      // An article is about the question only when the question's content is in it.
      for (const c of cands) {
        const full = coverage(weights, c.article.title, c.article.districts.join(" "), c.article.text);
        if (full < MIN_COVERAGE) relevance.set(c.article.id, 0);
        else relevance.set(c.article.id, Math.max(relevance.get(c.article.id) ?? 0, MIN_COVERAGE));
      }

      let claims: Claim[] = [];
      if (a.intent === "who_post" && a.target) claims = whoPostClaims(a.target, district, cands);
      else if (a.intent === "post_of" && a.target) claims = postOfClaims(a.target, cands);
      else if (["attend", "preside", "accompany", "speak", "elected", "who_did"].includes(a.intent)) {
        const topical = rankByRelevance(cands, relevance, weights);
        claims = roleClaims(a, topical, relevance);
        if (claims.length === 0 && a.verb) {
          // No fact of that role: a sentence of the article(s) asked about that says it ("赵海燕带领区委办、…").
          const top = Math.max(0, ...cands.map((c) => relevance.get(c.article.id) ?? 0));
          const asked = cands.filter((c) => (relevance.get(c.article.id) ?? 0) >= Math.max(MIN_COVERAGE, top * 0.9));
          claims = sentenceClaims({ ...a, intent: "who_did" }, scoreSentences(asked, weights), weights);
        } else if (claims.length === 0 && a.intent === "who_did") {
          // "慰问了哪些单位": no role verb to match; the sentence that names them, as for a which-question.
          const top = Math.max(0, ...cands.map((c) => relevance.get(c.article.id) ?? 0));
          const asked = cands.filter((c) => (relevance.get(c.article.id) ?? 0) >= Math.max(MIN_COVERAGE, top * 0.9));
          claims = sentenceClaims({ ...a, intent: "which" }, scoreSentences(asked, weights), weights);
        }
      } else {
        claims = sentenceClaims(a, scoreSentences(cands, weights), weights);
      }

      const known = new Set(cands.flatMap((c) => c.facts.map((f) => f.name).filter((n): n is string => !!n)));
      claims = claims.filter((c) => {
        const quotes = c.spans.map((s) => c.article.text.slice(s.start, s.end));
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
        for (const s of scoreSentences(cands, weights).slice(0, 6)) add(s.cand.article, s.sentence.text);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`LLM gave no answer within ${llmTimeoutMs} ms`)), llmTimeoutMs);
        });
        try {
          const llm = await Promise.race([
            llmAnswer(deps.chatModel, raw, passages, known, { timeoutMs: llmTimeoutMs }),
            timeout,
          ]);
          if (llm) return llm;
        } finally {
          clearTimeout(timer);
        }
      } catch (err) {
        // A down or slow endpoint must not make every answer slow: skip it for a while.
        llmDownUntil = now() + (deps.llmBackoffMs ?? 60_000);
        deps.log?.warn({ err }, "LLM answer failed; using the extractive answer");
      }
      return extractive;
    },
  };
}

/** Candidates ordered by relevance (title and text coverage), retrieval rank breaking ties. */
function rankByRelevance(
  cands: CandidateArticle[],
  relevance: Map<string, number>,
  _weights: Map<string, number>,
): CandidateArticle[] {
  return [...cands].sort(
    (x, y) => (relevance.get(y.article.id) ?? 0) - (relevance.get(x.article.id) ?? 0) || x.rank - y.rank,
  );
}

/** "卫东区人大常委会主任" → "人大常委会主任": the post without the district that names it. */
function corePost(target: string, district: string | undefined): string {
  let t = target.replace(/^(?:现任|目前的|目前|现在的|现在)/, "");
  if (district && t.startsWith(district)) t = t.slice(district.length);
  t = t.replace(/^(?:[\u4e00-\u9fff]{1,3}(?:区|县|市)(?=[\u4e00-\u9fff]{3,}))/, "");
  return t.replace(/^(?:区|县|市)(?=.{3,})/, "");
}

/** who_post: the person printed with the post asked about, in the district asked about. */
function whoPostClaims(target: string, asked: string | undefined, cands: CandidateArticle[]): Claim[] {
  // The place asked about: a known district, or the place printed in the question ("朝阳区区长"), known or not.
  const district = asked ?? target.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))(?=[\u4e00-\u9fff])/)?.[1];
  const core = corePost(target, district);
  const claims: Claim[] = [];
  const names = new Set<string>();
  for (const cand of cands) {
    for (const f of cand.facts) {
      if (f.kind !== "person" || !f.post || !f.name || names.has(f.name)) continue;
      const at = f.post.indexOf(core);
      if (at < 0) continue;
      if (f.post[at - 1] === "副" || f.post.slice(at + core.length).startsWith("副")) continue;
      // The post's own district prefix, when printed, must be the one asked about.
      const printedDistrict = f.post.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))/)?.[1];
      if (district && printedDistrict && printedDistrict !== district && !f.post.startsWith(district)) continue;
      if (district && !printedDistrict && cand.article.district !== district) continue;
      // No place asked: each district's holder is a different answer; say whose (the post as printed, or the district).
      const label = district
        ? target
        : f.post === core && cand.article.district
          ? `${cand.article.district}${core}`
          : target;
      const text = f.post === label ? `${label}是${f.name}` : `${label}是${f.name}（原文：“${f.value}”）`;
      claims.push({
        text,
        article: cand.article,
        spans: [quoteSpan(cand.article.text, f.start, f.end, f.quoteStart, f.quoteEnd)],
      });
      names.add(f.name);
      if (district) return claims;
      break;
    }
    if (claims.length >= 3) break;
  }
  return claims;
}

/** post_of: the post(s) printed before the person's name. */
function postOfClaims(name: string, cands: CandidateArticle[]): Claim[] {
  for (const cand of cands) {
    const f = cand.facts.find((x) => x.kind === "person" && x.name === name && x.post && !/领导|常委$/.test(x.post));
    if (f?.post) {
      return [
        {
          text: `${name}的职务是${f.post}（原文：“${f.value}”）`,
          article: cand.article,
          spans: [{ start: f.quoteStart, end: f.quoteEnd }],
        },
      ];
    }
  }
  return [];
}
