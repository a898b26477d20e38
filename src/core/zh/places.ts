/**
 * Places as news text prints them: the verbs that make "在X召开" a
 * statement of where, the verbs of visiting ("先后到A、B、C等地", "深入…"),
 * and the words a place name ends with (路, 社区, 小学 …).
 */

/** Verbs that make "在<place><verb>" a statement of where something happened. */
export const PLACE_VERBS: readonly string[] = [
  "召开",
  "举行",
  "开展",
  "进行",
  "举办",
  "揭牌",
  "启动",
  "成立",
  "设立",
  "落户",
  "开工",
  "建成",
  "投用",
  "开幕",
  "闭幕",
  "报到",
  "座谈",
  "签约",
  "挂牌",
  "奠基",
  "开班",
  "会见",
  "调研",
  "考察",
  "视察",
];

/** "在X召开", "于X举行": what leads a place before a place verb (于 never before a date: "于1月12日"). */
export const PLACE_LEAD = "(?:在|于(?![0-9一二三四五六七八九十两]+[年月日]|近日|日前|今年|去年|当天))";

/** Verbs that lead a list of places visited ("先后到", "深入", "实地察看"). */
export const VISIT_LEADS =
  "先后(?:深入到|深入|来到|到|前往|走进|察看|查看)|先后|深入到|深入|来到|前往|走进|实地(?:察看|查看|调研|走访)|察看了|查看了|察看|查看|走访了|走访|到";

/** What a place name ends with (路, 社区, 小学, 加油站…). */
export const PLACE_END =
  /(?:路|街|道|区|市|县|镇|乡|村|社区|小区|学校|小学|中学|大学|幼儿园|校区|师专|医院|公司|厂|站|园|馆|场|中心|基地|广场|大厦|宾馆|酒店|礼堂|会议室|厅|院|局|委|部|所|队|店|楼|点|工地|现场|河道|河|湖|山|港|处|段|线|片区|项目|工程|街区|古街|大药房|灌区|沟|渠|库|家|堂)[)）]?$/;

/** Question words that ask where. */
export const ASKS_WHERE =
  /在哪里|在哪儿|在哪|哪里|何地|何处|什么地方|哪些地方|到哪些|去了哪些|地点|在什么地|哪些镇|哪些村|哪些乡/;
