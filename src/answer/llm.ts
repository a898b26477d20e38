import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Answer, Article, Citation } from "../core/types.js";
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

/**
 * Asks the chat model to answer from numbered passages (the sentences the
 * extractive answer rests on, then the best other sentences) and checks what it says: every sentence must
 * carry a [n] marker of a given passage, and every name and number in it
 * must occur in the passages it cites. Failing sentences are dropped.
 * Returns undefined when nothing usable is left (the caller then uses the
 * extractive answer) or when the model declines.
 */
export async function llmAnswer(
  model: BaseChatModel,
  question: string,
  given: LlmPassage[],
  known: Iterable<string>,
): Promise<Answer | undefined> {
  const passages: Passage[] = given.slice(0, MAX_PASSAGES).map((p, i) => ({ ...p, n: i + 1 }));
  if (passages.length === 0) return undefined;
  const listing = passages
    .map(
      (p) =>
        `[${p.n}]《${p.article.title}》（${[p.article.district, p.article.date].filter(Boolean).join("，")}）：${p.text}`,
    )
    .join("\n");
  const messages = await answerPrompt().formatMessages({ passages: listing, question });
  const reply = messageText((await model.invoke(messages)).content).trim();
  if (!reply || /没有在已收录的新闻中找到/.test(reply)) return undefined;

  const knownNames = [...known];
  const kept: { text: string; ns: number[] }[] = [];
  for (const sentence of reply.match(/[^。！？!?]+[。！？!?]?(?:\s*\[\d+\])*/g) ?? []) {
    const ns = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const cited = passages.filter((p) => ns.includes(p.n));
    if (cited.length === 0) continue;
    if (
      unsupported(
        sentence,
        cited.map((p) => p.text),
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
