/**
 * Meeting names as people say them and as papers print them: a question
 * may use a colloquial or short form ("人代会", "常务会", "政协会") of the
 * name the news prints ("人民代表大会", "常务会议", "政治协商会议"). Each
 * entry lists the forms that name the same thing; a question unit in one
 * form matches a text printing any form.
 */

/** Groups of forms of one meeting or body name, the spoken form first. */
export const MEETING_FORMS: readonly (readonly string[])[] = [
  ["人代会", "人大会议", "人民代表大会", "人大"],
  ["政协会议", "政协会", "政治协商会议", "政协"],
  ["常务会", "常务会议"],
  ["常委会", "常委会议", "常务委员会"],
  ["办公会", "办公会议"],
  ["专题会", "专题会议"],
  ["推进会", "推进会议", "工作会议"],
  ["两会", "人大会议", "政协会议"],
  ["党代会", "党代表大会", "党员代表大会"],
  ["职代会", "职工代表大会"],
  ["团代会", "共青团代表大会", "团代表大会"],
  ["妇代会", "妇女代表大会"],
  ["明查", "明察"],
  ["开幕会", "开幕式", "开幕"],
  ["闭幕会", "闭幕式", "闭幕"],
  ["全会", "全体会议"],
  ["人大代表", "人民代表大会代表"],
  // How many were due and came: "应到…实到…" is printed "应出席…实际出席…" as often.
  ["应到", "应出席", "应到会"],
  ["实到", "实际出席", "实到会", "实出席"],
];

const FORMS = new Map<string, string[]>();
for (const group of MEETING_FORMS) {
  for (const f of group) FORMS.set(f, [...new Set([...(FORMS.get(f) ?? []), ...group])]);
}

/** The forms `unit` may be printed in (itself first); the unit alone when it has no other form. */
export function formsOf(unit: string): string[] {
  const forms = FORMS.get(unit);
  if (forms) return [unit, ...forms.filter((f) => f !== unit)];
  // A unit ending in a short form ("常务会" inside "第55次常务会"): the unit with the printed ending.
  for (const [short, group] of FORMS) {
    if (unit.length > short.length && unit.endsWith(short)) {
      const head = unit.slice(0, -short.length);
      return [unit, ...group.filter((f) => f !== short).map((f) => head + f)];
    }
  }
  // Any other "…会" ("座谈会", "动员会", "调度会"): papers print "…会议" as often.
  if (unit.length >= 3 && unit.endsWith("会")) return [unit, `${unit}议`];
  return [unit];
}

/**
 * The closing formula of a meeting report that names nothing ("会议还研究了其他事项。",
 * "会上还讨论了有关事宜"): it answers no question, not even "研究了哪些事项".
 */
export const VOID_SENTENCE =
  /^(?:会议|会上|此外)?[，,]?还?(?:研究|讨论|审议|部署|安排|听取)了?(?:其他|其它|有关|相关|其余)(?:事项|事宜|工作|议题)[。；;]?$/;
