import { pinyin } from "pinyin-pro";

/**
 * English questions about the Chinese news: the main kinds (who attended /
 * chaired / spoke, when, where, who holds a post, how many) with pinyin
 * place names are translated into the Chinese question the answerer reads;
 * the answer keeps its Chinese facts inside an English frame.
 */

/** Whether `text` is an English question (Latin letters, no Chinese). */
export function isEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && (text.match(/[A-Za-z]/g)?.length ?? 0) >= 4;
}

/**
 * English words of events and offices, longest first, and their Chinese as
 * printed in district news. Data, not code: a new kind of meeting is a new row.
 */
const GLOSSARY: [RegExp, string][] = [
  [/people'?s congress standing committee|standing committee of the people'?s congress/, "人大常委会"],
  [/standing committee meeting|standing committee/, "常委会"],
  [/people'?s congress/, "人民代表大会"],
  [/cppcc|political consultative conference/, "政协"],
  [/theory study (?:group|session|meeting)|theoretical study/, "理论学习"],
  [/air pollution(?: prevention)?(?: and control)?/, "大气污染防治"],
  [/civili[sz]ed city/, "文明城市"],
  [/mobili[sz]ation(?: and deployment)?(?: meeting)?/, "动员部署会"],
  [/deployment meeting/, "部署会"],
  [/(?:promotion|progress|advancement) meeting/, "推进会"],
  [/work meeting/, "工作会议"],
  [/leading cadres? meeting|cadre meeting/, "领导干部会议"],
  [/epidemic(?: prevention)?(?: and control)?|covid(?:-19)?/, "疫情防控"],
  [/fire (?:prevention|safety)|fire/, "火灾防控"],
  [/work safety|production safety|safety/, "安全生产"],
  [/project/, "项目"],
  [/ecolog(?:y|ical)(?: protection)?/, "生态保护"],
  [/rural roads?/, "农村路"],
  [/special bonds?/, "专项债券"],
  [/congress|session/, "会议"],
  [/meeting|conference/, "会"],
];

/** English office names and the Chinese post, where `X` is the district's own suffix (区/市/县). */
const POSTS: [RegExp, (suffix: string) => string][] = [
  [
    /(?:people'?s congress|npc) (?:standing committee )?(?:director|chairman|chair|head)|(?:director|chairman|chair|head) of the (?:people'?s congress|npc)(?: standing committee)?/,
    () => "人大常委会主任",
  ],
  [/cppcc (?:chairman|chair)|(?:chairman|chair) of the cppcc/, () => "政协主席"],
  [/deputy party secretary/, (x) => `${x}委副书记`],
  [/party secretary|party chief|secretary/, (x) => `${x}委书记`],
  [/deputy (?:district|county) (?:head|chief|mayor)|deputy mayor|vice mayor/, (x) => `副${x}长`],
  [/(?:district|county|city) (?:head|chief|mayor)|mayor|magistrate/, (x) => `${x}长`],
];

/** A district and its pinyin spellings ("mengzhou", "mengzhoushi", "mengzhou city"). */
interface PinyinPlace {
  district: string;
  keys: string[];
}

const SUFFIX_WORDS: Record<string, string[]> = {
  区: ["district"],
  市: ["city", "county-level city"],
  县: ["county"],
  旗: ["banner"],
};

/** The pinyin keys of the known districts (pinyin-pro, tones dropped), longest first. */
export function pinyinPlaces(districts: readonly string[]): PinyinPlace[] {
  return districts
    .filter(Boolean)
    .map((district) => {
      const suffix = /[区市县旗]$/.test(district) ? district.slice(-1) : "";
      const core = suffix ? district.slice(0, -1) : district;
      const base = pinyin(core, { toneType: "none", type: "array", v: true }).join("");
      const full = pinyin(district, { toneType: "none", type: "array", v: true }).join("");
      const keys = [full, ...(SUFFIX_WORDS[suffix] ?? []).map((w) => `${base} ${w}`), base];
      return { district, keys };
    })
    .sort((a, b) => (b.keys[0]?.length ?? 0) - (a.keys[0]?.length ?? 0));
}

/** The Chinese reading of an English question, or why there is none. */
export type EnglishReading = { ok: true; question: string; kind: string } | { ok: false; hint: string };

/** The short bilingual hint given to English the bot cannot read. */
export const ENGLISH_HINT =
  "I answer questions about the district news, mostly in Chinese. In English I understand who attended, chaired or spoke at a meeting, when and where it was held, and who holds a post, with pinyin place names, e.g. “Who attended the Mengzhou standing committee meeting?”\n请用中文提问，例如：谁出席了孟州市委常委会？";

/** The district named in pinyin in `text` (lower case, spaces kept), and `text` without it. */
function placeIn(text: string, places: PinyinPlace[]): { district?: string; rest: string } {
  const squeezed = (s: string) =>
    s
      .replace(/[^a-z ]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const t = squeezed(text);
  for (const p of places) {
    for (const key of p.keys) {
      // "meng zhou", "mengzhou", "Mengzhou City": spaces inside the pinyin are optional.
      const pattern = new RegExp(
        `\\b${key
          .split("")
          .map((c) => (c === " " ? "\\s+" : `${c}\\s?`))
          .join("")}\\b`,
      );
      const m = pattern.exec(t);
      if (m) return { district: p.district, rest: `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}` };
    }
  }
  return { rest: t };
}

/** The Chinese event words of an English phrase, in the order printed ("standing committee meeting" → 常委会). */
function eventWords(phrase: string): string[] {
  let rest = ` ${phrase} `;
  const found: { at: number; zh: string }[] = [];
  for (const [re, zh] of GLOSSARY) {
    const m = new RegExp(`\\b(?:${re.source})\\b`).exec(rest);
    if (!m) continue;
    if (zh === "会" && found.some((f) => /会议?$/.test(f.zh))) continue;
    found.push({ at: m.index, zh });
    rest = `${rest.slice(0, m.index)}${" ".repeat(m[0].length)}${rest.slice(m.index + m[0].length)}`;
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.zh);
}

/** The event an English question names, in Chinese: the district and the event words ("孟州市常委会"). */
function eventOf(phrase: string, places: PinyinPlace[]): { zh: string; district?: string } | undefined {
  const { district, rest } = placeIn(phrase, places);
  const words = eventWords(rest);
  if (words.length === 0) return undefined;
  return { zh: `${district ?? ""}${words.join("")}`, district };
}

/**
 * Reads an English question as the Chinese question it asks: "Who attended
 * the Mengzhou standing committee meeting?" → "谁出席了孟州市常委会？", "When
 * was the Jiefang air pollution meeting held?" → "解放区大气污染防治会是什么时候
 * 召开的？", "Who is the party secretary of Weidong District?" → "卫东区委书记
 * 是谁？". Place names are matched by pinyin against `districts`. Anything
 * else gets the bilingual hint.
 */
export function readEnglish(question: string, districts: readonly string[]): EnglishReading {
  const q = question
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[?.!]+$/, "");
  const places = pinyinPlaces(districts);
  const rule = (re: RegExp, build: (event: string) => string, kind: string): EnglishReading | undefined => {
    const m = re.exec(q);
    if (!m?.[1]) return undefined;
    const ev = eventOf(m[1], places);
    return ev ? { ok: true, question: build(ev.zh), kind } : undefined;
  };
  const reading =
    rule(
      /^who (?:attended|was at|were at|took part in|participated in|joined|was present at)(?: the)? (.+)$/,
      (e) => `谁出席了${e}？`,
      "attend",
    ) ??
    rule(/^who (?:chaired|presided over|hosted|convened|ran)(?: the)? (.+)$/, (e) => `${e}由谁主持？`, "preside") ??
    rule(
      /^who (?:spoke|gave a speech|made a speech|delivered a speech) (?:at|in|to)(?: the)? (.+)$/,
      (e) => `谁在${e}上讲话？`,
      "speak",
    ) ??
    rule(
      /^when (?:was|were|did|is)(?: the)? (.+?)(?: (?:held|convened|take place|took place|happen|open|opened|start))?$/,
      (e) => `${e}是什么时候召开的？`,
      "when",
    ) ??
    rule(
      /^where (?:was|were|did|is)(?: the)? (.+?)(?: (?:held|convened|take place|took place|happen))?$/,
      (e) => `${e}在哪里召开？`,
      "where",
    ) ??
    rule(
      /^how many (?:people )?(?:attended|took part in|were at)(?: the)? (.+)$/,
      (e) => `${e}有多少人参加？`,
      "howmany",
    );
  if (reading) return reading;
  // "Who is the party secretary of Weidong District?"
  const post =
    /^who (?:is|was) the (.+?)(?: of| in) (.+)$/.exec(q) ??
    /^who (?:is|was) (.+?) (?:party secretary|mayor|head)$/.exec(q);
  if (post?.[1] && post[2]) {
    const { district } = placeIn(post[2], places);
    const office = POSTS.find(([re]) => re.test(post[1] ?? ""));
    if (district && office) {
      const suffix = district.slice(-1);
      const zh = office[1](suffix);
      // "区委书记" joins the district's stem (卫东区委书记); "区长" and "人大常委会主任" follow the full name.
      const asked = zh.startsWith(`${suffix}委`) ? `${district.slice(0, -1)}${zh}` : `${district}${zh}`;
      return { ok: true, question: `${asked}是谁？`, kind: "who_post" };
    }
  }
  return { ok: false, hint: ENGLISH_HINT };
}

/** The English frame of a Chinese answer: what was understood, then the answer from the news. */
export function englishFrame(zhQuestion: string, zhAnswer: string, found: boolean): string {
  return found
    ? `Understood as: ${zhQuestion}\nFrom the news (in Chinese): ${zhAnswer}`
    : `Understood as: ${zhQuestion}\nThe news does not say. ${zhAnswer}`;
}
