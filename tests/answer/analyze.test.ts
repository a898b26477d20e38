import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/answer/analyze.js";

const D = ["陕州区", "解放区", "卫东区", "中原区", "山阳区", "孟州市"];
const intent = (q: string) => analyzeQuestion(q, D).intent;

describe("analyzeQuestion", () => {
  it("reads role questions", () => {
    expect(analyzeQuestion("哪些市领导出席了孟州市谋划项目专项债券申报工作专题会议？", D)).toMatchObject({
      intent: "attend",
      district: "孟州市",
    });
    expect(intent("谁参加了会议？")).toBe("attend");
    expect(intent("解放区大气污染防治攻坚工作推进会由谁主持？")).toBe("preside");
    expect(intent("哪些人列席了孟州市委常委会？")).toBe("accompany");
    expect(intent("哪些区领导陪同调研？")).toBe("accompany");
    expect(analyzeQuestion("陕州区动员部署会上有哪些单位作了发言？", D)).toMatchObject({
      intent: "speak",
      roles: ["发言"],
    });
    expect(analyzeQuestion("动员部署会上谁讲话？", D)).toMatchObject({ intent: "speak", roles: ["讲话"] });
    expect(intent("补选谁为监察委员会主任？")).toBe("elected");
  });
  it("reads who holds a post, and what post someone holds", () => {
    expect(analyzeQuestion("卫东区人大常委会主任是谁？", D)).toMatchObject({
      intent: "who_post",
      target: "卫东区人大常委会主任",
      district: "卫东区",
    });
    expect(analyzeQuestion("谁是卫东区政协主席", D)).toMatchObject({ intent: "who_post", target: "卫东区政协主席" });
    expect(analyzeQuestion("何飞担任什么职务？", D)).toMatchObject({ intent: "post_of", target: "何飞" });
    expect(analyzeQuestion("卢和平的职务是什么", D)).toMatchObject({ intent: "post_of", target: "卢和平" });
    expect(analyzeQuestion("谁是李军？", D)).toMatchObject({ intent: "post_of", target: "李军" });
    expect(analyzeQuestion("葛海水是谁", D)).toMatchObject({ intent: "post_of", target: "葛海水" });
  });
  it("reads who did something", () => {
    expect(analyzeQuestion("谁督导了孟州市“四好农村路”建设工作？", D)).toMatchObject({
      intent: "who_did",
      verb: "督导",
    });
  });
  it("reads when, where, how many, which and generic questions", () => {
    expect(intent("解放区大气污染防治攻坚工作推进会是哪天召开的？")).toBe("when");
    expect(intent("卫东区文明健康教育进万家宣传活动从哪天开始？")).toBe("when");
    expect(intent("会议什么时候举行？")).toBe("when");
    expect(intent("山阳区商务局在哪里开展了加油站安全演练观摩？")).toBe("where");
    expect(intent("郑小林带队到哪些学校督导检查？")).toBe("where");
    expect(intent("张汭乡清运了多少吨沟塘垃圾及各类杂物？")).toBe("howmany");
    expect(intent("补选了几名常务委员会委员？")).toBe("howmany");
    expect(intent("后关村高创带领干群奋战了多长时间？")).toBe("howmany");
    expect(intent("观摩了哪些示范点？")).toBe("which");
    expect(intent("陕州区冬春人居环境整治")).toBe("generic");
  });
  it("normalizes traditional characters and full-width forms first", () => {
    const a = analyzeQuestion("衛東區人大常委會主任是誰？", D);
    expect(a.text).toBe("卫东区人大常委会主任是谁?");
    expect(a).toMatchObject({ intent: "who_post", district: "卫东区" });
    expect(analyzeQuestion("２０１９年孟州市預計完成地區生產總值多少？", D)).toMatchObject({
      intent: "howmany",
      district: "孟州市",
    });
  });
});
