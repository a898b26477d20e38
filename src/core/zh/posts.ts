/**
 * Posts (offices) as data: the words a post ends with, so that a title
 * chain printed before a name ("区委常委、副区长、应急管理局局长王五",
 * "党组书记、主任") is read as the person's posts, and a question naming a
 * post ("卫东区人大常委会主任是谁") is read as asking who holds it.
 */

/**
 * Words that end a post or a group label printed before a name ("区委副书记、区长", "区领导", "后关村").
 * Longest first.
 */
export const POST_SUFFIXES: readonly string[] = [
  "常务副区长",
  "常务副市长",
  "常务副县长",
  "常务副主席",
  "常务副主任",
  "党组副书记",
  "党组书记",
  "党工委书记",
  "常务委员",
  "第一书记",
  "副书记",
  "副区长",
  "副市长",
  "副县长",
  "副主任",
  "副主席",
  "副局长",
  "副部长",
  "副镇长",
  "副乡长",
  "副院长",
  "副组长",
  "副秘书长",
  "副指挥长",
  "指挥长",
  "秘书长",
  "董事长",
  "总经理",
  "副总经理",
  "检察长",
  "理事长",
  "调研员",
  "巡视员",
  "候选人",
  "通讯员",
  "书记",
  "区长",
  "市长",
  "县长",
  "省长",
  "州长",
  "主任",
  "主席",
  "局长",
  "部长",
  "镇长",
  "乡长",
  "院长",
  "组长",
  "科长",
  "处长",
  "厅长",
  "所长",
  "站长",
  "队长",
  "校长",
  "会长",
  "社长",
  "政委",
  "委员",
  "常委",
  "代表",
  "经理",
  "领导",
  "记者",
  "干部",
  "党员",
  "村民",
  "负责人",
  "志愿者",
  "医生",
  "教师",
  "民警",
  "村",
  "社区",
];

/** Labels that end a post chain but are no office of one person ("区领导", "村民"): never an answer to "what post". */
export const GROUP_LABELS = /^(?:领导|代表|委员|干部|党员|村民|村|社区|负责人|志愿者)$/;

/**
 * The offices a who-holds-post question names ("…主任是谁"): the post suffixes that are an office
 * (not a group label or a profession).
 */
export const OFFICE_WORD = new RegExp(
  `(?:${POST_SUFFIXES.filter((s) => !GROUP_LABELS.test(s) && !/^(?:记者|通讯员|医生|教师|民警|候选人|常务委员)$/.test(s)).join("|")})$`,
);

/**
 * The acting forms of a post ("代理县长", "代县长"): the office is the same, and a question asking for
 * the acting holder names it.
 */
export const ACTING = /^(?:代理|代)/;

/** Prefixes of a question's post that are time words, not part of the post ("现任", "目前的"). */
export const POST_TIME_PREFIX = /^(?:请问|现任|目前的|目前|现在的|现在|当时的|当时)/;

/** A post as printed in another form: `committee` must be in the printed chain, `org` in the article. */
export interface PostForm {
  form: string;
  /** "县委": the 县委 whose department the form is ("组织部部长" of "县委组织部部长"). */
  committee?: string;
  /** "防汛指挥部": the body whose office the form is ("指挥长" of "防汛指挥部指挥长"). */
  org?: string;
}

/** Spoken short forms of a post and how papers print them. */
const SPOKEN_POSTS: readonly [RegExp, string][] = [
  [/人大(副)?主任$/, "人大常委会$1主任"],
  [/(?<![部副])部长$/, "部部长"],
  [/(?<=[\u4e00-\u9fff]{2})部部长$/, "部长"],
  [/检察院检察长$/, "检察院院长"],
  [/检察院院长$/, "检察院检察长"],
];

/** A body ending a post's prefix ("防汛指挥部", "检察院", "工作组"): its office may be printed on its own. */
export const BODY_END = /(?:指挥部|领导小组|工作组|专班|委员会|检察院|法院|人武部|公司|中心|局|院)$/;

/**
 * The forms a post may be printed in: "县委组织部部长" is printed "县委常委、组织部部长" (the party committee's
 * department after 县委常委), "宣传部长" as "宣传部部长", "人大主任" as "人大常委会主任", "防汛指挥部指挥长" as
 * "王志强任指挥长" in an article on that 指挥部. The post itself first.
 */
export function postForms(post: string): PostForm[] {
  const forms: PostForm[] = [{ form: post }];
  for (const [re, printed] of SPOKEN_POSTS) {
    const m = post.match(re);
    if (!m) continue;
    const form = post.slice(0, m.index) + printed.replace("$1", m[1] ?? "");
    if (form !== post && form !== "部部长") forms.push({ form });
  }
  // "县委组织部部长": a department (…部/办/委/室) of the committee, then its office.
  const dept = post.match(/^([区县市]委)([\u4e00-\u9fff]{2,}?(?:部|办|委|室)[\u4e00-\u9fff]+)$/);
  if (dept?.[1] && dept[2]) for (const f of postForms(dept[2])) forms.push({ form: f.form, committee: dept[1] });
  // "防汛指挥部指挥长": the office of a body the article names.
  for (let i = post.length - 2; i >= 2; i--) {
    const office = post.slice(i);
    const org = post.slice(0, i);
    if (BODY_END.test(org) && OFFICE_WORD.test(office) && POST_SUFFIXES.includes(office)) {
      forms.push({ form: office, org: org.replace(/^[区县市]/, "") });
      break;
    }
  }
  return forms;
}

/**
 * Whether `text` prints the post `post` itself, not a deputy of it: "副市长庞国平" holds no
 * "市长", "常务副区长" no "区长"; "县委副书记" never contains "县委书记" anyway.
 */
export function printsPost(text: string, post: string): boolean {
  if (!post) return false;
  for (let at = text.indexOf(post); at >= 0; at = text.indexOf(post, at + 1)) {
    if (!post.startsWith("副") && text[at - 1] === "副") continue;
    return true;
  }
  return false;
}
