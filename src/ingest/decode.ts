import chardet from "chardet";
import iconv from "iconv-lite";

/** A decoded file, or why it cannot be read as text. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Share of control bytes (other than tab, CR, LF, FF, ESC) that marks a file as binary. */
const MAX_CONTROL_SHARE = 0.01;

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / Math.max(1, n) > MAX_CONTROL_SHARE;
}

/** Whether decoded text reads as Chinese text rather than mojibake. */
function plausibleChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  let bad = 0;
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) bad++;
    else if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef)
    )
      cjk++;
  }
  if (nonAscii === 0) return true;
  return bad / nonAscii < 0.005 && cjk / nonAscii > 0.6;
}

/** Whether `code` is a character a bulletin is made of: CJK, its punctuation, full-width forms, printable ASCII, whitespace. */
function textChar(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x00a0 && code <= 0x00ff) ||
    (code >= 0x2460 && code <= 0x25ff)
  );
}

/** Share of code units of `text` that are bulletin characters (unpaired surrogates count against). */
function textShare(text: string): number {
  let good = 0;
  let n = 0;
  for (const c of text) {
    n++;
    if (textChar(c.codePointAt(0) as number)) good++;
  }
  return n === 0 ? 0 : good / n;
}

/** Share of bulletin characters a UTF-16 reading must reach (a reading of GB18030 or UTF-8 bytes gives mostly Hangul and private-use code points). */
const MIN_UTF16_TEXT_SHARE = 0.98;

/**
 * UTF-16 without a byte-order mark: the bytes read as UTF-16LE or BE give
 * (almost) only bulletin characters. When both readings do, the one whose
 * ASCII characters put their zero byte on the expected side wins. Returns
 * undefined when neither reading is plausible.
 */
function sniffUtf16(buf: Uint8Array): { text: string; encoding: string } | undefined {
  const even = buf.length - (buf.length % 2);
  if (even < 2) return undefined;
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, even);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < even; i++) if (bytes[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  const readings = (["utf-16le", "utf-16be"] as const)
    .map((encoding) => {
      const text = iconv.decode(bytes, encoding);
      return { text, encoding, share: textShare(text) };
    })
    .filter((r) => r.share >= MIN_UTF16_TEXT_SHARE && plausibleChinese(r.text));
  const best = readings.length === 2 ? readings[zeroOdd >= zeroEven ? 0 : 1] : readings[0];
  return best && { text: best.text, encoding: best.encoding };
}

/**
 * Bytes of a bulletin file → text. UTF-8 (with or without BOM) and UTF-16
 * with BOM are read directly; UTF-16 without one is recognised by its
 * characters (`sniffUtf16`); anything else is sniffed with chardet and
 * decoded with iconv-lite, GB18030 (a superset of GBK and GB2312) being the
 * fallback for Chinese pages. Empty, binary and undecodable files come back
 * with a reason a user can act on (in Chinese: the bot shows it).
 */
export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) return { ok: false, reason: "文件是空的（0 字节），没有可导入的内容" };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    try {
      return { ok: true, text: utf8.decode(buf.subarray(3)), encoding: "utf-8" };
    } catch {
      return { ok: false, reason: "文件标明是 UTF-8，但内容不是有效的 UTF-8 文本" };
    }
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const enc = buf[0] === 0xff ? "utf-16le" : "utf-16be";
    return { ok: true, text: iconv.decode(Buffer.from(buf.subarray(2)), enc), encoding: enc };
  }
  // UTF-16 of Chinese text with ASCII in it has zero bytes: try it before calling the file binary.
  const hasZero = buf.indexOf(0) !== -1;
  const utf16 = hasZero ? sniffUtf16(buf) : undefined;
  if (utf16) return { ok: true, ...utf16 };
  if (looksBinary(buf))
    return { ok: false, reason: "不是文本文件（看起来是二进制文件，如图片、PDF 或压缩包），请另存为 .txt 文本" };
  try {
    return { ok: true, text: utf8.decode(buf), encoding: "utf-8" };
  } catch {
    // not UTF-8: sniff below
  }
  // UTF-16 of Chinese text alone has no zero byte, and is never valid UTF-8.
  const cjk16 = hasZero ? undefined : sniffUtf16(buf);
  if (cjk16) return { ok: true, ...cjk16 };
  // UTF-8 with a few broken bytes (a truncated copy, a bad sector): keep it as UTF-8
  // rather than mistake it for GB18030, which would turn every character into mojibake.
  const lenient = new TextDecoder("utf-8").decode(buf);
  const broken = lenient.split("\uFFFD").length - 1;
  if (broken > 0 && broken <= Math.max(2, lenient.length / 1000) && plausibleChinese(lenient.replace(/\uFFFD/g, ""))) {
    return { ok: true, text: lenient, encoding: "utf-8" };
  }
  const guess = (chardet.detect(buf) ?? "").toLowerCase();
  const candidates = [/big5/.test(guess) ? "big5" : "gb18030", /big5/.test(guess) ? "gb18030" : "big5"];
  for (const enc of candidates) {
    const text = iconv.decode(Buffer.from(buf), enc);
    if (plausibleChinese(text)) return { ok: true, text, encoding: enc };
  }
  return {
    ok: false,
    reason: `无法识别文件编码（检测结果：${guess || "未知"}），请转换为 UTF-8 或 GBK 编码的文本后再导入`,
  };
}
