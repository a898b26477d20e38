import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/answer/analyze.js";

const D = ["陕州区", "解放区", "卫东区", "中原区", "山阳区", "孟州市"];
const intent = (q: string) => analyzeQuestion(q, D).kind;

describe("analyzeQuestion", () => {
  it("reads role questions", () => {
    expect(analyzeQuestion("哪些市领导出席了孟州市谋划项目专项债券申报工作专题会议？", D)).toMatchObject({
      kind: "attend",
      district: "孟州市",
    });
    expect(intent("谁参加了会议？")).toBe("attend");
    expect(intent("解放区大气污染防治攻坚工作推进会由谁主持？")).toBe("preside");
    expect(intent("哪些人列席了孟州市委常委会？")).toBe("sit_in");
    expect(intent("哪些区领导陪同调研？")).toBe("accompany");
    expect(analyzeQuestion("陕州区动员部署会上有哪些单位作了发言？", D)).toMatchObject({
      kind: "speak",
      roles: ["发言"],
    });
    expect(analyzeQuestion("动员部署会上谁讲话？", D)).toMatchObject({ kind: "speak", roles: ["讲话"] });
    expect(intent("补选谁为监察委员会主任？")).toBe("elected");
  });
  it("reads who holds a post, and what post someone holds", () => {
    expect(analyzeQuestion("卫东区人大常委会主任是谁？", D)).toMatchObject({
      kind: "who_post",
      target: "卫东区人大常委会主任",
      district: "卫东区",
    });
    expect(analyzeQuestion("谁是卫东区政协主席", D)).toMatchObject({ kind: "who_post", target: "卫东区政协主席" });
    expect(analyzeQuestion("何飞担任什么职务？", D)).toMatchObject({ kind: "post_of", target: "何飞" });
    expect(analyzeQuestion("卢和平的职务是什么", D)).toMatchObject({ kind: "post_of", target: "卢和平" });
    expect(analyzeQuestion("谁是李军？", D)).toMatchObject({ kind: "post_of", target: "李军" });
    expect(analyzeQuestion("葛海水是谁", D)).toMatchObject({ kind: "post_of", target: "葛海水" });
  });
  it("reads who did something", () => {
    expect(analyzeQuestion("谁督导了孟州市“四好农村路”建设工作？", D)).toMatchObject({
      kind: "who_did",
      verb: "督导",
    });
  });
  it("reads when, where, how many, which and generic questions", () => {
    expect(intent("解放区大气污染防治攻坚工作推进会是哪天召开的？")).toBe("when");
    expect(intent("卫东区文明健康教育进万家宣传活动从哪天开始？")).toBe("when");
    expect(intent("会议什么时候举行？")).toBe("when");
    expect(intent("山阳区商务局在哪里开展了加油站安全演练观摩？")).toBe("where");
    expect(intent("郑小林带队到哪些学校督导检查？")).toBe("visits");
    expect(intent("张汭乡清运了多少吨沟塘垃圾及各类杂物？")).toBe("howmany");
    expect(intent("补选了几名常务委员会委员？")).toBe("howmany");
    expect(intent("后关村高创带领干群奋战了多长时间？")).toBe("howmany");
    expect(intent("观摩了哪些示范点？")).toBe("visits");
    expect(intent("陕州区冬春人居环境整治")).toBe("generic");
  });
  it("reads a role verb with an aspect particle inside it as the role", () => {
    expect(analyzeQuestion("动员部署会上谁讲了话？", D)).toMatchObject({ kind: "speak", roles: ["讲话"] });
    expect(analyzeQuestion("哪些单位发了言？", D)).toMatchObject({ kind: "speak", roles: ["发言"] });
    expect(intent("谁主持了会议？")).toBe("preside");
    expect(intent("谁带了队？")).toBe("lead");
  });
  it("reads 哪几所 as which, and leaves generic category nouns and question frames out of the content", () => {
    const a = analyzeQuestion("中原区领导六一慰问去了哪几所学校？", D);
    expect(a.kind).toBe("visits");
    expect(a.content).not.toContain("学校");
    expect(a.content).toContain("慰问");
    expect(analyzeQuestion("焦西街道在安全生产方面强调了什么？", D)).toMatchObject({ kind: "which", points: true });
    expect(analyzeQuestion("焦西街道在安全生产方面强调了什么？", D).content).not.toMatch(/强调|方面/);
    // A which-question about named things keeps its noun: it is content the news must print.
    expect(analyzeQuestion("观摩了哪些示范点？", D).content).toContain("示范点");
  });
  it("reads the ask around the question word, the points asked for, and the years named", () => {
    expect(analyzeQuestion("一文说要依托哪些优势走差异化发展道路？", D).focus).toEqual(["依托", "优势"]);
    expect(analyzeQuestion("红色物业观摩推进会在哪个社区召开的？", D).focus).toEqual(["社区", "召开"]);
    expect(analyzeQuestion("推进会提出了哪些要求？", D)).toMatchObject({ kind: "which", points: true });
    expect(analyzeQuestion("李建超对哪些工作作了部署？", D).points).toBe(true);
    expect(analyzeQuestion("哪些人出席了推进会？", D).points).toBe(false);
    expect(analyzeQuestion("2020年孟州市地区生产总值是多少？", D)).toMatchObject({
      kind: "howmany",
      years: ["2020"],
    });
  });
  it("normalizes traditional characters and full-width forms first", () => {
    const a = analyzeQuestion("衛東區人大常委會主任是誰？", D);
    expect(a.text).toBe("卫东区人大常委会主任是谁?");
    expect(a).toMatchObject({ kind: "who_post", district: "卫东区" });
    expect(analyzeQuestion("２０１９年孟州市預計完成地區生產總值多少？", D)).toMatchObject({
      kind: "howmany",
      district: "孟州市",
    });
  });
});
