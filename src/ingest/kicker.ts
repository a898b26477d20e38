import { headlineEvidence } from "./assemble.js";
import { COLUMN_TAG, type Headline } from "./classify.js";
import { unclosed } from "./text.js";

/** Share of a line's word pairs the lead says, at most, for that line to be a kicker. */
const KICKER_MAX_EVIDENCE = 0.25;
/** How much more of the rest of the headline than of the kicker the lead must say. */
const KICKER_MARGIN = 0.25;
/** What the lead must say of the rest when the first line is as long as the line under it. */
const LONG_KICKER_EVIDENCE = 0.5;

/**
 * A headline printed on several lines and read as one wrapped headline,
 * split into kicker (引题) and main headline once its body is known: the
 * first line is a kicker when it is shorter than the line under it (a wrap
 * fills the column; a kicker need not), the lead says little of it
 * ("聚焦高质量发展") and clearly more of the lines under it; a first line as
 * long as the next is a kicker only when the lead says none of it and half
 * of the rest. A wrapped headline whose first line the lead says
 * ("卢和平督导" / "“四好农村路”建设工作") stays whole. Returns null when the
 * headline stays as read.
 */
export function separateKicker(lines: string[], lead: string): Headline | null {
  if (lines.length < 2) return null;
  const [top = "", next = ""] = lines;
  // A column tag with words after it opens the main headline ("【…】我国" / "夏粮…"): no kicker;
  // nor is a line that leaves a bracket or quote open ("【第33届夏季奥林匹克运" / "动会】…").
  const tag = COLUMN_TAG.exec(top)?.[0];
  if ((tag !== undefined && tag.length < top.length) || unclosed(top)) return null;
  const main = lines.slice(1).join("");
  const topSays = headlineEvidence(top, lead);
  const mainSays = headlineEvidence(main, lead);
  if (top.length >= next.length) {
    // As long as a wrapped line: a kicker only when the lead says none of it and much of the rest.
    return topSays === 0 && mainSays >= LONG_KICKER_EVIDENCE ? { main, sub: top } : null;
  }
  if (topSays > KICKER_MAX_EVIDENCE) return null;
  if (mainSays < topSays + KICKER_MARGIN) return null;
  return { main, sub: top };
}
