import { findMentions } from "../facts/extract.js";

/** Numbers as stated in Chinese news text: digits (348.5, 8%) and Chinese numerals with a unit (两小时, 六名). */
const NUMBER_RE =
  /\d+(?:\.\d+)?%?|(?<![\d.一二两三四五六七八九十百千万亿半])[一二两三四五六七八九十百千万亿半]+(?=[个名位家项次人天年条所种场批辆吨公里米元小时分钟周月届期余多])/g;

/** The numbers stated in `text` (digits and Chinese numerals with a unit), [n] markers excluded. */
export function numbersIn(text: string): string[] {
  const clean = text.replace(/\[\d+\]/g, "");
  return [...clean.matchAll(NUMBER_RE)].map((m) => m[0]);
}

/**
 * The person names stated in `text`: names printed after a post or in a
 * list (recognized by the same rules as fact extraction), and any of the
 * `known` names (every person of the candidate articles) found in it.
 */
export function namesIn(text: string, known: Iterable<string> = []): string[] {
  const names = new Set(findMentions(text).map((m) => m.name));
  for (const k of known) if (text.includes(k)) names.add(k);
  return [...names];
}

/** Why a claim was dropped by the guard. */
export interface GuardFailure {
  claim: string;
  missing: string[];
}

/**
 * The guard every answer passes: a claim may state a person name or a
 * number only when it occurs in one of its cited quotes. Returns what is
 * missing (empty when the claim is supported). Numbers are compared as
 * printed, so "8吨" needs "8" in the quote and "两小时" needs "两".
 */
export function unsupported(claim: string, quotes: string[], known: Iterable<string> = []): string[] {
  const all = quotes.join("\n");
  const missing: string[] = [];
  for (const n of namesIn(claim, known)) if (!all.includes(n)) missing.push(n);
  for (const n of numbersIn(claim)) if (!all.includes(n)) missing.push(n);
  return missing;
}
