import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../../src/answer/analyze.js";
import type { Answerer } from "../../../src/answer/answerer.js";
import type { Article } from "../../../src/core/types.js";
import { testArticle } from "../../support/articles.js";
import { type MadeUpAnswerer, madeUpAnswerer } from "../fixtures/made-up-answerer.js";

/**
 * Made-up articles (invented counties, people and events, in the shapes county papers print) and,
 * per question kind, a table of questions with what the answer must say. None of these names is
 * in any rule: the kinds must work from structure alone.
 */
const ARTICLES: Article[] = [
  testArticle({
    id: "k0000001",
    title: "青禾县召开县政府第18次常务会议",
    district: "青禾县",
    date: "2023-03-06",
    byline: "记者 甄可言 通讯员 宓书桐",
    text:
      "3月6日上午，县委副书记、县长蔺向阳主持召开县政府第18次常务会议。县委常委、常务副县长郜立新，副县长乜春华、笪明远，县政协副主席戚文澜出席会议。\n" +
      "会议应到组成人员21人，实到19人。会议听取了3个部门的工作汇报，审议通过了《青禾县城乡供水一体化实施方案》。",
  }),
  testArticle({
    id: "k0000002",
    title: "蔺向阳调研重点项目建设",
    district: "青禾县",
    date: "2023-04-12",
    text:
      "4月12日，县长蔺向阳先后到青禾经开区标准化厂房、城南污水处理厂、滨河公园等地调研重点项目建设。" +
      "县领导郜立新、乜春华陪同调研。此次调研共察看项目6个，总投资12.8亿元。",
  }),
  testArticle({
    id: "k0000003",
    title: "我县召开春季植树动员会",
    date: "2023-03-10",
    text: "3月10日，我县在县委二楼会议室召开春季植树动员会。县委书记庹远山出席会议并讲话，副县长笪明远主持会议。",
  }),
  testArticle({
    id: "k0000004",
    title: "县委常委会召开第7次会议",
    text: "5月8日上午，受县委书记祁明远委托，县委副书记、县长訾远航主持召开县委常委会第7次会议，传达学习5月6日全省防汛工作会议精神。会议还传达学习了2023年全省防汛工作要点。",
  }),
  testArticle({
    id: "k0000005",
    title: "青禾县举行招商引资项目集中签约仪式",
    district: "青禾县",
    date: "2023-06-02",
    text:
      "6月2日上午，青禾县2023年第二季度招商引资项目集中签约仪式于县会展中心举行，共计9个签约项目。" +
      "县长蔺向阳表示，将为每一个项目提供全程服务。",
  }),
  testArticle({
    id: "k0000006",
    title: "云岭市政协主席夏知远一行到青禾县调研",
    district: "青禾县",
    date: "2023-07-20",
    text: "7月20日，云岭(云岭新闻网)市政协主席夏知远一行到青禾县调研，副县长乜春华、笪明远陪同。",
  }),
];

let answerer: Answerer;
let made: MadeUpAnswerer | undefined;
beforeAll(() => {
  made = madeUpAnswerer(ARTICLES, "kinds-");
  answerer = made.answerer;
});
afterAll(() => made?.close());

/** kind → [question, strings the answer must contain, headline fragment of the first citation]. */
const TABLE: Record<string, [string, string[], string][]> = {
  preside: [["青禾县第18次常务会议由谁主持？", ["蔺向阳"], "第18次常务会议"]],
  attend: [
    ["青禾县政府第18次常务会议有哪些县领导出席？", ["郜立新", "乜春华", "笪明远", "戚文澜"], "第18次"],
    ["青禾县政府第18次常务会议出席的县领导有哪些？", ["郜立新", "乜春华", "笪明远", "戚文澜"], "第18次"],
  ],
  accompany: [["蔺向阳调研重点项目时哪些县领导陪同？", ["郜立新", "乜春华"], "调研重点项目"]],
  visits: [["蔺向阳调研重点项目先后去了哪些地方？", ["标准化厂房", "城南污水处理厂", "滨河公园"], "调研重点项目"]],
  when: [
    ["青禾县第18次常务会是哪天开的？", ["3月6日"], "第18次"],
    // "传达学习5月6日…会议精神" dates the relayed meeting, not this one.
    ["县委常委会第7次会议是哪天开的？", ["5月8日"], "第7次会议"],
    ["县委常委会第7次会议传达学习了哪年的全省防汛工作要点？", ["2023年"], "第7次会议"],
  ],
  where: [
    ["春季植树动员会在哪里召开？", ["二楼会议室"], "植树"],
    ["青禾县招商引资项目集中签约仪式在哪里举行？", ["县会展中心"], "集中签约"],
  ],
  howmany: [
    ["蔺向阳调研时共察看了多少个项目？", ["6个"], "调研重点项目"],
    ["蔺向阳调研的项目总投资多少？", ["12.8亿元"], "调研重点项目"],
    // "每一个项目" is no count; "9个签约项目" counts 项目.
    ["青禾县招商引资项目集中签约仪式一共签约多少个项目？", ["9个"], "集中签约"],
  ],
  two_part: [["青禾县第18次常务会议应到多少人，实到多少人？", ["21人", "19人"], "第18次"]],
  who_post: [
    ["青禾县常务副县长是谁？", ["郜立新"], "青禾县"],
    // An article naming no county ("县委常委会…") is the one the words around the post describe.
    ["青禾县主持县委常委会第7次会议的县长是谁？", ["訾远航"], "第7次会议"],
    // A date before the post says when; "市政协主席" in a county's article is of the city it names.
    ["2023年3月青禾县常务副县长是谁？", ["郜立新"], "第18次"],
    ["云岭市政协主席是谁？", ["夏知远"], "云岭市政协主席"],
    // A deputy post has several holders: each is given.
    ["青禾县副县长是谁？", ["乜春华", "笪明远"], "青禾县"],
    ["谁担任青禾县常务副县长？", ["郜立新"], "青禾县"],
  ],
  post_of: [["戚文澜担任什么职务？", ["县政协副主席"], "第18次"]],
  yes_no: [
    ["春季植树动员会是庹远山主持的吗？", ["不是", "笪明远"], "植树"],
    ["青禾县第18次常务会议实到人数超过20人吗？", ["没有", "19"], "第18次"],
    ["蔺向阳调研时共察看了6个项目吗？", ["是。", "6个"], "调研重点项目"],
    ["蔺向阳调研时共察看了7个项目吗？", ["不是。", "6个"], "调研重点项目"],
    ["郜立新是常务副县长吗？", ["是。", "常务副县长"], "第18次"],
    ["戚文澜是县长吗？", ["不是。", "县政协副主席"], "第18次"],
    ["青禾县第18次常务会议是3月6日开的吗？", ["是。", "3月6日"], "第18次"],
    ["青禾县招商引资项目集中签约仪式是在县会展中心举行的吗？", ["是。", "县会展中心"], "集中签约"],
    ["青禾县招商引资项目集中签约仪式是在县体育馆举行的吗？", ["不是。", "县会展中心"], "集中签约"],
  ],
  byline: [["青禾县第18次常务会议那篇报道的记者是谁？", ["甄可言"], "第18次"]],
};

describe("question kinds on made-up articles", () => {
  for (const [kind, rows] of Object.entries(TABLE)) {
    it.each(rows)(`${kind}: %s`, async (q, must, source) => {
      expect(analyzeQuestion(q, ["青禾县"]).kind).toBe(kind);
      const a = await answerer.ask(q);
      expect(a.found).toBe(true);
      for (const m of must) expect(a.answer).toContain(m);
      expect(a.citations[0]?.title).toContain(source);
    });
  }
  it("declines another session, another year and a county the article is not of", async () => {
    for (const q of [
      "青禾县第19次常务会议由谁主持？",
      "2021年青禾县常务副县长是谁？",
      "白塔县第18次常务会议由谁主持？",
      "青禾县第三季度招商引资项目集中签约仪式在哪里举行？",
    ]) {
      const a = await answerer.ask(q);
      expect(a.found, q).toBe(false);
      expect(a.citations).toEqual([]);
    }
  });
});
