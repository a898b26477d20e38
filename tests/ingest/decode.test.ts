import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode.js";

const SAMPLE = "孟州市召开专题会议\n\n本报讯 3月26日，孟州市召开谋划项目专项债券申报工作专题会议。\n";

describe("decodeBytes", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeBytes(Buffer.from(SAMPLE))).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8" });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]);
    expect(decodeBytes(bom)).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8" });
  });

  it("detects and decodes GBK / GB18030", () => {
    for (const enc of ["gbk", "gb18030"]) {
      const r = decodeBytes(iconv.encode(SAMPLE, enc));
      expect(r).toEqual({ ok: true, text: SAMPLE, encoding: "gb18030" });
    }
  });

  it("decodes Big5 (traditional characters)", () => {
    const trad = "新鄭市舉辦黃帝文化節，吸引數萬名遊客參觀。會議強調，要進一步做好服務保障工作。";
    const r = decodeBytes(iconv.encode(trad, "big5"));
    expect(r).toEqual({ ok: true, text: trad, encoding: "big5" });
  });

  it("keeps UTF-8 with a broken byte as UTF-8 instead of decoding it as GB18030", () => {
    const bytes = Buffer.concat([Buffer.from(SAMPLE), Buffer.from([0xe5, 0xad]), Buffer.from(SAMPLE)]);
    const r = decodeBytes(bytes);
    expect(r.ok && r.encoding).toBe("utf-8");
    expect(r.ok && r.text.startsWith(SAMPLE)).toBe(true);
  });

  it("reads UTF-16 with BOM", () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, "utf-16le")]));
    expect(r).toEqual({ ok: true, text: SAMPLE, encoding: "utf-16le" });
  });

  it("refuses empty, binary and undecodable files with a reason", () => {
    const empty = decodeBytes(Buffer.alloc(0));
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.reason).toContain("空");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const bin = decodeBytes(png);
    expect(!bin.ok && bin.reason).toContain("二进制");
    // Latin-1 text: valid in no Chinese encoding as Chinese.
    const latin = decodeBytes(
      Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu \xe0 la fran\xe7aise", "latin1"),
    );
    expect(latin.ok).toBe(false);
    expect(!latin.ok && latin.reason).toContain("编码");
  });
});
