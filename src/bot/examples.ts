import type { Article } from "../core/types.js";
import type { BotDeps } from "./deps.js";

/** Titles longer than this make clumsy example questions. */
const MAX_TITLE = 24;

/** A meeting headline without its verb: "解放区召开推进会" → "解放区推进会", "…会议召开" → "…会议". */
function meetingName(title: string): string {
  return title.replace(/(召开|举行|举办)$/, "").replace(/(召开|举行)(?=.*会)/, "");
}

/**
 * Candidate example questions built from the stored articles (newest days
 * first, one per article), so the examples always match what the bot knows:
 * "谁出席了<会议>？" for meetings, "《标题》是哪天的事？" otherwise,
 * alternating the two kinds.
 */
export function exampleQuestions(articles: Article[], n = 3): string[] {
  const sorted = [...articles]
    .filter((a) => a.title.length >= 4 && a.title.length <= MAX_TITLE)
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  const meetings = sorted
    .filter((a) => /会议?(召开|举行)?$/.test(a.title))
    .map((a) => `谁出席了${meetingName(a.title)}？`);
  const others = sorted.filter((a) => !/会议?(召开|举行)?$/.test(a.title)).map((a) => `《${a.title}》是哪天的事？`);
  const out: string[] = [];
  for (let i = 0; out.length < n && (i < meetings.length || i < others.length); i++) {
    for (const q of [meetings[i], others[i]]) if (q && out.length < n) out.push(q);
  }
  return out;
}

/**
 * The examples `/start` shows: candidates from `exampleQuestions`, kept only
 * when the answerer really answers them (so a newcomer's first tap works),
 * computed once per store size and cached.
 */
export function verifiedExamples(deps: Pick<BotDeps, "answerer" | "store">, n = 3): () => Promise<string[]> {
  let cache: { count: number; examples: string[] } | undefined;
  return async () => {
    const count = deps.store.count();
    if (cache?.count === count) return cache.examples;
    const candidates = exampleQuestions(deps.store.list({}), n * 4);
    const examples: string[] = [];
    for (const q of candidates) {
      if (examples.length >= n) break;
      const answer = await deps.answerer.ask(q).catch(() => undefined);
      if (answer?.found) examples.push(q);
    }
    cache = { count, examples };
    return examples;
  };
}
