import { normalizeQuery } from "../core/normalize.js";
import { surnameAt } from "../core/zh/surnames.js";
import { findDistrict } from "./places.js";
import { readAsked } from "./question.js";
import type { Turn } from "./sessions.js";

/** A question completed from the conversation's context. */
export interface Completion {
  /** The question to answer: the input, or the input with its pronoun or ellipsis filled in. */
  question: string;
  /** What the completion understood, shown with the answer ("孟州市委常委会"); undefined when nothing was filled in. */
  understood?: string;
  /** Which rule filled it in: "person", "meeting", "ellipsis", "swap"; undefined when none did. */
  rule?: "person" | "meeting" | "ellipsis" | "swap";
}

/** "他"/"她" standing for a person (not 其他, 他们, 她们). */
const PERSON_PRONOUN = /(?<![其吉])[他她](?!们|人|国|乡|处|日)/;

/** Words that stand for the meeting or article of the previous turn. */
const MEETING_PRONOUN =
  /(?:这个|这次|此次|本次|该|那个|那次|上述|这场|此)(?:会议|大会|会|活动|报道|新闻|文章)|该文|这篇(?:报道|新闻|文章)?/;

/** "那孟州市呢？", "孟州呢": the previous question about something else. */
const SWAP = /^(?:那|那么|换成|再问)?(.{2,12}?)(?:的情况)?呢[？?！!。]*$/;

/**
 * What a follow-up leaves of a question once its question words, its role
 * words and its "还/又/另外" are taken away: when nothing of substance is
 * left ("还有谁出席了？", "什么时候开的？", "在哪？"), the question is about the
 * previous turn's meeting.
 */
const ELLIPSIS_NOISE =
  /还有|另外|其他|其它|别的|都|还|又|也|再|分别|出席|参加|参会|主持|讲话|发言|陪同|列席|召开|举行|举办|开幕|闭幕|开会|开|办|会议|会|活动|具体|地点|地方|时间|日期|去|到|是|在|于|由|人|领导|哪些|哪|呢/g;

/**
 * Completes a follow-up question from the last turn of its conversation,
 * before it is analyzed: a person pronoun (他/她) becomes the person of the
 * last turn, a reference to "this meeting" (这个会, 此次会议, 该活动…) its
 * meeting, a bare when/where/who ("什么时候开的？", "还有谁出席了？") is asked
 * about that meeting, and "那X区呢？" asks the last question again about
 * district (or person) X. A self-contained question is returned unchanged.
 * Pure.
 */
export function completeQuestion(question: string, last: Turn | undefined, districts: readonly string[]): Completion {
  // Normalized (simplified, half width) for matching; the question marks shown again as typed in Chinese.
  const q = normalizeQuery(question).trim().replace(/\?/g, "？").replace(/!/g, "！").replace(/,/g, "，");
  if (!last || !q) return { question };

  // "那孟州市呢？": the last question about another district, or about another person.
  const swap = last.kind === "timeline" ? null : SWAP.exec(q);
  if (swap?.[1]) {
    const said = swap[1];
    const place = findDistrict(said, districts);
    if (place && place.printed.length >= said.length - 1) {
      const prev = findDistrict(last.question, districts);
      const asked = prev
        ? `${last.question.slice(0, prev.index)}${place.printed}${last.question.slice(prev.index + prev.printed.length)}`
        : `${place.district}${last.question}`;
      return { question: asked, understood: asked, rule: "swap" };
    }
    if (
      last.person &&
      /^[\u4e00-\u9fff]{2,4}$/.test(said) &&
      surnameAt(said, 0) > 0 &&
      last.question.includes(last.person)
    ) {
      const asked = last.question.split(last.person).join(said);
      return { question: asked, understood: asked, rule: "swap" };
    }
  }

  if (PERSON_PRONOUN.test(q)) {
    // "他" with no person in the context is not about the last meeting: left as asked.
    if (!last.person) return { question };
    return {
      question: q.replace(new RegExp(PERSON_PRONOUN.source, "g"), last.person),
      understood: last.person,
      rule: "person",
    };
  }
  const meeting = last.meeting;
  if (meeting && MEETING_PRONOUN.test(q)) {
    return { question: q.replace(MEETING_PRONOUN, meeting), understood: meeting, rule: "meeting" };
  }
  if (meeting) {
    const a = readAsked(q, districts);
    const rest = a.content.replace(ELLIPSIS_NOISE, "").replace(/\s+/g, "");
    // What is left may be the last question's own words again ("在哪里督导的？" after "谁督导了…？").
    const before = `${last.question}${meeting}`;
    const elliptic =
      !a.district &&
      a.kind !== "generic" &&
      (rest.length <= 1 || (rest.length <= 4 && [...rest].every((c) => before.includes(c))));
    if (elliptic) {
      // "还有谁出席了？" → "谁出席了<会>？"; "什么时候开的？" → "<会>什么时候开的？".
      const body = q.replace(/^(?:那|那么)?(?:还有|另外还有|另外|其他还有)/, "");
      const asked = /^谁/.test(body) ? `${body.replace(/[？?]+$/, "")}${meeting}？` : `${meeting}${body}`;
      return { question: asked, understood: meeting, rule: "ellipsis" };
    }
  }
  return { question };
}

/**
 * The meeting or event an article reports, from its title: "孟州市委常委会暨理论学习中心组学习会召开"
 * → "孟州市委常委会暨理论学习中心组学习会", "解放区召开大气污染防治攻坚工作推进会" →
 * "解放区大气污染防治攻坚工作推进会". Undefined when the title is not about a meeting.
 */
export function meetingOf(title: string): string | undefined {
  const t = title.replace(/\s+/g, "");
  const m = /^(.*?会(?:议)?)(?:召开|举行|举办|开幕|闭幕)?$/.exec(t.replace(/(?:召开|举行|举办)(?=.*会(?:议)?$)/, ""));
  if (!m?.[1] || /工会$/.test(m[1])) return undefined;
  return m[1];
}
