import { FakeListChatModel } from "@langchain/core/utils/testing";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { toHalfWidth } from "../../src/core/normalize.js";
import { createLlmSummarizer, createSummarizer } from "../../src/digest/llm-summary.js";
import { extractiveSummarizer, stripDateline, summarizeArticle, unsupportedTerms } from "../../src/digest/summarize.js";
import { article } from "./helpers.js";

const SHANYANG = toHalfWidth(
  "本报讯（记者原文钊 通讯员王欢）3月27日，山阳区委副书记赵玉辉主持召开全区“四城联创”工作务虚会，听取各牵头部门、成员单位、各街道办事处汇报工作打算和建议，研究部署今年的重点工作任务。区领导吴长青、申延芳出席会议。\n会议指出，去年以来，全区广大党员干部群众坚守创建一线。",
);

describe("stripDateline", () => {
  it("removes 本报讯, the bracketed byline and the date, in either width", () => {
    expect(stripDateline(SHANYANG)).toMatch(/^山阳区委副书记赵玉辉/);
    expect(stripDateline("本报讯（记者张苗 通讯员张光斌）11月11日，解放区召开会议。")).toBe("解放区召开会议。");
    expect(stripDateline("本报讯 6月2日，中原区召开全区领导干部会议。")).toBe("中原区召开全区领导干部会议。");
    expect(stripDateline("2月23日至25日，卫东区第十届人民代表大会第七次会议举行。")).toBe(
      "卫东区第十届人民代表大会第七次会议举行。",
    );
    expect(stripDateline("11月11日上午，解放区召开会议。")).toBe("解放区召开会议。");
    expect(stripDateline("近日，山阳区委副书记带队督导。")).toBe("山阳区委副书记带队督导。");
    expect(stripDateline("新华社郑州3月27日电 河南省召开会议。")).toBe("河南省召开会议。");
    expect(stripDateline("2020年3月27日,孟州市召开会议。")).toBe("孟州市召开会议。");
  });

  it("keeps a date that is part of the sentence, and text without boilerplate", () => {
    expect(stripDateline("3月27日是植树节后的第一个周末。")).toBe("3月27日是植树节后的第一个周末。");
    expect(stripDateline("陕州区召开动员部署会。")).toBe("陕州区召开动员部署会。");
  });
});

describe("summarizeArticle", () => {
  it("gives the lead without the dateline, cut at a clause boundary with an ellipsis", () => {
    const s = summarizeArticle(
      article({ id: "a", title: "山阳区召开务虚会", source: "x.txt", seq: 0, text: SHANYANG }),
    );
    expect(s).toMatch(/^山阳区委副书记赵玉辉主持召开/);
    expect(s).not.toContain("本报讯");
    expect(s).not.toContain("记者");
    expect(s).not.toMatch(/^3月27日/);
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s.length).toBeGreaterThanOrEqual(40);
    // The whole first sentence fits: it is kept whole, ending with its full stop.
    expect(s).toBe(
      "山阳区委副书记赵玉辉主持召开全区“四城联创”工作务虚会,听取各牵头部门、成员单位、各街道办事处汇报工作打算和建议,研究部署今年的重点工作任务。",
    );
  });

  it("cuts a lead longer than the limit at the last clause boundary, with an ellipsis", () => {
    const lead =
      "卫东区委书记王迎波指出,全区上下要不忘初心、牢记使命,锚定打造资源型城市转型发展“六大样板区”目标,以“任凭风浪起,稳坐钓鱼船”的政治定力,以“咬定青山不放松,不达目的誓不休”的拼搏精神,以“功成不必在我,功成必定有我”的气魄担当,重整行装再出发。";
    const s = summarizeArticle(article({ id: "w", title: "t", source: "x", seq: 0, text: lead }));
    expect(s.endsWith("…")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(120);
    const kept = s.slice(0, -1);
    expect(lead.startsWith(kept)).toBe(true);
    // What follows the kept text in the lead is a clause mark: no word, name or number was cut.
    expect(/[,、;]/.test(lead[kept.length] ?? "")).toBe(true);
    // Commas inside quotes are not cut points: the cut is after a closing quote's clause.
    expect(kept).toBe(
      "卫东区委书记王迎波指出,全区上下要不忘初心、牢记使命,锚定打造资源型城市转型发展“六大样板区”目标,以“任凭风浪起,稳坐钓鱼船”的政治定力,以“咬定青山不放松,不达目的誓不休”的拼搏精神,以“功成不必在我,功成必定有我”的气魄担当",
    );
  });

  it("keeps a short lead whole and adds the next sentence when it is short", () => {
    const text = "陕州区召开动员部署会。区委书记李军出席会议并讲话。会议强调要抓落实。";
    expect(summarizeArticle(article({ id: "b", title: "t", source: "x", seq: 0, text }))).toBe(
      "陕州区召开动员部署会。区委书记李军出席会议并讲话。",
    );
    const long = `陕州区召开${"奋进十五五拼抢开门红".repeat(4)}动员部署会。区委书记李军出席会议并讲话。`;
    expect(summarizeArticle(article({ id: "c", title: "t", source: "x", seq: 0, text: long }))).toBe(
      long.split("。")[0] + "。",
    );
  });

  it("never cuts inside a quotation or a word when there is no clause mark", () => {
    // One 150-character clause without any punctuation: cut at a jieba word boundary.
    const words = "全区上下要牢固树立一盘棋思想齐抓共管各尽其责区委宣传部文明办要发挥好牵头抓总作用";
    const text = `${words}${words}${words}。`;
    const s = summarizeArticle(article({ id: "d", title: "t", source: "x", seq: 0, text }));
    expect(s.endsWith("…")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(120);
    const kept = s.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    // The cut falls between two words of jieba's segmentation of the whole text.
    const ends = new Set<number>();
    let pos = 0;
    for (const w of Jieba.withDict(dict).cut(text, true)) {
      pos += w.length;
      ends.add(pos);
    }
    expect(ends.has(kept.length)).toBe(true);

    const quoted = `会议要求，要聚焦“${"齐头并进上台阶、争先恐后做贡献、".repeat(6)}”的主旋律，凝聚合力。`;
    const q = summarizeArticle(article({ id: "e", title: "t", source: "x", seq: 0, text: quoted }));
    expect((q.match(/“/g) ?? []).length).toBe((q.match(/”/g) ?? []).length);
  });

  it("skips photo captions and repeated paragraphs, and falls back to the title for an empty body", () => {
    const text = "卫东区十届人大七次会议现场 高鸿勋 摄\n卫东区第十届人民代表大会第七次会议举行。";
    expect(summarizeArticle(article({ id: "f", title: "t", source: "x", seq: 0, text }))).toBe(
      "卫东区第十届人民代表大会第七次会议举行。",
    );
    const rep = "这段重复了上一篇文章的导语内容。\n本篇自己的导语在这里出现了。";
    expect(
      summarizeArticle(article({ id: "g", title: "t", source: "x", seq: 0, text: rep, repeatedParagraphs: [0] })),
    ).toBe("本篇自己的导语在这里出现了。");
    expect(summarizeArticle(article({ id: "h", title: "卫东区强化服务保障", source: "x", seq: 0, text: "" }))).toBe(
      "卫东区强化服务保障",
    );
  });

  it("drops a leading fragment when the page lost the article's beginning, and relative days", () => {
    const cut = "了解放区红星志愿宣讲团,同时启动宣讲服务活动。宣讲团成立以来,开展志愿宣讲活动近百场。";
    expect(summarizeArticle(article({ id: "k", title: "t", source: "x", seq: 0, text: cut }))).toBe(
      "宣讲团成立以来,开展志愿宣讲活动近百场。",
    );
    const word = "了解到群众的困难后,社区干部立即行动起来,为居民解决了问题。";
    expect(summarizeArticle(article({ id: "l", title: "t", source: "x", seq: 0, text: word }))).toBe(word);
    const rel = "昨天下午,东安路街道安培社区居民在社区活动室猜灯谜。";
    expect(summarizeArticle(article({ id: "m", title: "t", source: "x", seq: 0, text: rel }))).toBe(
      "东安路街道安培社区居民在社区活动室猜灯谜。",
    );
  });

  it("removes spaces OCR left between Chinese characters", () => {
    const spaced = "本报讯(记者原文钊 通讯员王欢) 3 月 27 日,山阳区委书记李建超主持召开区委常委(扩大)会。";
    expect(summarizeArticle(article({ id: "j", title: "t", source: "x", seq: 0, text: spaced }))).toBe(
      "山阳区委书记李建超主持召开区委常委(扩大)会。",
    );
    const text = "要调整方 向 , 合 理 安 排 人 员 , 充 实 工 作 力 量。";
    expect(summarizeArticle(article({ id: "i", title: "t", source: "x", seq: 0, text }))).toBe(
      "要调整方向,合理安排人员,充实工作力量。",
    );
  });
});

describe("LLM summarizer", () => {
  const a = article({
    id: "a1b2c3d4",
    title: "山阳区召开“四城联创”工作务虚会",
    source: "x.txt",
    seq: 0,
    text: SHANYANG,
  });

  it("uses the model's summary when every name and number is in the article", async () => {
    const model = new FakeListChatModel({
      responses: ["3月27日，赵玉辉主持召开山阳区“四城联创”工作务虚会，部署今年重点工作。"],
    });
    const s = await createLlmSummarizer(model)(a);
    expect(s).toBe("3月27日，赵玉辉主持召开山阳区“四城联创”工作务虚会，部署今年重点工作。");
  });

  it("falls back to the extractive summary when the model invents a number or a name, fails, or rambles", async () => {
    const extractive = summarizeArticle(a);
    const warnings: object[] = [];
    const log = { warn: (o: object) => warnings.push(o) };
    const invented = new FakeListChatModel({ responses: ["山阳区召开务虚会，共有350人参加。"] });
    expect(await createLlmSummarizer(invented, { log })(a)).toBe(extractive);
    const name = new FakeListChatModel({ responses: ["区委书记王建国主持召开务虚会。"] });
    expect(await createLlmSummarizer(name, { log })(a)).toBe(extractive);
    const long = new FakeListChatModel({ responses: ["会议".repeat(200)] });
    expect(await createLlmSummarizer(long, { log })(a)).toBe(extractive);
    const empty = new FakeListChatModel({ responses: ["   "] });
    expect(await createLlmSummarizer(empty, { log })(a)).toBe(extractive);
    const broken = new FakeListChatModel({ responses: ["x"] });
    broken.invoke = () => Promise.reject(new Error("connection refused"));
    expect(await createLlmSummarizer(broken, { log })(a)).toBe(extractive);
    expect(warnings).toHaveLength(5);
  });

  it("createSummarizer is extractive without LLM settings, and falls back when the endpoint is unreachable", async () => {
    expect(createSummarizer(loadConfig({}))).toBe(extractiveSummarizer);
    const warnings: object[] = [];
    const viaLlm = createSummarizer(loadConfig({ LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_API_KEY: "sk-test" }), {
      warn: (o) => warnings.push(o),
    });
    expect(viaLlm).not.toBe(extractiveSummarizer);
    expect(await viaLlm(a)).toBe(summarizeArticle(a));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).not.toContain("sk-test");
  });

  it("flags names and numbers missing from the source", () => {
    expect(unsupportedTerms("共有350人参加", "共有35人参加")).toEqual(["350"]);
    expect(unsupportedTerms("赵玉辉主持会议", SHANYANG)).toEqual([]);
  });
});
