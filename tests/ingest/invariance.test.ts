import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode.js";
import { parsePage } from "../../src/ingest/parse-page.js";

/** The same page in another encoding, line ending or width gives the same articles. */
const DIR = path.resolve("data/bulletins");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt"));

function parseBytes(bytes: Buffer, source: string) {
  const d = decodeBytes(bytes);
  if (!d.ok) throw new Error(d.reason);
  return parsePage(d.text, { source });
}

describe.each(files)("%s", (file) => {
  const text = fs.readFileSync(path.join(DIR, file), "utf8");
  const expected = parsePage(text, { source: file });

  it("is read the same from GBK bytes", () => {
    expect(parseBytes(iconv.encode(text, "gbk"), file)).toEqual(expected);
  });

  it("is read the same with Windows line endings and a BOM", () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, "\r\n"))]);
    expect(parseBytes(crlf, file)).toEqual(expected);
  });

  it("is read the same with full-width digits", () => {
    const wide = text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parsePage(wide, { source: file })).toEqual(expected);
  });
});
