import { createRequire } from "node:module";

/**
 * Place names from the national division codes (GB/T 2260, via the
 * `china-area-data` package, 2019 edition): county-level units (区/县/县级市/旗)
 * are what an article's `district` is; prefecture and province names only
 * tell that a headline names a place.
 */
interface Gazetteer {
  county: Set<string>;
  other: Set<string>;
}

/** County names that are also everyday words ("城区", "郊区"): never matched. */
const AMBIGUOUS = new Set(["市辖区", "东区", "西区", "南区", "北区", "中区", "城区", "矿区", "郊区"]);
const SUFFIXES = new Set(["区", "县", "市", "旗", "州", "省", "盟"]);

let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (cached) return cached;
  const data = createRequire(import.meta.url)("china-area-data/data.json") as Record<string, Record<string, string>>;
  const county = new Set<string>();
  const other = new Set<string>();
  for (const [provinceCode, provinceName] of Object.entries(data["86"] ?? {})) {
    other.add(provinceName);
    for (const [cityCode, cityName] of Object.entries(data[provinceCode] ?? {})) {
      if (!AMBIGUOUS.has(cityName) && /[市州盟区]$/.test(cityName)) other.add(cityName);
      for (const name of Object.values(data[cityCode] ?? {})) {
        if (!AMBIGUOUS.has(name) && /[区县市旗]$/.test(name)) county.add(name);
      }
    }
  }
  cached = { county, other };
  return cached;
}

/** One place name found in a text. */
export interface PlaceMatch {
  name: string;
  index: number;
  county: boolean;
}

/**
 * Every place name in `text`, longest match at each position. A
 * one-character name ("叶县", "滑县") counts only after a non-Chinese
 * character or after 市/省/州, so "区和县" is not 和县.
 */
export function findPlaces(text: string): PlaceMatch[] {
  const g = gazetteer();
  const out: PlaceMatch[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!SUFFIXES.has(text[i] as string)) continue;
    for (let len = Math.min(8, i + 1); len >= 2; len--) {
      const name = text.slice(i - len + 1, i + 1);
      const county = g.county.has(name);
      if (!county && !g.other.has(name)) continue;
      if (len === 2) {
        const before = text[i - 2];
        if (before !== undefined && /[\u4e00-\u9fff]/.test(before) && !/[市省州]/.test(before)) continue;
      }
      out.push({ name, index: i - len + 1, county });
      break;
    }
  }
  return out;
}

/** Whether `text` names a place (county, prefecture or province): a headline with an actor. */
export function namesPlace(text: string): boolean {
  return findPlaces(text).length > 0;
}

/**
 * The districts (county-level units) an article is about: the first one its
 * title names, else the one its text names most often (ties: the first);
 * then every other one named, in order of first mention.
 */
export function articleDistricts(title: string, text: string): string[] {
  const inTitle = findPlaces(title).filter((m) => m.county);
  const inText = findPlaces(text).filter((m) => m.county);
  const counts = new Map<string, number>();
  for (const m of inText) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  let main = inTitle[0]?.name;
  if (!main) {
    let best = 0;
    for (const m of inText) {
      const c = counts.get(m.name) ?? 0;
      if (c > best) {
        best = c;
        main = m.name;
      }
    }
  }
  if (!main) return [];
  const all = [main];
  for (const m of [...inTitle, ...inText]) if (!all.includes(m.name)) all.push(m.name);
  return all;
}

/**
 * The page's own district: the main district of more than half of the
 * page's articles that name one, or null. Articles naming no district
 * (a street's news on a district paper) fall back to it.
 */
export function pageDistrict(mains: (string | null)[]): string | null {
  const named = mains.filter((m): m is string => m !== null);
  const counts = new Map<string, number>();
  for (const m of named) counts.set(m, (counts.get(m) ?? 0) + 1);
  for (const [name, c] of counts) if (c * 2 > named.length) return name;
  return null;
}
