import { normalizeQuery } from "../core/normalize.js";
import { yearsIn } from "../core/zh/dates.js";
import { districtForms, districtIn } from "../core/zh/districts.js";
import { ordinalsIn } from "../core/zh/numbers.js";
import { collapseParticles } from "../core/zh/roles.js";
import { findPlaces } from "../ingest/district.js";
import { cutWords } from "./units.js";

/**
 * The analysis of one question: what every question kind reads (the normalized text, the content
 * words, the district and years named, the words framing the ask), plus what the kind that
 * claimed the question found (`kind`, `roles`, `target`, `verb`).
 */
export interface QuestionAnalysis {
  /** Normalized question (simplified Chinese, half width). */
  text: string;
  /** The question kind that claimed it: a name in the registry (`src/answer/kinds/index.ts`). */
  kind: string;
  /** Fact roles that answer it (for role kinds), e.g. ["出席", "参加"]. */
  roles: string[];
  /** District named in the question ("卫东区"), when any. */
  district?: string;
  /** who_post: the post asked about ("人大常委会主任"); post_of: the person's name; yesno: the name asked about. */
  target?: string;
  /** who_did: the action asked about ("督导"); role kinds: the role word as asked ("主持", "带领"). */
  verb?: string;
  /** Content of the question with question words removed, for matching. */
  content: string;
  /**
   * Which/where questions: the words that frame the ask next to the question word ("依托哪些优势" →
   * 依托, 优势; "在哪个社区召开" → 社区, 召开). The clause that answers carries them.
   */
  focus: string[];
  /** "提出了哪些要求", "对哪些工作作了部署", "强调了什么": the points a meeting or a leader set out are asked for. */
  points: boolean;
  /** The generic category a which-question asks for ("学校" in "哪几所学校"), left out of `content`. */
  category?: string;
  /**
   * The noun a which-question asks instances of when it is no generic category ("项目" in "签约了哪些项目",
   * "文件" in "审议通过了哪些文件"): a sentence listing several (…项目、…项目; 《…》《…》) answers best.
   */
  listed?: string;
  /** Years the question names ("2020年…"): an answer about another printed year is no answer. */
  years: string[];
  /** Ordinals and session numbers the question names, by value ("55次", "13届", "2次"): the article must print them. */
  ordinals: string[];
  /** Place names the question names that are no known district ("沛县", "平顶山"), from jieba's ns tags and 县/区/市 forms. */
  places: string[];
}

/** What question reading gives before a kind claims the question. */
export type QuestionBase = Omit<QuestionAnalysis, "kind" | "roles" | "target" | "verb">;

/** Question words that ask who. */
export const ASKS_WHO =
  /谁|哪些人|哪几位|哪位|什么人|哪些(?:单位|部门|乡镇|镇街|企业|商会)|哪几个(?:单位|部门|乡镇)|哪些[\u4e00-\u9fff]{0,8}?(?:领导|同志|干部|委员|代表|常委|负责人|主席|主任|书记|县长|区长|市长|镇长)|(?:领导|同志|干部|负责人)(?:都)?(?:有|是)(?:哪些|哪几位)/;
/** Question words that ask how many or how much. */
export const ASKS_HOWMANY =
  /多少|几[个名位家项次人天年条所种场批辆吨万亿千百件户处]|几$|多长|多久|多大|多高|多远|多重|百分之几|比例|增长了?多|几成/;
/** Question words that ask which or what. */
export const ASKS_WHICH = /哪些|哪几|哪个|哪项|哪家|什么|啥|怎样|如何|怎么/;

/** Question words and fillers removed from `content`. */
const FILLERS =
  /请问|请|告诉我|一下|有没有|是不是|是否|(?:超过|多于|高于|大于|不到|少于|低于|小于|达到|不少于|不低于)[0-9.一二两三四五六七八九十百千万亿]+[个名位家项次人天]?|几月几[日号]|几号|几点|哪年|哪一年|哪个月|几[个名位家项次人天年条所种场批辆吨件户处]|是谁|谁是|有谁|都有谁|是哪[两几]?天|哪一天|哪[两几]?天|什么时候|何时|什么时间|在哪里|在哪儿|在哪|哪里|何地|多少|多长时间|多长|多久|哪些|哪几位|哪几个|哪位|哪个|什么|谁|了吗|吗|呢|呀|吧|啊|的|了|？|\?|！|!|。|，|,|“|”|"|\s/g;

/**
 * Generic category nouns a which-question asks for ("哪几所学校", "哪些地方", "哪些单位"): the answer
 * names instances (建设路小学), so they are the ask, not content the news must print.
 */
export const CATEGORY_NOUNS = /^(?:学校|地方|单位|部门|人|人员|企业|机构|场所|地点|处所|乡镇)$/;

/**
 * How the news prints instances of a category in a list: 建设路小学、 is a 学校, 区消防救援大队、 a 单位.
 * A which-question about a category is answered only by a sentence naming at least one.
 */
export const CATEGORY_INSTANCE: Record<string, RegExp> = {
  学校: /(?:小学|中学|大学|学院|学校|幼儿园|师专|职高|技校)(?=[、，,。；;及和与等]|$)/g,
  单位: /(?:局|大队|支队|中队|部|站|院|委员会|办公室|中心|公司|所|厂|街道|社区)(?=[、，,。；;及和与等]|$)/g,
  部门: /(?:局|部|委|办|中心|大队)(?=[、，,。；;及和与等]|$)/g,
  机构: /(?:局|部|委|办|中心|院|所|站)(?=[、，,。；;及和与等]|$)/g,
  企业: /(?:公司|集团|厂|企业)(?=[、，,。；;及和与等]|$)/g,
  地方: /(?:路|街|村|镇|乡|社区|小区|园|现场|工地|局|大队|站|医院|学校|中心)(?=[、，,。；;及和与等]|$)/g,
  地点: /(?:路|街|村|镇|乡|社区|小区|园|现场|工地)(?=[、，,。；;及和与等]|$)/g,
  乡镇: /(?:镇|乡|街道|办事处)(?=[、，,。；;及和与等]|$|党委|政府)/g,
  场所: /(?:场|馆|院|中心|市场|商场|超市)(?=[、，,。；;及和与等]|$)/g,
};

/** Nouns of documents: a list of them is printed as titles in book marks (《…》《…》). */
export const DOCUMENT_NOUNS =
  /(?:文件|方案|意见|办法|规定|决定|报告|规划|条例|通知|制度|措施|细则|纲要|计划|草案|议题|议案|决议|实施意见|文件精神)$/;

/** Framing words of a question about the points set out ("提出了哪些要求"): the ask, not content. */
export const POINTS_ASK =
  /(?:提出|强调|要求|部署|安排|指出|明确)(?:了|过)?(?:哪些|哪几[项点条个]?|什么|啥)|(?:哪些|哪几[项点条个]?|什么)(?:要求|部署|措施|举措|任务|重点)|对(?:哪些|哪几[项个]?|什么)(?:工作|方面|事项)?(?:作|做|进行)?(?:了)?(?:部署|安排|强调|要求)/;
const POINTS_FRAME = /提出|强调|要求|部署|安排|指出|明确|措施|举措|任务|重点|方面/g;

/** A question word of a which/where question ("哪些", "哪几所", "哪个", "什么"). */
const WH_WORD = /^(?:哪.*|什么|啥)$/;
/** Particles and prepositions skipped when reading the words around a question word. */
const FOCUS_SKIP = /^(?:了|过|着|的|在|对|作|做|到|去|是|有|把|被|给|向|从|为)$/;

/**
 * Reads what every kind needs of a question: the normalized text, its content words (question words
 * and fillers removed), the district (the longest of `districts` it names), the years, ordinals and
 * other place names it names, and the words framing the ask. Pure.
 */
export function readQuestion(question: string, districts: readonly string[] = []): QuestionBase {
  const text = collapseParticles(normalizeQuery(question));
  const points = POINTS_ASK.test(text) && !ASKS_WHO.test(text);
  const { focus, category, listed } = askFrame(text);
  let asked = points ? text.replace(POINTS_ASK, " ").replace(POINTS_FRAME, " ") : text;
  if (category) asked = asked.replace(new RegExp(`(哪[^${category[0]}]{0,2}|什么)${category}`, "g"), " ");
  const content = asked.replace(FILLERS, " ").replace(/\s+/g, " ").trim();
  const district = districtIn(text, districts.filter(Boolean));
  // Counties the question names, known to the store or not ("沛县", "平顶山新华区"): an article that names
  // no county of its own may be the one asked about; one of another county is not.
  const places = [
    ...new Set([
      ...(district ? districtForms(district).filter((f) => text.includes(f)) : []),
      ...findPlaces(text)
        .filter((p) => p.county)
        .map((p) => p.name),
    ]),
  ];
  return {
    text,
    content,
    district: district || undefined,
    focus,
    points,
    years: yearsIn(text),
    category,
    listed,
    ordinals: ordinalsIn(text),
    places,
  };
}

/**
 * The words around the question word of a which/where question: the verb before it and the noun and
 * verb after it ("依托哪些优势走…" → 依托, 优势; "在哪个社区召开的" → 社区, 召开), and the noun when it is a
 * generic category ("哪几所学校" → 学校).
 */
function askFrame(text: string): { focus: string[]; category?: string; listed?: string } {
  const words = cutWords(text);
  const at = words.findIndex((w) => WH_WORD.test(w));
  if (at < 0) return { focus: [] };
  const focus: string[] = [];
  const before = words.slice(Math.max(0, at - 2), at).filter((w) => !FOCUS_SKIP.test(w));
  const prev = before[before.length - 1];
  if (prev && prev.length >= 2) focus.push(prev);
  let category: string | undefined;
  let listed: string | undefined;
  // "哪/几所/学校": the measure word may be cut on its own.
  let i = at + 1;
  if (/^几.?$|^[个所位家项条些]$/.test(words[i] ?? "")) i++;
  // "哪些项目" may be cut as one word: its noun is what follows the question word.
  const joined = words[at]?.match(/^(?:哪些|哪几[个所位项家条种类批]?|哪[个项家条]|什么)([\u4e00-\u9fff]{2,})$/)?.[1];
  if (joined) i = at;
  const noun = joined ?? words[i];
  if (noun && noun.length >= 1 && /^[\u4e00-\u9fff]+$/.test(noun) && !FOCUS_SKIP.test(noun)) {
    // A category cut apart from its question word only ("哪几所/学校"): joined ("哪些地方") it is the visit ask.
    if (CATEGORY_NOUNS.test(noun)) category = joined ? undefined : noun;
    else if (noun.length >= 2) {
      focus.push(noun);
      listed = noun;
    }
  }
  for (const w of words.slice(i + 1, i + 4)) {
    if (FOCUS_SKIP.test(w)) continue;
    if (w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w)) focus.push(w);
    break;
  }
  return { focus, category, listed };
}
