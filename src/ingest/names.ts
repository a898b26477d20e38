/**
 * Recognizing people's names in bylines ("樊玉峰 牛婷婷", "（孟轩）",
 * "记者 张改华 通讯员 张光明") and photo credits ("高鸿勋 摄").
 */

import { surnameAt } from "../core/zh/surnames.js";

/** Whether `token` looks like a person's name: 2–4 Chinese characters starting with a surname. */
export function isPersonName(token: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token)) return false;
  const s = surnameAt(token);
  return s === 2 || (s === 1 && token.length <= 3);
}

/** Whether `token` is 2–4 Chinese characters (a name when the context says so). */
export function isNameShaped(token: string): boolean {
  return /^[\u4e00-\u9fff]{2,4}$/.test(token);
}

/** Role words of a byline, longest first. */
const ROLE =
  /^(本报特约记者|本报记者|本报通讯员|特约记者|见习记者|首席记者|记者|特约通讯员|通讯员|实习生|见习生|撰稿|摄影|摄像|文\/图|图\/文|文图|编辑|作者|供稿|整理|文|图)/;

/**
 * Whether a line is a labelled byline: role words and names only
 * ("记者 张改华 通讯员 张光明", "本报记者 詹长松", "记者原文钊 通讯员王欢",
 * "通讯员琚弋翀、刘红梅").
 */
export function isLabelledByline(line: string): boolean {
  const s = line.trim();
  if (s.length > 60 || /[。！？；]/.test(s)) return false;
  const tokens = s.split(/[\s、，,:：/]+/).filter(Boolean);
  let names = 0;
  let roles = 0;
  for (let t of tokens) {
    let m = ROLE.exec(t);
    while (m) {
      roles++;
      t = t.slice(m[0].length);
      m = t ? ROLE.exec(t) : null;
    }
    if (t === "") continue;
    if (!isNameShaped(t)) return false;
    names++;
  }
  // A role first ("记者 张三"), or after names as its own word ("韩立平 文/朱国伟 图").
  return names > 0 && roles > 0 && (ROLE.test(s) || isPersonName(tokens[0] ?? ""));
}

/** Whether a line lists only people's names ("樊玉峰 牛婷婷", "苏娜"), each with a known surname. */
export function isNameList(line: string, requireSurname = true): boolean {
  const tokens = line
    .trim()
    .split(/[\s、，,]+/)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  return tokens.every((t) => (requireSurname ? isPersonName(t) : isNameShaped(t)));
}

/**
 * A byline line → its credit text, or null when the line is no byline.
 * Brackets and the "本报" of "本报记者" are dropped, markers ("□王水涛")
 * too: "（孟轩）" → "孟轩", "本报记者 詹长松" → "记者 詹长松".
 * `strong` bylines are recognized anywhere; bare name lists only where the
 * layout says so (see `parse-page.ts`).
 */
export function parseByline(line: string): { text: string; strong: boolean } | null {
  const s = line.trim();
  const bracket = /^[（(]\s*(.+?)\s*[）)]$/.exec(s);
  if (bracket?.[1] && (isLabelledByline(bracket[1]) || isNameList(bracket[1], false))) {
    return { text: bracket[1].replace(/^本报/, ""), strong: true };
  }
  // An office credited for the text: "（县政府办供稿）".
  if (bracket?.[1] && /^[\u4e00-\u9fff]{2,14}(供稿|撰稿|报道|整理)$/.test(bracket[1])) {
    return { text: bracket[1], strong: true };
  }
  const marker = /^[□■●◎▲△◆◇]\s*(.+)$/.exec(s);
  if (marker?.[1] && (isLabelledByline(marker[1]) || isNameList(marker[1], false))) {
    return { text: marker[1].replace(/^本报/, ""), strong: true };
  }
  if (isLabelledByline(s)) return { text: s.replace(/^本报/, ""), strong: true };
  if (isNameList(s)) return { text: s, strong: false };
  return null;
}

/**
 * A photo caption ends with its credit ("… 高鸿勋 摄", "…方式。廉玮摄",
 * "（张三 李四 摄）"). Returns the caption text and the photographers, or
 * null when `text` carries no credit.
 */
export function splitPhotoCredit(text: string): { caption: string; credit: string } | null {
  let s = text.trim().replace(/[）)]$/, "");
  const end = /\s*[/／]?\s*摄影?$/.exec(s);
  if (!end) return null;
  s = s.slice(0, end.index).trimEnd();
  const names: string[] = [];
  for (;;) {
    const m = /(?:^|[\s、])([\u4e00-\u9fff]{2,4})$/.exec(s);
    if (!m?.[1] || names.length === 3) break;
    if (names.length > 0 ? !isPersonName(m[1]) : !isNameShaped(m[1])) break;
    names.unshift(m[1]);
    s = s.slice(0, s.length - m[1].length).replace(/[\s、]+$/, "");
  }
  if (names.length === 0) {
    // A name glued to the caption's last sentence ("…处置方式。廉玮").
    for (const len of [3, 2]) {
      const tail = s.slice(-len);
      if (isPersonName(tail) && /[。！？”）)]$/.test(s.slice(0, -len))) {
        names.push(tail);
        s = s.slice(0, -len);
        break;
      }
    }
  }
  if (names.length === 0) return null;
  return { caption: s.replace(/[\s（(]+$/, "").trim(), credit: names.join(" ") };
}
