import { injectedContent } from "./injected.js";
import { unsupportedNames } from "./names.js";
import { unsupportedNumbers } from "./numbers.js";

/**
 * The guard every answer and every digest summary passes: a claim may state
 * a person name or a number only when its cited quotes state it, and may
 * carry no link, e-mail address, phone number or instruction to the reader
 * that the quotes do not. Numbers are compared by value in any script
 * (三百名 ≠ 二百名, ３５０ = 350); names are found by the facts rules, bare
 * surname + given name, jieba's person tags and the `known` names of the
 * candidate articles. Returns what is missing: empty when the claim is
 * supported. `[n]` markers are not numbers.
 */
export function unsupported(claim: string, quotes: string[], known: Iterable<string> = []): string[] {
  const quote = quotes.join("\n");
  const text = claim.replace(/\[\d+\]/g, "");
  return [...unsupportedNames(text, quote, known), ...unsupportedNumbers(text, quote), ...injectedContent(text, quote)];
}
