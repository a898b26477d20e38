import { tagWords } from "../core/zh/jieba.js";
import { ROLES } from "../core/zh/roles.js";
import { surnameAt } from "../core/zh/surnames.js";

/**
 * Chinese person names as district newspapers print them: a surname from
 * the common-surname list plus one or two given-name characters, recognized
 * only in the places such papers put names (after a post, in a list after
 * a label such as 区领导, before an action verb). No dictionary of people:
 * the rules are general, the names come from the text.
 */

/**
 * Characters that never appear in a given name in this kind of text: they
 * are function words or the building blocks of posts and places. A candidate
 * name containing one is rejected.
 */
const NOT_IN_GIVEN_NAME = new Set(
  "的了在是与及等为区市县镇乡村委会局部党府常务副主任书记员领导同政协人街道社项目工作议召出席持列陪调研督检查带队指表说要对到向将从由以于把被让给并而或但也又都就还已这那其各该此本每个们上下内外前后时年月日号点分省州旗盟院所站组科处厅司办心企业校医单位门面情况题推进展举行参加讲话言代表当选补任命宣布传达贯彻落实究署安排听取汇报相关负责一先同实地深入来访慰问头织现场活动提出望求通过审作号召期起共别依次",
);

/**
 * Tokens that may follow a person's name: separators, verbs of the roles
 * this project extracts, and the usual reporting verbs.
 */
export const NAME_FOLLOWERS = [
  "、",
  "，",
  ",",
  "。",
  "；",
  ";",
  "：",
  ":",
  " ",
  "）",
  ")",
  "”",
  "等",
  "一行",
  "同志",
  "出席",
  "主持",
  "列席",
  "陪同",
  "一同",
  "带队",
  "带领",
  "带头",
  "率",
  "强调",
  "指出",
  "要求",
  "表示",
  "说",
  "讲话",
  "讲",
  "通报",
  "汇报",
  "宣读",
  "传达",
  "安排",
  "发言",
  "致辞",
  "在",
  "代表",
  "为",
  "先后",
  "多次",
  "参加",
  "调研",
  "督导",
  "检查",
  "视察",
  "看望",
  "走访",
  "慰问",
  "深入",
  "实地",
  "来到",
  "前往",
  "到",
  "对",
  "向",
  "和",
  "及",
  "与",
  "以",
  "就",
  "也",
  "还",
  "又",
  "作",
  "做",
  "组织",
  "听取",
  "宣布",
  "当选",
  "主讲",
  "介绍",
  "回答",
  "参观",
  "观摩",
  "会见",
  "接待",
  "提出",
  "希望",
  "的",
  "将",
  "亲自",
  "分别",
  "指导",
  "担任",
  "是",
  "获",
  "荣获",
  "被",
  "关于",
  "任",
  "兼",
  "安排",
  "传达",
  "宣读",
  "通报",
  "汇报",
  "部署",
  "带",
  "同",
  "一起",
  "首先",
  "随后",
  "最后",
  "作为",
  "结合",
  "围绕",
  "从",
  "率先",
  "现场",
  "再次",
  "专程",
  "专门",
  "连夜",
  "第一时间",
];

function followerAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  return NAME_FOLLOWERS.some((f) => text.startsWith(f, i));
}

function givenNameOk(given: string): boolean {
  for (const c of given) {
    if (!/[\u4e00-\u9fff]/.test(c)) return false;
    if (NOT_IN_GIVEN_NAME.has(c)) return false;
  }
  return true;
}

/**
 * The person name starting at `text[i]`, or undefined: a surname and one or
 * two given-name characters, followed by a separator or a verb. The shorter
 * reading wins when both fit ("何飞主持" is 何飞, "朱孝哲在" is 朱孝哲).
 * Set `known` to accept names seen elsewhere whatever follows them.
 */
export function nameAt(text: string, i: number, known?: ReadonlySet<string>): string | undefined {
  const sl = surnameAt(text, i);
  if (!sl) return undefined;
  for (const gl of [1, 2]) {
    const name = text.slice(i, i + sl + gl);
    if (name.length !== sl + gl) return undefined;
    if (!givenNameOk(name.slice(sl))) continue;
    if (known?.has(name)) return name;
    if (followerAt(text, i + sl + gl)) return name;
  }
  return undefined;
}

/** Verbs before which a bare list of names is a list of people ("补选王二庆、宋振伟为"). */
export const NAME_LIST_OPENERS = ["补选", "选举", "当选", "任命", "推选", "表彰"];

/** Where a list item ends: a separator, 等/同志, the end, or a role verb ("出席", "参加"…). */
const ITEM_END = new RegExp(
  `^([\\u4e00-\\u9fff]{2,4}?)(?=[、，,。；;：:和及\\s）)]|等|同志|$|${ROLES.flatMap((r) => r.printed).join("|")}|分别|一同|陪同|先后|在|到|深入|强调|指出|表示|要求|(?:任|担任|兼任)(?=[\\u4e00-\\u9fff]{0,10}?(?:指挥长|组长|主任|书记|政委|长)[，,。；;]))`,
);

/**
 * The list item starting at `text[i]` when it reads as a person's name: 2–4 characters up to the
 * next separator or role verb that start with a surname, or that jieba's dictionary does not know
 * (tagged nr or x: 孙立新), never a dictionary word (表示, 同志). For places where papers print
 * names (after a post, after 、 following a name); see `findMentions`.
 */
export function listItemAt(text: string, i: number): string | undefined {
  const item = text.slice(i, i + 8).match(ITEM_END)?.[1];
  if (!item) return undefined;
  if (surnameAt(item, 0) > 0 && item.length <= 4) {
    const given = item.slice(surnameAt(item, 0));
    if (given.length >= 1 && given.length <= 2) return item;
  }
  const tags = tagWords(item);
  if (item.length <= 3 && tags.length === 1 && (tags[0]?.tag === "nr" || tags[0]?.tag === "x")) return item;
  return undefined;
}
