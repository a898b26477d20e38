import { normalizeQuery } from "../core/normalize.js";
import { surnameAt } from "../core/zh/surnames.js";
import { cutWords } from "./units.js";

/** What a question asks for. */
export type Intent =
  | "attend"
  | "preside"
  | "accompany"
  | "speak"
  | "elected"
  | "who_post"
  | "post_of"
  | "who_did"
  | "when"
  | "where"
  | "howmany"
  | "which"
  | "generic";

/** The analysis of one question. */
export interface QuestionAnalysis {
  /** Normalized question (simplified Chinese, half width). */
  text: string;
  intent: Intent;
  /** Fact roles that answer it (for role intents), e.g. ["出席", "参加"]. */
  roles: string[];
  /** District named in the question ("卫东区"), when any. */
  district?: string;
  /** who_post: the post asked about ("人大常委会主任"); post_of: the person's name. */
  target?: string;
  /** who_did: the action asked about ("督导"); role intents: the role word as asked ("主持", "带领"). */
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
  /** Years the question names ("2020年…"): an answer about another printed year is no answer. */
  years: string[];
}

const ROLE_WORDS: { re: RegExp; intent: Intent; roles: string[] }[] = [
  { re: /主持/, intent: "preside", roles: ["主持"] },
  { re: /列席/, intent: "accompany", roles: ["列席"] },
  { re: /陪同|一同|一起|随同/, intent: "accompany", roles: ["陪同", "一同"] },
  { re: /带队|带领|率队/, intent: "accompany", roles: ["带队"] },
  { re: /出席|参加|参会|与会|到会|到场/, intent: "attend", roles: ["出席", "参加", "列席"] },
  { re: /讲话|致辞|发言|强调|指出|(?<!工)作(?:了)?报告/, intent: "speak", roles: ["讲话", "发言"] },
  { re: /当选|补选|选举|选出/, intent: "elected", roles: ["当选", "补选"] },
];

const ASKS_WHO = /谁|哪些人|哪几位|哪位|哪些领导|哪些市领导|哪些区领导|什么人|哪些单位|哪些部门|哪几个单位/;
const ASKS_WHEN = /哪天|哪一天|什么时候|何时|什么时间|哪年|哪一年|几月几[日号]|几号|哪个月|日期|时间是/;
const ASKS_WHERE = /在哪里|在哪儿|在哪|哪里|何地|何处|什么地方|哪些地方|到哪些|去了哪些|地点|在什么地/;
const ASKS_HOWMANY =
  /多少|几[个名位家项次人天年条所种场批辆吨万亿千百件户处]|几$|多长|多久|多大|多高|多远|多重|百分之几|比例|增长了?多|几成/;
const ASKS_WHICH = /哪些|哪几|哪个|哪项|哪家|什么|啥|怎样|如何|怎么/;

/** Question words and fillers removed from `content`. */
const FILLERS =
  /请问|请|告诉我|一下|几月几[日号]|几号|几点|哪年|哪一年|哪个月|几[个名位家项次人天年条所种场批辆吨件户处]|是谁|谁是|有谁|都有谁|是哪天|哪一天|哪天|什么时候|何时|什么时间|在哪里|在哪儿|在哪|哪里|何地|多少|多长时间|多长|多久|哪些|哪几位|哪几个|哪位|哪个|什么|谁|了吗|吗|呢|呀|吧|啊|的|了|？|\?|！|!|。|，|,|“|”|"|\s/g;

/**
 * Aspect particles inside a role verb ("讲了话", "发了言", "致过辞", "带了队"): the verb as it is printed
 * in the news, so the role is still recognized.
 */
function collapseParticles(text: string): string {
  return text.replace(/([讲发致带率])(?:了|过)(话|言|辞|队)/g, "$1$2");
}

/**
 * Generic category nouns a which-question asks for ("哪几所学校", "哪些地方", "哪些单位"): the answer
 * names instances (建设路小学), so they are the ask, not content the news must print.
 */
const CATEGORY_NOUNS = /^(?:学校|地方|单位|部门|人|人员|企业|机构|场所|地点|处所)$/;

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
  场所: /(?:场|馆|院|中心|市场|商场|超市)(?=[、，,。；;及和与等]|$)/g,
};

/** Framing words of a question about the points set out ("提出了哪些要求"): the ask, not content. */
const POINTS_ASK =
  /(?:提出|强调|要求|部署|安排|指出|明确)(?:了|过)?(?:哪些|哪几[项点条个]?|什么|啥)|(?:哪些|哪几[项点条个]?|什么)(?:要求|部署|措施|举措|任务|重点)|对(?:哪些|哪几[项个]?|什么)(?:工作|方面|事项)?(?:作|做|进行)?(?:了)?(?:部署|安排|强调|要求)/;
const POINTS_FRAME = /提出|强调|要求|部署|安排|指出|明确|措施|举措|任务|重点|方面/g;

/** A question word of a which/where question ("哪些", "哪几所", "哪个", "什么"). */
const WH_WORD = /^(?:哪.*|什么|啥)$/;
/** Particles and prepositions skipped when reading the words around a question word. */
const FOCUS_SKIP = /^(?:了|过|着|的|在|对|作|做|到|去|是|有|把|被|给|向|从|为)$/;

/** Offices people hold: a who_post question names one ("卫东区人大常委会主任是谁"). */
const POST_WORD =
  /(书记|副书记|区长|副区长|市长|副市长|县长|主任|副主任|主席|副主席|局长|副局长|部长|常委|委员|镇长|乡长|院长|组长|总经理|董事长|秘书长|校长|会长|政委|检察长)$/;

/**
 * Reads what a Chinese question asks: who attended / presided / came along
 * / spoke / was elected, who holds a post or what post someone holds, who
 * did something, when, where, how many, which/what, or a generic question.
 * Traditional characters and full-width forms are normalized first. Pure.
 */
export function analyzeQuestion(question: string, districts: readonly string[] = []): QuestionAnalysis {
  const text = collapseParticles(normalizeQuery(question));
  const points = POINTS_ASK.test(text) && !ASKS_WHO.test(text);
  const { focus, category } = askFrame(text);
  let asked = points ? text.replace(POINTS_ASK, " ").replace(POINTS_FRAME, " ") : text;
  if (category) asked = asked.replace(new RegExp(`(哪[^${category[0]}]{0,2}|什么)${category}`, "g"), " ");
  const content = asked.replace(FILLERS, " ").replace(/\s+/g, " ").trim();
  const district = [...districts].sort((a, b) => b.length - a.length).find((d) => d && text.includes(d));
  const years = [...text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1] ?? "");
  const base = {
    text,
    content,
    district: district || undefined,
    roles: [] as string[],
    focus,
    points,
    years,
    category,
  };

  // "X担任什么职务" / "X是什么职务": the post of a person.
  const postOf = text.match(
    /^(?:.*?[，,])?([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:担任|任|是)(?:什么|何|哪个)(?:职务|职位|官|领导)/,
  );
  if (postOf?.[1]) return { ...base, intent: "post_of", target: postOf[1] };
  const postOf2 = text.match(/([\u4e00-\u9fff]{2,4}?)的(?:职务|职位)/);
  if (postOf2?.[1]) return { ...base, intent: "post_of", target: postOf2[1] };

  // "卫东区人大常委会主任是谁" / "谁是卫东区人大常委会主任".
  const whoPost =
    text.match(/^(.+?)(?:是谁|叫什么|是哪位|姓名)/) ?? text.match(/^谁是(.+?)[？?]?$/) ?? text.match(/^(.+?)由谁担任/);
  if (whoPost?.[1]) {
    const target = whoPost[1].replace(/^(?:请问|现任|目前|现在)/, "");
    if (POST_WORD.test(target)) return { ...base, intent: "who_post", target };
    // "李军是谁": a person's post.
    if (/^[\u4e00-\u9fff]{2,4}$/.test(target) && surnameAt(target, 0) > 0)
      return { ...base, intent: "post_of", target };
  }

  const asksWho = ASKS_WHO.test(text);
  for (const r of ROLE_WORDS) {
    if (r.re.test(text) && (asksWho || /名单|都有/.test(text))) {
      // "作了发言" asks for 发言 only, "讲话" for 讲话 only.
      let roles = r.roles;
      if (r.intent === "speak") roles = /发言/.test(text) ? ["发言"] : /讲话|致辞/.test(text) ? ["讲话"] : r.roles;
      return { ...base, intent: r.intent, roles, verb: text.match(r.re)?.[0] };
    }
  }
  if (ASKS_WHEN.test(text)) return { ...base, intent: "when" };
  if (ASKS_WHERE.test(text)) return { ...base, intent: "where" };
  // "哪几所学校" asks which, not how many.
  if (ASKS_HOWMANY.test(text.replace(/哪几/g, "哪些"))) return { ...base, intent: "howmany" };
  if (asksWho) {
    const verb = text.match(/谁(?:来|去|负责|亲自)?([\u4e00-\u9fff]{2})/)?.[1];
    return { ...base, intent: "who_did", verb };
  }
  if (ASKS_WHICH.test(text)) return { ...base, intent: "which" };
  return { ...base, intent: "generic" };
}

/**
 * The words around the question word of a which/where question: the verb before it and the noun and
 * verb after it ("依托哪些优势走…" → 依托, 优势; "在哪个社区召开的" → 社区, 召开), and the noun when it is a
 * generic category ("哪几所学校" → 学校).
 */
function askFrame(text: string): { focus: string[]; category?: string } {
  const words = cutWords(text);
  const at = words.findIndex((w) => WH_WORD.test(w));
  if (at < 0) return { focus: [] };
  const focus: string[] = [];
  const before = words.slice(Math.max(0, at - 2), at).filter((w) => !FOCUS_SKIP.test(w));
  const prev = before[before.length - 1];
  if (prev && prev.length >= 2) focus.push(prev);
  let category: string | undefined;
  // "哪/几所/学校": the measure word may be cut on its own.
  let i = at + 1;
  if (/^几.?$|^[个所位家项条些]$/.test(words[i] ?? "")) i++;
  const noun = words[i];
  if (noun && noun.length >= 1 && /^[\u4e00-\u9fff]+$/.test(noun) && !FOCUS_SKIP.test(noun)) {
    if (CATEGORY_NOUNS.test(noun)) category = noun;
    else if (noun.length >= 2) focus.push(noun);
  }
  for (const w of words.slice(i + 1, i + 4)) {
    if (FOCUS_SKIP.test(w)) continue;
    if (w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w)) focus.push(w);
    break;
  }
  return { focus, category };
}
