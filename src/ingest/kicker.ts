import { headlineEvidence } from "./assemble.js";
import type { Headline } from "./classify.js";

/** Share of a line's word pairs the lead says, at most, for that line to be a kicker. */
const KICKER_MAX_EVIDENCE = 0.25;
/** How much more of the rest of the headline than of the kicker the lead must say. */
const KICKER_MARGIN = 0.25;

/**
 * A headline printed on several lines and read as one wrapped headline,
 * split into kicker (引题) and main headline once its body is known: the
 * first line is a kicker when it is shorter than the line under it (a wrap
 * fills the column; a kicker need not), the lead says little of it
 * ("聚焦高质量发展") and clearly more of the lines under it. A wrapped
 * headline whose first line the lead says ("卢和平督导" / "“四好农村路”建设工作")
 * stays whole. Returns null when the headline stays as read.
 */
export function separateKicker(lines: string[], lead: string): Headline | null {
  if (lines.length < 2) return null;
  const [top = "", next = ""] = lines;
  if (top.length >= next.length) return null;
  const main = lines.slice(1).join("");
  const topSays = headlineEvidence(top, lead);
  if (topSays > KICKER_MAX_EVIDENCE) return null;
  if (headlineEvidence(main, lead) < topSays + KICKER_MARGIN) return null;
  return { main, sub: top };
}
