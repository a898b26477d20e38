import { describe, expect, it } from "vitest";
import { citationDate } from "../../src/answer/citations.js";
import { claimsOf, renderAnswer } from "../../src/bot/format/answer.js";
import { renderArticle } from "../../src/bot/format/article.js";
import { digestCallback, digestKeyboard, districtPicker, renderDigest } from "../../src/bot/format/digest.js";
import { escapeHtml, htmlToPlain } from "../../src/bot/format/html.js";
import { renderSources } from "../../src/bot/format/sources.js";
import { packBlocks, splitPlainText } from "../../src/bot/format/split.js";
import type { Citation } from "../../src/core/types.js";
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

describe("answers a phone user can check", () => {
  const cite = (n: number, quote: string, over: Partial<Citation> = {}): Citation => ({
    n,
    articleId: `id${n}`,
    title: `标题${n}`,
    district: "孟州市",
    date: "2020-03-27",
    source: "x.txt",
    quote,
    ...over,
  });

  it("puts each claim's quote under it once, as an expandable blockquote", () => {
    const r = renderAnswer({
      question: "q",
      answer: "甲主持会议。[1]乙出席。[2]甲还讲话。[1]",
      found: true,
      citations: [cite(1, "甲主持会议并讲话。"), cite(2, "乙出席会议。")],
    });
    const html = r.messages.join("\n");
    expect(html).toContain("甲主持会议。[1]\n<blockquote expandable>[1] 甲主持会议并讲话。</blockquote>");
    expect(html).toContain("乙出席。[2]\n<blockquote expandable>[2] 乙出席会议。</blockquote>");
    expect(html.split("[1] 甲主持会议并讲话。").length - 1).toBe(1);
    expect(telegramHtmlError(html)).toBeUndefined();
  });

  it("shows a date of unknown year as printed, marked 年份不详", () => {
    expect(citationDate(null, "3月27日")).toBe("3月27日（年份不详）");
    expect(citationDate(null, "2020年3月27日")).toBe("2020年3月27日");
    expect(citationDate("2020-03-27", "3月27日")).toBe("2020-03-27");
    expect(citationDate(null, null)).toBeNull();
    expect(citationDate(null, "近日")).toBeNull();
    expect(citationDate(null, "3月27日上午")).toBe("3月27日（年份不详）");
    const r = renderAnswer(
      { question: "q", answer: "甲主持会议。[1]", found: true, citations: [cite(1, "甲主持会议。", { date: null })] },
      { dateTextOf: () => "3月27日" },
    );
    expect(r.messages.join("\n")).toContain("1. 《标题1》 孟州市 · 3月27日（年份不详）");
  });

  it("long answers with many long quotes split into balanced messages of at most 4096 characters", () => {
    for (const size of [10, 200, 900, 3000, 5000]) {
      const citations = Array.from({ length: 8 }, (_, i) => cite(i + 1, `<引文&${"句".repeat(size)}>。`));
      const answer = citations.map((c) => `${"论".repeat(size)}<b>&。[${c.n}]`).join("");
      const r = renderAnswer({ question: "q", answer, found: true, citations });
      for (const m of r.messages) {
        expect(m.length).toBeLessThanOrEqual(4096);
        expect(telegramHtmlError(m)).toBeUndefined();
      }
      expect(r.messages.join("").match(/<blockquote expandable>/g)).toHaveLength(8);
    }
  });

  it("claimsOf splits at the [n] markers", () => {
    expect(claimsOf("甲。[1]乙，[2][3]丙")).toEqual([
      { text: "甲。[1]", ns: [1] },
      { text: "乙，[2][3]", ns: [2, 3] },
      { text: "丙", ns: [] },
    ]);
  });
});

describe("digest buttons", () => {
  const digest = (date: string | null, district: string | null, n = 3) => ({
    date,
    district,
    items: Array.from({ length: n }, (_, i) => ({
      articleId: `a${i}`,
      title: `t${i}`,
      district,
      date,
      summary: "s",
      source: "x.txt",
    })),
  });

  it("one button per article, previous/next day with news, the district picker; callbacks ≤ 64 bytes", () => {
    const kb = digestKeyboard(digest("2020-03-27", "孟州市"), ["2020-03-28", "2020-03-26", "2020-03-27", "2021-02-19"]);
    const buttons = kb.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.callback_data)).toEqual([
      "art:a0",
      "art:a1",
      "art:a2",
      "dg:2020-03-26:孟州市",
      "dg:2020-03-28:孟州市",
      "dp:2020-03-27",
    ]);
    expect(buttons.map((b) => b.text)).toContain("◀ 前一天");
    expect(buttons.map((b) => b.text)).toContain("后一天 ▶");
    // A district whose callback would pass 64 bytes gets no navigation button rather than a broken one.
    expect(digestCallback("2020-03-27", "区".repeat(20))).toBeUndefined();
    const picker = districtPicker("2020-03-27", ["孟州市", "区".repeat(20)]).inline_keyboard.flat() as {
      text: string;
      callback_data: string;
    }[];
    expect(picker.map((b) => b.callback_data)).toEqual(["dg:2020-03-27:孟州市", "dg:2020-03-27:"]);
  });

  it("a subscriber digest (no date) has article buttons only", () => {
    const kb = digestKeyboard(digest(null, null, 2), ["2020-03-27"]);
    expect((kb.inline_keyboard.flat() as { callback_data: string }[]).map((b) => b.callback_data)).toEqual([
      "art:a0",
      "art:a1",
    ]);
  });
});
