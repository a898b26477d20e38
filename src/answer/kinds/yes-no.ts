import { tagWords } from "../../core/zh/jieba.js";
import { findNumbers, MEASURE_WORDS, toAsciiDigits } from "../../core/zh/numbers.js";
import { PLACE_VERBS } from "../../core/zh/places.js";
import { OFFICE_WORD, printsPost } from "../../core/zh/posts.js";
import { ROLES } from "../../core/zh/roles.js";
import { surnameAt } from "../../core/zh/surnames.js";
import { findMentions } from "../../facts/extract.js";
import { nameAt } from "../../facts/names.js";
import type { QuantityFact } from "../../facts/types.js";
import type { Claim } from "../citations.js";
import {
  bestClause,
  claimOf,
  clauseWindow,
  MIN_CLAUSE_COVERAGE,
  MIN_COVERAGE,
  relevantSentences,
  roleClause,
  withoutChecked,
  withoutTitleUnits,
} from "../extractive.js";
import { coverage } from "../units.js";
import type { AnswerContext, QuestionKind } from "./kind.js";
import { askedArticles } from "./shared.js";
import { corePost } from "./who-holds-post.js";

/** A yes/no or either-or question: …吗？, 是否…, 有没有…, 是不是…, 是A还是B. */
const YES_NO = /吗[？?]?$|是否|有没有|是不是|还是/;

/** "超过250名吗": a comparison with a number. */
const COMPARE =
  /(超过|多于|高于|大于|不到|少于|低于|小于|达到|不少于|不低于)([0-9.]+|[一二两三四五六七八九十百千万亿]+)/;

/** "12个项目吗", "227名": a number with its measure word, as a yes/no question states it. */
const STATED_NUMBER = new RegExp(`([0-9.]+|[一二两三四五六七八九十百千万亿]+)([万亿]?)([${MEASURE_WORDS}])`, "g");

/** A day a yes/no question states ("1月12日", "12月23日至25日"). */
const ASKED_DAY = /(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到\-—~～](?:\d{1,2}月)?\d{1,2}日)?/;

/** The person names a question states ("区委书记褚红梅陪同了吗" → 褚红梅; "是张三主持的吗" → 张三). */
export function namesAsked(text: string): string[] {
  const names = new Set(findMentions(text).map((m) => m.name));
  // "是张三主持的吗", "也是钱学军吗": the name between 是/由 and the verb or 吗.
  for (const m of text.matchAll(/(?:是|由)([\u4e00-\u9fff]{2,4}?)(?=吗|的|同志|主持|陪同|出席|参加|列席|讲话|带队)/g)) {
    const n = m[1] ?? "";
    if (surnameAt(n, 0) > 0) names.add(n);
  }
  // "张三是否出席了…", "张三有没有讲话": a name opening a clause, right before the ask or the role.
  for (const m of text.matchAll(NAME_BEFORE_ASK)) {
    const n = m[1] ?? "";
    // A name by the facts' rules (surname, given-name characters), or one word jieba does not know or tags
    // as a name (赵国庆): never a word such as 闭幕会.
    const tags = tagWords(n);
    const unknown = tags.length === 1 && (tags[0]?.tag === "nr" || tags[0]?.tag === "x");
    if (surnameAt(n, 0) > 0 && (nameAt(`${n}、`, 0) === n || unknown)) names.add(n);
  }
  return [...names];
}

/** A name opening the question or a clause, followed by the yes/no ask or a role verb ("禤建华是否出席…"). */
const NAME_BEFORE_ASK = new RegExp(
  `(?:^|[，,]|上|中|时|会议|会|仪式|活动)([\u4e00-\u9fff]{2,3}?)(?=是否|有没有|是不是|有无|也|还|曾|亲自|到会|在会上|是(?=[\\u4e00-\\u9fff]{2,4}还是)|${ROLES.map((r) => r.asked).join("|")})`,
  "g",
);

/**
 * The names whose part is checked: those of the clause that asks ("副市长冯立平到管城区调研时,区委书记褚红梅
 * 陪同了吗" → 褚红梅; 冯立平 tells the event). Left out of the matching: the article asked about need not print them.
 */
export function checkedNames(text: string): string[] {
  const clauses = text.split(/[，,；;]/).filter((c) => c.trim().length > 0);
  const last = clauses[clauses.length - 1] ?? text;
  const names = namesAsked(last);
  return names.length > 0 ? names : namesAsked(text);
}

/**
 * The two options of an either-or question ("是出席还是列席" → 出席, 列席; "是县长还是县政协副主席" → 县长,
 * 县政协副主席): the second runs to the end when short, else it is as long as the first.
 */
function eitherOptions(text: string): string[] {
  const m = text.match(/是?((?:(?!是)[\u4e00-\u9fff]){2,4}?)还是(.{2,}?)[？?]?$/);
  if (!m?.[1] || !m[2]) return [];
  const rest = m[2].replace(/(?:的|呢|吗|了|啊)+$/, "");
  const second = rest.length <= 8 && /^[\u4e00-\u9fff]+$/.test(rest) ? rest : rest.slice(0, m[1].length);
  return [m[1], second];
}

function verdictOf(ok: boolean, yes = "是。", no = "不是。"): string {
  return ok ? yes : no;
}

/** The role word as the question prints it ("参加", "参与"), when a role is asked of named people. */
function roleWordAsked(text: string): string[] {
  const role = roleAsked(text);
  const word = role ? text.match(new RegExp(role.asked))?.[0] : undefined;
  return word && checkedNames(text).length > 0 ? [word] : [];
}

/** The role asked about in a yes/no question ("主持的吗", "陪同了吗", "出席了吗"), or undefined. */
function roleAsked(text: string): (typeof ROLES)[number] | undefined {
  return ROLES.find((r) => new RegExp(r.asked).test(text));
}

/**
 * "…是张三主持的吗？" → 不是。…李四主持会议; "…实到代表超过250名吗？" → 不是。…实到227名; "淇县县长也是钱学军吗？"
 * → 是。…; "是出席还是列席？" → 列席。…; "有没有去X？" → 是。…(the sentence naming X). The verdict rests
 * on what the cited text prints: with nothing printed on the point, the question is declined.
 */
export const yesNo: QuestionKind = {
  name: "yes_no",
  description: "yes/no and either-or questions (…吗, 是否, 有没有, 是A还是B)",
  detect: (q) => (YES_NO.test(q.text) ? { target: checkedNames(q.text)[0] } : undefined),
  // The names and options checked, and the role verb asked of them ("参加了…吗": the article may print 一同督导).
  stated: (q) => [...checkedNames(q.text), ...eitherOptions(q.text), ...roleWordAsked(q.text)],
  answer(ctx) {
    const text = ctx.q.text;
    const names = checkedNames(text);
    // Either-or: "是出席还是列席" — the role clause of the person that prints one of them.
    const [a, b] = eitherOptions(text);
    // "赵国庆是县委书记还是县长": the person's post as printed says which (one of them only).
    if (a && b && names[0] && OFFICE_WORD.test(a) && OFFICE_WORD.test(b)) {
      const first = ctx.answerAs("post_of", { target: names[0] })[0];
      const held = [a, b].filter((o) => first?.text.includes(o));
      return first && held.length === 1 ? [{ ...first, verdict: `${held[0]}。` }] : [];
    }
    if (a && b) return eitherOr(ctx, [a, b], names);
    // A number compared: answered as how many, then compared.
    const cmp = text.match(COMPARE);
    if (cmp?.[1] && cmp[2]) {
      const asked = findNumbers(cmp[2])[0]?.value ?? Number(cmp[2]);
      const claims = ctx.answerAs("howmany", { text: text.replace(COMPARE, "多少").replace(/吗[？?]?$/, "") });
      const first = claims[0];
      const printed = first ? findNumbers(first.text).map((n) => n.value) : [];
      const value = printed[printed.length - 1];
      if (!first || value === undefined || !Number.isFinite(asked)) return [];
      const more = /超过|多于|高于|大于/.test(cmp[1]);
      const less = /不到|少于|低于|小于/.test(cmp[1]);
      const ok = more ? value > asked : less ? value < asked : value >= asked;
      return [{ ...first, verdict: verdictOf(ok, "是。", "没有。") }];
    }
    // "…是1月12日开的吗": answered as when, then compared with the date asked.
    const day = text.match(ASKED_DAY);
    if (day) {
      const claims = ctx.answerAs(
        "when",
        { text: text.replace(ASKED_DAY, "哪天").replace(/吗[？?]?$/, "") },
        undefined,
        day[0],
      );
      const first = claims[0];
      if (!first) return [];
      return [{ ...first, verdict: verdictOf(toAsciiDigits(first.text).includes(toAsciiDigits(day[0]))) }];
    }
    // A role asked of a person: "…是张三主持的吗", "褚红梅陪同了吗": the role's facts in the article asked about
    // (before any number: "第七期“三个一批”开工仪式是张三主持的吗" asks who presided).
    const role = roleAsked(text);
    if (role && names.length > 0) return roleVerdict(ctx, role.role, names);
    // "签约了12个项目吗", "总投资是53.59亿元吗": a number asked as such. The last number with a measure, never
    // an ordinal or session (第3次, 十六届, 二次会议), a year or a month.
    const stated = [...text.matchAll(STATED_NUMBER)]
      .filter(
        (m) =>
          !/[届次期月]/.test(m[3] ?? "") &&
          !(m[3] === "年" && /^(?:19|20)\d{2}$/.test(m[1] ?? "")) &&
          !/第$/.test(text.slice(0, m.index)),
      )
      .pop();
    if (stated?.[1] && stated[3]) {
      const asked = findNumbers(stated[0])[0]?.value;
      const unit = stated[3];
      if (asked === undefined) return [];
      // Printed as stated in a sentence about the question: yes, with its clause.
      const same = statedQuantity(ctx, asked, unit, stated[0]);
      if (same) return [{ ...same, verdict: "是。" }];
      // Else answered as how many; no only when that clause counts the same measure (another value).
      const claims = ctx.answerAs(
        "howmany",
        {
          text: `${text.slice(0, stated.index)}多少${unit}${text.slice((stated.index ?? 0) + stated[0].length)}`
            .replace(/[，,]?(?:对吗|是吗|对不对)[？?]?$/, "")
            .replace(/是不是|是否|有没有|吗[？?]?$/g, ""),
        },
        undefined,
        stated[0],
      );
      const first = claims[0];
      if (!first || !new RegExp(`[0-9.一二两三四五六七八九十百千万亿]+[万亿]?${unit}`).test(first.text)) return [];
      const printed = findNumbers(first.text).map((n) => n.value);
      return [{ ...first, verdict: verdictOf(printed.includes(asked)) }];
    }
    // "…是在县会议中心举行的吗": answered as where, then compared with the place asked.
    const at = text.match(new RegExp(`在([\\u4e00-\\u9fff()（）]{2,20}?)(?:${PLACE_VERBS.join("|")})(?:的)?吗`));
    if (at?.[1]) {
      const claims = ctx.answerAs(
        "where",
        { text: text.replace(at[1], "哪里").replace(/吗[？?]?$/, "") },
        undefined,
        at[1],
      );
      const first = claims[0];
      if (!first) return [];
      return [{ ...first, verdict: verdictOf(first.text.includes(at[1])) }];
    }
    // "赵国庆是县长吗": the person's post as printed, compared with the post asked.
    const isPost = text.match(/^([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:也|还|就|真的)?(?:是|担任|任)(.+?)吗[？?]?$/);
    if (
      isPost?.[1] &&
      isPost[2] &&
      (names.includes(isPost[1]) || surnameAt(isPost[1], 0) > 0) &&
      OFFICE_WORD.test(isPost[2])
    ) {
      const claims = ctx.answerAs("post_of", { target: isPost[1] });
      const first = claims[0];
      if (!first) return [];
      // A deputy is not the post ("副市长" is no "市长").
      return [{ ...first, verdict: verdictOf(printsPost(first.text, corePost(isPost[2], ctx.district))) }];
    }
    // "X县长也是Y吗": who holds the post, compared with Y.
    const post = text.match(/^(.+?)(?:也|还|就|真的)?是([\u4e00-\u9fff]{2,4}?)(?:同志)?吗[？?]?$/);
    if (post?.[1] && post[2] && names.includes(post[2]) && OFFICE_WORD.test(post[1])) {
      const claims = ctx.answerAs("who_post", { target: post[1] });
      const first = claims[0];
      if (!first) return [];
      return [{ ...first, verdict: verdictOf(first.text.includes(post[2])) }];
    }
    // Anything else: yes when a sentence of the article asked about prints all the question asks.
    return statedSentence(ctx, names);
  },
};

/**
 * Whether the people asked had the role: yes with their clause when every one is printed with it,
 * no with the clause of who had it when the article prints the role for others only.
 */
function roleVerdict(ctx: AnswerContext, role: string, names: string[]): Claim[] {
  const roles =
    // Taking part ("参加了…督导吗") is said by any role of being there: 出席, 列席, or going along (一同, 陪同).
    role === "出席" || role === "参加"
      ? ["出席", "参加", "列席", "一同", "陪同"]
      : role === "陪同"
        ? ["陪同", "一同"]
        : [role];
  for (const cand of askedArticles(ctx)) {
    const facts = cand.facts.filter((f) => f.kind === "role" && roles.includes(f.role));
    if (facts.length === 0) continue;
    const had = facts.filter((f) => f.kind === "role" && f.name && names.includes(f.name));
    const yes = names.every((n) => had.some((f) => f.kind === "role" && f.name === n));
    // A list role (出席, 陪同 … "等") not printed for someone the article never names says nothing of them;
    // a meeting has one presider, so another printed as presiding says no.
    if (!yes && role !== "主持" && names.some((n) => !cand.article.text.includes(n))) return [];
    const shown = yes ? had : facts;
    const clauses = [...new Set(shown.map((f) => roleClause(cand.article, f)))];
    return [
      {
        text: clauses.join("；"),
        article: cand.article,
        spans: shown.map((f) => ({ start: f.quoteStart, end: f.quoteEnd })),
        verdict: verdictOf(yes),
      },
    ];
  }
  return [];
}

/**
 * The clause of the article(s) asked about that prints `value` with `unit` ("17个", "53.59亿元") and what the
 * question asks beyond the title ("实到29人" for "实到29人吗", not for "应到29人吗"), as a claim; undefined when none does.
 */
function statedQuantity(ctx: AnswerContext, value: number, unit: string, printed: string): Claim | undefined {
  const asked = new Set(askedArticles(ctx).map((c) => c.article.id));
  const weights = new Map([...ctx.weights].filter(([u]) => !printed.includes(u) && !u.includes(printed)));
  for (const s of relevantSentences(ctx.q, ctx.scored())) {
    if (!asked.has(s.cand.article.id)) continue;
    const f = s.cand.facts.find(
      (x): x is QuantityFact =>
        x.kind === "quantity" &&
        x.start >= s.sentence.start &&
        x.end <= s.sentence.end &&
        x.unit.endsWith(unit) &&
        findNumbers(x.value).some((n) => Math.abs(n.value - value) <= 1e-9 * Math.max(1, Math.abs(value))),
    );
    if (!f) continue;
    const text = bestClause(s, ctx.weights, (c) => c.start <= f.start && f.end <= c.end);
    const local = withoutTitleUnits(weights, s.meta);
    if (text && (local === weights || coverage(local, text) >= MIN_CLAUSE_COVERAGE)) return claimOf(s, text);
  }
  // A headline stating it ("…集中开工一批重大项目 总投资53.59亿元"): the part of the headline that prints it.
  const same = (t: string) =>
    new RegExp(`[0-9.]+[万亿]?${unit}`).test(t) &&
    findNumbers(t).some((n) => Math.abs(n.value - value) <= 1e-9 * Math.max(1, Math.abs(value)));
  for (const c of askedArticles(ctx)) {
    const title = [c.article.title, c.article.subtitle ?? ""].find(same);
    const part = title?.split(/[\s，,　]+/).find(same);
    if (title && part) return { text: part, article: c.article, spans: [], quoteText: title };
  }
  return undefined;
}

/** "是出席还是列席": the clause printing the person with one of the two. */
function eitherOr(ctx: AnswerContext, options: [string, string], names: string[]): Claim[] {
  // "是列席还是出席": a role of whom? Without the person read, any attendee's role would be no answer.
  if (names.length === 0 && options.some((o) => roleAsked(o))) return [];
  for (const cand of askedArticles(ctx)) {
    for (const f of cand.facts) {
      if (f.kind !== "role" || !f.name || (names.length > 0 && !names.includes(f.name))) continue;
      const clause = roleClause(cand.article, f);
      // The fact's own role first: its clause may also print the other ("…出席会议,…郑国强列席会议").
      const picked = options.find((o) => f.role === o) ?? options.find((o) => clause.includes(o));
      if (!picked) continue;
      return [
        {
          text: clause,
          article: cand.article,
          spans: [{ start: f.quoteStart, end: f.quoteEnd }],
          verdict: `${picked}。`,
        },
      ];
    }
  }
  // A role of the person is said by the person's role facts only.
  if (options.some((o) => roleAsked(o))) return [];
  // "是视频会议还是现场会议", "是上午还是下午": the sentence of the article asked about that prints one of them only.
  const asked = new Set(askedArticles(ctx).map((c) => c.article.id));
  for (const s of relevantSentences(ctx.q, ctx.scored())) {
    if (!asked.has(s.cand.article.id)) continue;
    const printed = options.filter((o) => s.sentence.text.includes(o));
    const picked = printed[0];
    if (printed.length !== 1 || !picked) continue;
    const text = bestClause(s, ctx.weights, (c) => c.text.includes(picked), 8) ?? s.sentence.text;
    return [{ ...claimOf(s, text), verdict: `${picked}。` }];
  }
  return [];
}

/** Yes, with the sentence that prints every content word and every name of the question; nothing when none does. */
function statedSentence(ctx: AnswerContext, names: string[]): Claim[] {
  const asked = new Set(askedArticles(ctx).map((c) => c.article.id));
  const relevant = relevantSentences(
    ctx.q,
    ctx.scored().filter((s) => asked.has(s.cand.article.id)),
  );
  const best = relevant.find(
    (s) =>
      names.every((n) => s.sentence.text.includes(n)) &&
      coverage(withoutChecked(ctx.weights, ctx.q.ordinals), s.meta, s.sentence.text) >= Math.max(MIN_COVERAGE, 0.85),
  );
  if (!best) return [];
  const claim = claimOf(
    best,
    best.sentence.text.length <= 150 ? best.sentence.text : clauseWindow(best, ctx.weights, ctx.q.focus),
  );
  return [{ ...claim, verdict: "是。" }];
}
