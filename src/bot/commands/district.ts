/**
 * Resolves what a user typed as a district against the known districts:
 * an exact name, or a unique known name it is the start of ("陕州" →
 * "陕州区"). Returns undefined when nothing matches.
 */
export function resolveDistrict(token: string, known: string[]): string | undefined {
  const t = token.trim();
  if (!t) return undefined;
  if (known.includes(t)) return t;
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
