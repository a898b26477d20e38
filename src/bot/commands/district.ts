import { resolveDistrict as resolveKnownDistrict } from "../../digest/build.js";

/**
 * Resolves what a user typed as a district against the known districts:
 * what the digest layer accepts (exact, without suffix "孟州" → "孟州市",
 * traditional characters), else a unique known name it is the start of.
 * Returns undefined when nothing matches.
 */
export function resolveDistrict(token: string, known: string[]): string | undefined {
  const t = token.trim();
  if (!t) return undefined;
  const resolved = resolveKnownDistrict(t, known);
  if (resolved) return resolved;
  const prefixed = known.filter((d) => d.startsWith(t) && t.length >= 2);
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Whether a token looks like a district name (ends in 区/县/市/旗), known or not. */
export function looksLikeDistrict(token: string): boolean {
  return /^[\u4e00-\u9fff]{1,10}(区|县|市|旗)$/.test(token);
}

/** "陕州区、解放区、…" for messages that list the known districts. */
export function listDistricts(known: string[]): string {
  return known.length ? known.join("、") : "（暂无）";
}
