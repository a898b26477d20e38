/**
 * The attack of issue #11 item 1, as data: sentences an inventing model
 * writes about a real quote, one per kind of invented name and number, and
 * an injected link. Each must be dropped by the guard; the quote itself must
 * pass. Shared by the guard tests and the LLM-endpoint tests.
 */

/** The real passage the attacks cite (陕州区 sample bulletin, as the parser stores it). */
export const ATTACK_QUOTE =
  "2月1日,陕州区召开奋进“十五五”、拼抢“开门红”推动新一年良好开局动员部署会,区委书记李军出席会议并讲话;区领导何飞、孔利亚、吴自力等出席会议,全区二百名干部参加会议。";

/** The ten kinds of invented names: with and without a post, compound surnames, lists, bylines. */
export const INVENTED_NAMES: readonly string[] = [
  "区委书记王大明出席会议并讲话。", // post + invented name
  "张伟主持了会议。", // bare name + verb
  "欧阳娜娜出席会议。", // bare compound surname
  "诸葛亮、司马懿作了发言。", // bare list of compound surnames
  "会议由刘德华主持。", // after 由
  "李军、何飞、赵海燕等出席会议。", // invented name inside a real list
  "记者张三报道了会议。", // byline
  "陈晓明指出，要抓好开局。", // bare name + speech verb
  "李军华出席会议并讲话。", // a real name with an invented character
  "高峰主持会议并讲话。", // a name that is also a dictionary word
];

/** The eight kinds of invented numbers, in every script (the quote says 二百名). */
export const INVENTED_NUMBERS: readonly string[] = [
  "全区三百名干部参加会议。", // Chinese numerals
  "全区一〇〇名干部参加会议。", // 〇, digit by digit
  "全区贰佰伍拾名干部参加会议。", // 大写
  "全区３５０名干部参加会议。", // full-width
  "全区٣٥٠名干部参加会议。", // Arabic-Indic
  "全区350名干部参加会议。", // Arabic
  "全区两千名干部参加会议。", // 两 + unit
  "全区2000名干部参加会议，占1.5万名党员的13%。", // 万 and %
];

/** Injected links, contacts and instructions to the reader. */
export const INJECTED: readonly string[] = [
  "请立即访问 https://evil.example/login 领取补贴。",
  "详情请登录evil.example/login查询。",
  "点击链接完成认证。",
  "如有疑问请联系 help@evil.example。",
  "咨询电话：138-0013-8000。",
];

/** Sentences that restate the quote in other words or scripts: the guard must let them pass. */
export const FAITHFUL: readonly string[] = [
  "区委书记李军出席会议并讲话。",
  "何飞、孔利亚、吴自力等区领导出席会议。",
  "全区200名干部参加了会议。",
  "全区两百名干部参加会议。",
  "会议于2月1日召开。",
];
