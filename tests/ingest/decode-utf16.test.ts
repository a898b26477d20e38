import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode.js";

const DIR = path.resolve("data/bulletins");
const PAGES = fs.readdirSync(DIR).map((f) => fs.readFileSync(path.join(DIR, f), "utf8"));
const CJK_ONLY = "孟州市召开专题会议。本报讯：孟州市召开谋划项目专项债券申报工作专题会议，市领导出席会议。";
const TRAD = "新鄭市舉辦黃帝文化節，吸引數萬名遊客參觀。會議強調，要進一步做好服務保障工作。";

describe("UTF-16 without a byte-order mark", () => {
  it("decodes every sample page saved as UTF-16LE or UTF-16BE without BOM", () => {
    for (const page of PAGES) {
      for (const enc of ["utf-16le", "utf-16be"]) {
        expect(decodeBytes(iconv.encode(page, enc))).toEqual({ ok: true, text: page, encoding: enc });
      }
    }
  });

  it("decodes Chinese text with no ASCII at all (no zero byte to go by)", () => {
    for (const enc of ["utf-16le", "utf-16be"]) {
      expect(decodeBytes(iconv.encode(CJK_ONLY, enc))).toEqual({ ok: true, text: CJK_ONLY, encoding: enc });
    }
  });

  it("still reads the same pages in UTF-8, GB18030 and Big5 as before", () => {
    for (const page of PAGES) {
      expect(decodeBytes(Buffer.from(page))).toMatchObject({ ok: true, encoding: "utf-8" });
      expect(decodeBytes(iconv.encode(page, "gb18030"))).toEqual({ ok: true, text: page, encoding: "gb18030" });
    }
    expect(decodeBytes(iconv.encode(CJK_ONLY, "gb18030"))).toMatchObject({ ok: true, encoding: "gb18030" });
    expect(decodeBytes(iconv.encode(TRAD, "big5"))).toEqual({ ok: true, text: TRAD, encoding: "big5" });
  });

  it("still refuses binary files", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const r = decodeBytes(Buffer.concat([png, Buffer.alloc(200, 0)]));
    expect(r.ok).toBe(false);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(decodeBytes(random).ok).toBe(false);
  });
});
