/**
 * Roles people have at an event, as data: how the news prints each role
 * (the verbs fact extraction looks for) and how a question asks for it
 * (the words question analysis looks for). Facts, the answer kinds and the
 * guard all derive their role patterns from this one table.
 */

/** The roles a fact can store. */
export type RoleName = "主持" | "出席" | "列席" | "参加" | "一同" | "陪同" | "带队" | "讲话" | "发言" | "当选" | "补选";

/** One role: its printed verb forms (most specific first) and the words a question asks it with. */
export interface RoleWord {
  role: RoleName;
  /** Printed forms, as regular-expression sources, longest first ("主持召开", "主持"). */
  printed: string[];
  /** Words of a question that ask for this role ("由谁主持", "谁陪同"), as one regular-expression source. */
  asked: string;
}

/** Objects that may follow an event verb ("出席会议", "主持活动"). */
const EVENT = "(?:会议|活动|仪式|大会|典礼)";

/** The kind of speech printed before 讲话 ("作重要讲话", "作动员讲话", "作总结讲话"). */
const SPEECH = "(?:重要|动员|总结|主题|专题|表态|交流|开班|开幕|闭幕)?";

/** Every role, in the order fact extraction tries them (the first match of a span wins). */
export const ROLES: readonly RoleWord[] = [
  { role: "主持", printed: ["主持召开", `主持${EVENT}?`], asked: "主持" },
  {
    role: "出席",
    printed: [`出席${EVENT}?(?:并(?:作)?${SPEECH}讲话|并致辞|并(?:作)?${SPEECH}发言)?`, "到会(?:祝贺|指导)?"],
    asked: "出席|到会|到场|祝贺",
  },
  { role: "列席", printed: ["列席(?:会议)?"], asked: "列席" },
  {
    role: "参加",
    printed: [`(?:参加|参与)(?:${EVENT.slice(3, -1)}|投票|选举)?`, "参会", "与会"],
    asked: "参加|参会|与会|参与",
  },
  {
    role: "一同",
    printed: ["一同(?:调研督导|督导检查|调研|督导|检查|视察|考察|参加|出席|慰问|走访|看望|观摩|参观|巡河|察看|查看)"],
    asked: "一同|一起|随同",
  },
  { role: "陪同", printed: ["陪同(?:调研|督导|检查|视察|慰问|走访|观摩|巡河|察看|查看)?"], asked: "陪同" },
  { role: "带队", printed: ["带队", "率队", "带领", "率领"], asked: "带队|带领|率队|率领|领队" },
  { role: "讲话", printed: [`(?:作了|作)?${SPEECH}(?:讲话|致辞)`], asked: "讲话|致辞|(?<!工)作(?:了)?报告" },
  { role: "发言", printed: [`(?:作了|进行|作)?${SPEECH}发言`], asked: "发言" },
  { role: "当选", printed: ["当选", "补选"], asked: "当选|补选|选举|选出" },
];

/** Verbs after which a name states what the person said (a 讲话 role when the name stands right before). */
export const STATEMENT_VERBS = ["强调", "指出", "表示", "要求"] as const;

/** Action verbs a leader does at a place; stored as their own role ("调研", "督导"…). */
export const ACTION_VERBS = [
  "调研督导",
  "督导检查",
  "调研",
  "督导",
  "视察",
  "检查",
  "慰问",
  "走访",
  "看望",
  "观摩",
  "巡河",
] as const;

/**
 * Verbs of what a person does at a meeting besides the roles ("副县长郏文涛通报了…情况", "仉春燕宣读了《…》",
 * "逯海平对…进行了安排部署"): a who-question asking one of them is answered by the sentence printing it.
 */
export const MEETING_ACTS = [
  "宣读",
  "宣布",
  "通报",
  "汇报",
  "介绍",
  "解读",
  "传达",
  "部署",
  "安排",
  "点评",
  "总结",
  "领学",
  "授牌",
  "颁奖",
  "颁发",
  "签约",
  "致辞",
  "报告",
  "说明",
  "辅导",
  "宣誓",
  "述职",
] as const;

/** The role of a role name, or undefined. */
export function roleWord(role: string): RoleWord | undefined {
  return ROLES.find((r) => r.role === role);
}

/**
 * Aspect particles inside a role verb ("讲了话", "发了言", "致过辞", "带了队", "讲的话"): the verb as it is printed
 * in the news, so the role is still recognized.
 */
export function collapseParticles(text: string): string {
  return text.replace(/([讲发致带率])(?:了|过|的)(话|言|辞|队)/g, "$1$2");
}

/** Words of a question that name a role or a group label, not the event asked about. */
export const ROLE_QUESTION_WORDS =
  /^(?:出席|参加|参会|与会|主持|列席|陪同|一同|带队|带领|率队|讲话|发言|致辞|领导|市领导|区领导|县领导|人员|单位|哪些|名单|当选|补选|记者|通讯员|作者|文字|图片|摄影)$/;
