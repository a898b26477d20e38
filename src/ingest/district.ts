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
  /** Short forms of ethnic districts and counties ("管城区" → "管城回族区"). */
  alias: Map<string, string>;
  /** Counties by their name without 区/县/市/旗 ("鹿邑" → 鹿邑县), when only one county has it. */
  short: Map<string, string>;
  /** The prefecture cities of each county name (a name can exist in several). */
  city: Map<string, Set<string>>;
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
  const alias = new Map<string, string>();
  const city = new Map<string, Set<string>>();
  for (const [provinceCode, provinceName] of Object.entries(data["86"] ?? {})) {
    other.add(provinceName);
    for (const [cityCode, cityName] of Object.entries(data[provinceCode] ?? {})) {
      if (!AMBIGUOUS.has(cityName) && /[市州盟区]$/.test(cityName)) other.add(cityName);
      for (const name of Object.values(data[cityCode] ?? {})) {
        if (AMBIGUOUS.has(name) || !/[区县市旗]$/.test(name)) continue;
        county.add(name);
        city.set(name, (city.get(name) ?? new Set()).add(cityCode));
        const short = name.replace(/^([\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+(?:自治)?([区县旗])$/, "$1$2");
        if (short !== name && short.length >= 3) alias.set(short, name);
      }
    }
  }
  for (const [short] of alias) if (county.has(short)) alias.delete(short);
  const shortCount = new Map<string, string[]>();
  for (const name of county) {
    const short = name.slice(0, -1);
    if (short.length < 2) continue;
    shortCount.set(short, [...(shortCount.get(short) ?? []), name]);
  }
  const short = new Map<string, string>();
  for (const [s, names] of shortCount) if (names.length === 1 && !other.has(`${s}市`)) short.set(s, names[0] as string);
  cached = { county, other, alias, city, short };
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
      const printed = text.slice(i - len + 1, i + 1);
      const name = g.alias.get(printed) ?? printed;
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
 * A county name as a user may type it ("台前县", "台前", "管城区") → the
 * official county-level name, or null when it is none.
 */
export function canonicalDistrict(name: string): string | null {
  const g = gazetteer();
  const n = name.trim();
  if (g.county.has(n) && !AMBIGUOUS.has(n)) return n;
  return g.alias.get(n) ?? g.short.get(n) ?? null;
}

/** What follows a county's short name in a site's name ("云上通城讯", "今日竹山网"): enough alone. */
const SHORT_SOURCE = /^(?:网|讯|融媒|新闻|日报|示范区)/;
/** What follows a short name that speaks of the place ("老城实际", "鹿邑高质量发展")… */
const SHORT_PLACE = /^(?:实际|高质量|人民|大地|全域|生态|投资)/;
/** …after one of these words or no Chinese character ("立足老城实际", "，竹山生态环境优美"). */
const SHORT_BEFORE =
  /(?:^|[^\u4e00-\u9fff]|立足|结合|推动|助力|支撑|助推|促进|服务|来|在|为|到|赴|让|把|是|与|和|将|全)$/;

/**
 * The county a text names by its short name only ("结合汝州实际" → 汝州市,
 * a dateline "云上通城讯" → 通城县): the short name must belong to one county
 * alone, and be part of a site's name or followed by words that speak of
 * a place after a verb or punctuation. The first such one, or null.
 */
export function shortNameDistrict(text: string): string | null {
  const g = gazetteer();
  for (let i = 0; i < text.length; i++) {
    for (const len of [4, 3, 2]) {
      const s = text.slice(i, i + len);
      const name = g.short.get(s);
      if (!name) continue;
      const after = text.slice(i + len, i + len + 4);
      if (SHORT_SOURCE.test(after) || (SHORT_PLACE.test(after) && SHORT_BEFORE.test(text.slice(Math.max(0, i - 2), i))))
        return name;
    }
  }
  return null;
}

/**
 * The prefecture city (its division code) of a county name, or undefined
 * when the name is unknown or exists in more than one city.
 */
export function cityOf(county: string): string | undefined {
  const g = gazetteer();
  const cs = g.city.get(g.alias.get(county) ?? county);
  return cs && cs.size === 1 ? [...cs][0] : undefined;
}

/**
 * The districts (county-level units) an article is about, main one first.
 * The main one: the one the title names (when it names several, the one the
 * text names most: "泌阳县…一行到新蔡县观摩调研" is about 新蔡县 when the text
 * speaks of 新蔡县); else the first one the lead (first paragraph) names,
 * the article's subject, however often the text names others later; else the
 * one the text names most (ties: the first). Then every other one named, in
 * order of first mention.
 */
export function articleDistricts(title: string, text: string): string[] {
  const inTitle = findPlaces(title).filter((m) => m.county);
  const inText = findPlaces(text).filter((m) => m.county);
  const lead = text.split("\n")[0] ?? "";
  const inLead = inText.filter((m) => m.index < lead.length);
  const counts = new Map<string, number>();
  for (const m of inText) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const mostNamed = (among: PlaceMatch[]): string | undefined => {
    let main: string | undefined;
    for (const m of among) if (main === undefined || (counts.get(m.name) ?? 0) > (counts.get(main) ?? 0)) main = m.name;
    return main;
  };
  const titleNames = [...new Set(inTitle.map((m) => m.name))];
  let main: string | undefined;
  if (titleNames.length === 1) main = titleNames[0];
  else if (titleNames.length > 1) main = mostNamed(inTitle);
  else main = inLead[0]?.name ?? mostNamed(inText);
  if (!main) return [];
  const all = [main];
  for (const m of [...inTitle, ...inText]) if (!all.includes(m.name)) all.push(m.name);
  return all;
}

/**
 * The page's own district, lent to its articles that name none: the one
 * district every article naming one agrees on, when at least two do (a
 * county paper's page); null when they disagree (a page gathering several
 * papers' news) or fewer than two name one.
 */
export function pageDistrict(mains: (string | null)[]): string | null {
  const named = mains.filter((m): m is string => m !== null);
  const distinct = new Set(named);
  return named.length >= 2 && distinct.size === 1 ? (named[0] as string) : null;
}
