import { describe, expect, it } from "vitest";
import { chunkArticle, chunkEmbeddingText, splitSentences } from "../../src/index/chunker.js";

const sentence = (i: number) => `第${i}句话讲述了区里的一项具体工作,涉及多个部门和乡镇的协同推进与落实情况。`;

describe("splitSentences", () => {
  it("ends sentences after 。！？； with their closing quotes, and at line breaks", () => {
    const text = "他说:“好。”然后走了!真的吗?是的;\n新段落没有句号";
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual(["他说:“好。”", "然后走了!", "真的吗?", "是的;", "新段落没有句号"]);
  });
});

describe("chunkArticle", () => {
  const text = Array.from({ length: 30 }, (_, i) => sentence(i)).join("") + "\n" + sentence(99);

  it("gives spans that round-trip to the article text", () => {
    const chunks = chunkArticle({ text, repeatedParagraphs: [] });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text.length).toBeLessThanOrEqual(350);
    }
    expect(chunks.map((c) => c.chunkIndex)).toEqual(chunks.map((_, i) => i));
  });

  it("keeps chunks of whole sentences, 150–350 characters, overlapping by one sentence", () => {
    const chunks = chunkArticle({ text, repeatedParagraphs: [] });
    for (const c of chunks.slice(0, -1)) {
      expect(c.text.length).toBeGreaterThanOrEqual(150);
      expect(c.text.endsWith("。")).toBe(true);
    }
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]!;
      const cur = chunks[i]!;
      const lastSentence = splitSentences(prev.text).at(-1)!;
      expect(cur.text.startsWith(prev.text.slice(lastSentence.start, lastSentence.end))).toBe(true);
    }
    // every sentence of the text is in some chunk
    for (const s of splitSentences(text)) {
      expect(chunks.some((c) => c.start <= s.start && c.end >= s.end)).toBe(true);
    }
  });

  it("leaves out repeated paragraphs and never spans them", () => {
    const paras = ["第一段原创内容。", "这一段在前一篇文章中出现过。", "第三段原创内容。"];
    const t = paras.join("\n");
    const chunks = chunkArticle({ text: t, repeatedParagraphs: [1] });
    expect(chunks.map((c) => c.text)).toEqual(["第一段原创内容。", "第三段原创内容。"]);
    for (const c of chunks) expect(t.slice(c.start, c.end)).toBe(c.text);
  });

  it("cuts a sentence longer than the maximum at commas", () => {
    const long = `${"这是一个很长的分句,".repeat(60)}结束。`;
    const chunks = chunkArticle({ text: long, repeatedParagraphs: [] });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(350);
      expect(long.slice(c.start, c.end)).toBe(c.text);
    }
    expect(chunks.map((c) => c.text).join("")).toBe(long);
  });

  it("gives one empty chunk for an article without text, and embeds the title with every chunk", () => {
    const chunks = chunkArticle({ text: "", repeatedParagraphs: [] });
    expect(chunks).toEqual([{ chunkIndex: 0, start: 0, end: 0, text: "" }]);
    expect(chunkEmbeddingText({ title: "六一慰问", subtitle: null }, chunks[0]!)).toBe("六一慰问");
    expect(chunkEmbeddingText({ title: "标题", subtitle: "副题" }, { chunkIndex: 0, text: "正文。" })).toBe(
      "标题\n副题\n正文。",
    );
    expect(chunkEmbeddingText({ title: "标题", subtitle: "副题" }, { chunkIndex: 1, text: "正文。" })).toBe(
      "标题\n正文。",
    );
  });
});
