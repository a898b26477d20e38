import { type RoleName, roleWord } from "../../core/zh/roles.js";
import type { Claim } from "../citations.js";
import { roleClaims } from "../extractive.js";
import type { QuestionBase } from "../question.js";
import type { AnswerContext, Detected, QuestionKind } from "./kind.js";
import { asksWho, whoDidSentence } from "./shared.js";

/** What a role kind is made of: its name, the roles of the vocabulary it asks about, and when it applies. */
export interface RoleKindSpec {
  name: string;
  description: string;
  /** The roles that answer it (the first one's asked words detect it, unless `asked` is given). */
  roles: RoleName[];
  /** Words of a question that ask for it (a regular expression source); default: the first role's. */
  asked?: string;
  /** Narrows the roles by what the question says ("作了发言" asks for 发言 only). */
  narrow?(text: string): string[];
}

/**
 * Answers a role question: the role clauses of the most relevant article as printed (every person
 * with their post); with no fact of that role, the sentence of the article(s) asked about that says it.
 */
export function answerRole(ctx: AnswerContext): Claim[] {
  const claims = roleClaims(ctx.q, ctx.ranked(), ctx.relevance);
  if (claims.length > 0 || !ctx.q.verb) return claims;
  // No fact of that role: a sentence of the article(s) asked about that says it ("赵海燕带领区委办、…").
  return whoDidSentence(ctx);
}

/** A question kind about a role at the event (attend, preside, accompany, lead, speak, elected). */
export function roleKind(spec: RoleKindSpec): QuestionKind {
  const asked = new RegExp(spec.asked ?? roleWord(spec.roles[0] as RoleName)?.asked ?? spec.roles.join("|"));
  return {
    name: spec.name,
    description: spec.description,
    roleAsk: true,
    detect(q: QuestionBase): Detected | undefined {
      if (!asked.test(q.text) || !asksWho(q.text)) return undefined;
      return { roles: spec.narrow?.(q.text) ?? spec.roles, verb: q.text.match(asked)?.[0] };
    },
    answer: answerRole,
  };
}
