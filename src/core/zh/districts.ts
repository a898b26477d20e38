/**
 * The forms a county-level name is said in: "管城回族区" is also "管城区" and "管城", "新郑市" is
 * also "新郑", "鹿邑县" "鹿邑". Questions use the short forms; articles and the store use the full one.
 */

/** Ethnic and autonomy words inside a county name that speech leaves out ("管城回族区" → "管城区"). */
const INNER = /(?:回族|满族|蒙古族|土家族|苗族|彝族|壮族|藏族|瑶族|侗族|自治)/g;

/** The forms of a county-level name, full form first, then without ethnic words, then the stem (≥ 2 characters). */
export function districtForms(name: string): string[] {
  const forms = [name];
  const plain = name.replace(INNER, "");
  if (plain !== name && plain.length >= 2) forms.push(plain);
  const stem = plain.replace(/(?:区|县|市|旗)$/, "");
  if (stem.length >= 2 && stem !== plain) forms.push(stem);
  return [...new Set(forms)];
}

/**
 * The known district a text names in any of its forms, longest form first ("管城区" → "管城回族区"),
 * or undefined. A stem counts only when no 区/县/市 of another name follows it ("新郑市" yes, "新郑" yes).
 */
export function districtIn(text: string, districts: readonly string[]): string | undefined {
  let best: { d: string; len: number } | undefined;
  for (const d of districts) {
    for (const f of districtForms(d)) {
      if (f.length > (best?.len ?? 0) && text.includes(f)) best = { d, len: f.length };
    }
  }
  return best?.d;
}
