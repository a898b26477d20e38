import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/bot/format/answer.js";
import { renderArticle } from "../../src/bot/format/article.js";
import { renderDigest } from "../../src/bot/format/digest.js";
import { escapeHtml, htmlToPlain } from "../../src/bot/format/html.js";
import { renderSources } from "../../src/bot/format/sources.js";
import { packBlocks, splitPlainText } from "../../src/bot/format/split.js";
import { telegramHtmlError } from "./emulator.js";
import { article } from "./fakes.js";

describe("escapeHtml", () => {
  it("escapes the three characters Telegram HTML reserves and round-trips through htmlToPlain", () => {
    const hostile = `<b>x</b> & <a href="y">z</a>`;
    const escaped = escapeHtml(hostile);
    expect(escaped).toBe(`&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;z&lt;/a&gt;`);
    expect(htmlToPlain(escaped)).toBe(hostile);
  });
});

describe("splitPlainText", () => {
  it("keeps paragraphs whole and every piece within the limit", () => {
    const paras = Array.from({ length: 40 }, (_, i) => `第${i}段。${"字".repeat(200)}`);
    const pieces = splitPlainText(paras.join("\n"), 1000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(1000);
    // No paragraph is cut: each piece is a run of whole paragraphs.
    expect(pieces.join("\n\n")).toBe(paras.join("\n\n"));
  });

  it("cuts a paragraph longer than the limit at sentence ends, losing nothing", () => {
    const long = Array.from({ length: 30 }, (_, i) => `这是第${i}句话，内容${"很".repeat(50)}长。`).join("");
    const pieces = splitPlainText(long, 500);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.endsWith("。")).toBe(true);
    }
    expect(pieces.join("")).toBe(long);
  });

  it("never splits an HTML entity when it must cut hard", () => {
    const pieces = packBlocks([escapeHtml("&".repeat(50))], 12);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(12);
      expect(p).toMatch(/^(&amp;)+$/);
    }
  });
});

describe("renderArticle", () => {
  it("puts title, district, date, source, byline and id in the header and the whole text after it", () => {
    const a = article({ title: "标题<script>", text: `${"第一段。".repeat(600)}\n${"第二段。".repeat(600)}` });
    const messages = renderArticle(a);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const first = messages[0] ?? "";
    expect(first).toContain("<b>标题&lt;script&gt;</b>");
    expect(first).toContain("陕州区");
    expect(first).toContain("2026-02-01");
    expect(first).toContain("test.txt");
    expect(first).toContain("记者 张三");
    expect(first).toContain("a1b2c3d4");
    const all = htmlToPlain(messages.join("\n\n"));
    expect(all).toContain("第一段。".repeat(600));
    expect(all).toContain("第二段。".repeat(600));
  });
});

describe("renderAnswer", () => {
  it("escapes the answer, lists citations and makes one button per citation", () => {
    const r = renderAnswer({
      question: "q",
      answer: "李军<b>出席</b>。[1][2]",
      found: true,
      citations: [
        {
          n: 1,
          articleId: "aaaa1111",
          title: "会议<1>",
          district: "陕州区",
          date: "2026-02-01",
          source: "s",
          quote: "q",
        },
        { n: 2, articleId: "bbbb2222", title: "会议2", district: null, date: null, source: "s", quote: "q" },
      ],
    });
    const text = r.messages.join("\n");
    expect(text).toContain("李军&lt;b&gt;出席&lt;/b&gt;。[1][2]");
    expect(text).toContain("1. 《会议&lt;1&gt;》 陕州区 · 2026-02-01");
    expect(text).toContain("2. 《会议2》");
    expect(r.buttons).toEqual([
      { text: "📄 原文 1", data: "art:aaaa1111" },
      { text: "📄 原文 2", data: "art:bbbb2222" },
    ]);
  });

  it("has no buttons and a hint when the news does not answer", () => {
    const r = renderAnswer({ question: "q", answer: "没有找到。", found: false, citations: [] });
    expect(r.buttons).toEqual([]);
    expect(r.messages.join("")).toContain("/sources");
  });
});

describe("renderDigest and renderSources", () => {
  it("renders a dated digest with numbered items and one-tap /a_ links, split at item boundaries", () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      articleId: `id${i}`,
      title: `标题${i}&`,
      district: "孟州市",
      date: "2020-03-28",
      summary: "摘要".repeat(50),
      source: "f.txt",
    }));
    const messages = renderDigest({ date: "2020-03-28", district: null, items });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const all = messages.join("\n\n");
    expect(all).toContain("2020-03-28 新闻摘要");
    expect(all).toContain("<b>60. 标题59&amp;</b>");
    expect(all).toContain("/a_id59");
  });

  it("lists districts with counts and ranges", () => {
    const text = renderSources([
      { district: "陕州区", count: 3, first: "2026-02-01", last: "2026-02-05" },
      { district: "", count: 1, first: null, last: null },
    ]);
    expect(text).toContain("已收录 4 篇新闻");
    expect(text).toContain("陕州区：3 篇（2026-02-01 至 2026-02-05）");
    expect(text).toContain("未标明区县：1 篇（日期不详）");
    expect(renderSources([])).toContain("还没有收录");
  });
});

describe("Telegram HTML validity", () => {
  it("every renderer produces HTML Telegram accepts, even from hostile news and questions", () => {
    const evil = `<script>&nbsp;</b>&#x; <a href="x">`;
    const a = article({
      title: evil,
      subtitle: evil,
      byline: evil,
      district: evil,
      text: `${evil}\n${evil.repeat(900)}`,
    });
    const outputs = [
      ...renderArticle(a),
      ...renderAnswer({
        question: evil,
        answer: `${evil}[1]`,
        found: true,
        citations: [{ n: 1, articleId: "x", title: evil, district: evil, date: evil, source: evil, quote: evil }],
      }).messages,
      ...renderDigest({
        date: evil,
        district: evil,
        items: [{ articleId: evil, title: evil, district: evil, date: evil, summary: evil, source: evil }],
      }),
      renderSources([{ district: evil, count: 1, first: evil, last: evil }]),
    ];
    expect(telegramHtmlError("<b>ok</b> &amp;")).toBeUndefined();
    expect(telegramHtmlError("<script>")).toBeDefined();
    for (const o of outputs) {
      expect(telegramHtmlError(o)).toBeUndefined();
      expect(o.length).toBeLessThanOrEqual(4096);
    }
  });
});
