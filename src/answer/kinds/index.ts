import { accompany } from "./accompany.js";
import { attend } from "./attend.js";
import { byline } from "./byline.js";
import { elected } from "./elected.js";
import { generic } from "./generic.js";
import { howMany } from "./how-many.js";
import type { QuestionKind } from "./kind.js";
import { lead } from "./lead.js";
import { postOf } from "./post-of.js";
import { preside } from "./preside.js";
import { sitIn } from "./sit-in.js";
import { speak } from "./speak.js";
import { twoPart } from "./two-part.js";
import { visits } from "./visits.js";
import { when } from "./when.js";
import { where } from "./where.js";
import { which } from "./which.js";
import { whoDid } from "./who-did.js";
import { whoHoldsPost } from "./who-holds-post.js";
import { yesNo } from "./yes-no.js";

/**
 * Every question kind, in priority order: the first whose `detect` claims a question answers it.
 * Adding a kind is one file in this folder, one entry here and one test table
 * (`tests/answer/kinds/`). `generic` claims every question, so it stays last.
 */
export const KINDS: readonly QuestionKind[] = [
  byline,
  yesNo,
  postOf,
  whoHoldsPost,
  preside,
  sitIn,
  accompany,
  lead,
  attend,
  speak,
  elected,
  twoPart,
  visits,
  when,
  where,
  howMany,
  whoDid,
  which,
  generic,
];

const BY_NAME = new Map(KINDS.map((k) => [k.name, k]));
if (BY_NAME.size !== KINDS.length) throw new Error("two question kinds share a name in src/answer/kinds/index.ts");

/** The kind named `name`; throws when there is none (a typo in a kind name must not answer silently). */
export function kindNamed(name: string): QuestionKind {
  const k = BY_NAME.get(name);
  if (!k) throw new Error(`unknown question kind "${name}": add it to KINDS in src/answer/kinds/index.ts`);
  return k;
}
