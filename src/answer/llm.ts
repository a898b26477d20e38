import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Answer, Article, Citation } from "../core/types.js";
import { deadline, limitsOf, untilAborted } from "../llm/limits.js";
import { unsupported } from "./guard.js";

const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");
const MAX_PASSAGES = 6;

let template: ChatPromptTemplate | undefined;

/** The answer prompt: prompts/answer-system.md and prompts/answer-human.md (Chinese), loaded once. */
export function answerPrompt(dir = PROMPTS_DIR): ChatPromptTemplate {
  if (template && dir === PROMPTS_DIR) return template;
  const system = fs.readFileSync(path.join(dir, "answer-system.md"), "utf8");
  const human = fs.readFileSync(path.join(dir, "answer-human.md"), "utf8");
  const t = ChatPromptTemplate.fromMessages([
    ["system", system],
    ["human", human],
  ]);
  if (dir === PROMPTS_DIR) template = t;
  return t;
}

/** A passage shown to the model: exact text of an article. */
export interface LlmPassage {
  article: Article;
  text: string;
}

interface Passage extends LlmPassage {
  n: number;
}

function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content.map((p) => (typeof p === "string" ? p : ((p as { text?: string }).text ?? ""))).join("");
  return "";
}

/** Options of `llmAnswer`; unset ones come from the model's limits (`limitsOf`). */
export interface LlmAnswerOptions {
  /** Longest reply used, in characters: the reply is cut there, and a sentence cut in half is dropped. */
  maxChars?: number;
  /** Longest wait in ms, at most the model's; the request is then aborted (not merely ignored), so nothing is left pending. */
  timeoutMs?: number;
  /** Aborts the request early (the caller gave up). */
  signal?: AbortSignal;
}

/** The sentences of a reply, each with the [n] markers that follow it. */
const SENTENCE_RE = /[^。！？!?]+[。！？!?]?(?:\s*\[\d+\])*/g;

/**
 * Asks the chat model to answer from numbered passages (the sentences the
 * extractive answer rests on, then the best other sentences) and checks
 * what it says. The reply is cut to `maxChars` (default `LLM_MAX_CHARS`,
 * 1500) before it is read; every sentence must carry [n] markers, all of
 * passages that exist, and pass the guard (every name and number in it
 * occurs in the passages it cites, no link or instruction that they do not
 * have; the title shown with a passage counts as cited). Failing sentences
 * are dropped. The request is aborted after `timeoutMs` (at most the
 * model's `LLM_TIMEOUT_MS`) through an AbortSignal, which
 * rejects with the abort reason. Returns undefined when nothing usable is
 * left (the caller then uses the extractive answer) or the model declines.
 */
export async function llmAnswer(
  model: BaseChatModel,
  question: string,
  given: LlmPassage[],
  known: Iterable<string>,
  opts: LlmAnswerOptions = {},
): Promise<Answer | undefined> {
  const limits = limitsOf(model);
  const maxChars = opts.maxChars ?? limits.maxChars;
  const passages: Passage[] = given.slice(0, MAX_PASSAGES).map((p, i) => ({ ...p, n: i + 1 }));
  if (passages.length === 0) return undefined;
  const listing = passages
    .map(
      (p) =>
        `[${p.n}]《${p.article.title}》（${[p.article.district, p.article.date].filter(Boolean).join("，")}）：${p.text}`,
    )
    .join("\n");
  const messages = await answerPrompt().formatMessages({ passages: listing, question });
  // The shorter of the caller's wait and the model's configured one.
  const signal = deadline(Math.min(opts.timeoutMs ?? limits.timeoutMs, limits.timeoutMs), opts.signal);
  const full = messageText((await untilAborted(model.invoke(messages, { signal }), signal)).content).trim();
  if (!full || /没有在已收录的新闻中找到/.test(full)) return undefined;
  const reply = full.slice(0, maxChars);
  const sentences = reply.match(SENTENCE_RE) ?? [];
  // A reply cut by the cap ends in half a sentence: it is not read.
  if (full.length > maxChars && !/[。！？!?]\s*(?:\[\d+\]\s*)*$/.test(reply)) sentences.pop();

  const knownNames = [...known];
  const kept: { text: string; ns: number[] }[] = [];
  for (const sentence of sentences) {
    const ns = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const cited = passages.filter((p) => ns.includes(p.n));
    // Every claim cites, and only passages that exist.
    if (cited.length === 0 || ns.some((n) => !passages.some((p) => p.n === n))) continue;
    if (
      unsupported(
        sentence,
        cited.flatMap((p) => [p.text, p.article.title]),
        knownNames,
      ).length > 0
    )
      continue;
    kept.push({ text: sentence.trim(), ns: ns.filter((n) => cited.some((p) => p.n === n)) });
  }
  if (kept.length === 0) return undefined;

  // Renumber: citations in order of first use, one per passage.
  const order: number[] = [];
  for (const k of kept) for (const n of k.ns) if (!order.includes(n)) order.push(n);
  const citations: Citation[] = order.map((n, i) => {
    const p = passages.find((x) => x.n === n) as Passage;
    const a = p.article;
    return {
      n: i + 1,
      articleId: a.id,
      title: a.title,
      district: a.district,
      date: a.date,
      source: a.source,
      quote: p.text,
    };
  });
  const answer = kept
    .map((k) =>
      k.text.replace(/\[(\d+)\]/g, (m, d: string) =>
        order.includes(Number(d)) ? `[${order.indexOf(Number(d)) + 1}]` : m,
      ),
    )
    .join("");
  return { question, answer, citations, found: true };
}
