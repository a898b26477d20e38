import { describe, expect, it } from "vitest";
import { completeQuestion, meetingOf } from "../../src/converse/complete.js";
import type { Turn } from "../../src/converse/sessions.js";

const DISTRICTS = ["陕州区", "解放区", "卫东区", "中原区", "山阳区", "孟州市"];
const roleTurn: Turn = {
  question: "谁主持了孟州市委常委会？",
  kind: "preside",
  articleIds: ["4a418d6d"],
  meeting: "孟州市委常委会暨理论学习中心组学习会",
  person: "卢和平",
  district: "孟州市",
  date: "2020-03-28",
  at: 0,
};

describe("completeQuestion", () => {
  it("leaves a question alone without context, and a self-contained one with context", () => {
    expect(completeQuestion("这个会是哪天开的？", undefined, DISTRICTS)).toEqual({ question: "这个会是哪天开的？" });
    const own = completeQuestion("解放区大气污染防治攻坚工作推进会是哪天召开的？", roleTurn, DISTRICTS);
    expect(own.understood).toBeUndefined();
    expect(own.question).toBe("解放区大气污染防治攻坚工作推进会是哪天召开的？");
  });

  it("fills in the meeting for 这个会 / 此次会议 and says what it understood", () => {
    const c = completeQuestion("这个会是哪天开的？", roleTurn, DISTRICTS);
    expect(c.question).toBe("孟州市委常委会暨理论学习中心组学习会是哪天开的？");
    expect(c.understood).toBe("孟州市委常委会暨理论学习中心组学习会");
    expect(completeQuestion("此次会议在哪里召开？", roleTurn, DISTRICTS).question).toBe(
      "孟州市委常委会暨理论学习中心组学习会在哪里召开？",
    );
  });

  it("asks a bare who/when/where about the last meeting", () => {
    expect(completeQuestion("还有谁出席了？", roleTurn, DISTRICTS)).toMatchObject({
      question: "谁出席了孟州市委常委会暨理论学习中心组学习会？",
      rule: "ellipsis",
    });
    expect(completeQuestion("什么时候开的？", roleTurn, DISTRICTS).question).toBe(
      "孟州市委常委会暨理论学习中心组学习会什么时候开的？",
    );
    expect(completeQuestion("在哪？", roleTurn, DISTRICTS).rule).toBe("ellipsis");
  });

  it("replaces 他/她 with the last person, but not 其他 or 他们", () => {
    expect(completeQuestion("他还参加了哪些活动？", roleTurn, DISTRICTS)).toMatchObject({
      question: "卢和平还参加了哪些活动？",
      understood: "卢和平",
    });
    expect(completeQuestion("其他单位有哪些？", roleTurn, DISTRICTS).rule).not.toBe("person");
    const noPerson = { ...roleTurn, person: undefined };
    expect(completeQuestion("他是谁？", noPerson, DISTRICTS)).toEqual({ question: "他是谁？" });
  });

  it("asks the last question about another district for 那X呢, short names included", () => {
    const who: Turn = { ...roleTurn, question: "卫东区人大常委会主任是谁？", district: "卫东区" };
    expect(completeQuestion("那孟州市呢？", who, DISTRICTS).question).toBe("孟州市人大常委会主任是谁？");
    expect(completeQuestion("那孟州呢", who, DISTRICTS).question).toBe("孟州人大常委会主任是谁？");
    const noPlace: Turn = { ...roleTurn, question: "最近有什么新闻？", kind: "browse" };
    expect(completeQuestion("那山阳区呢？", noPlace, DISTRICTS).question).toBe("山阳区最近有什么新闻？");
  });
});

describe("meetingOf", () => {
  it("reads the meeting a title reports", () => {
    expect(meetingOf("孟州市委常委会暨理论学习中心组学习会召开")).toBe("孟州市委常委会暨理论学习中心组学习会");
    expect(meetingOf("解放区召开大气污染防治攻坚工作推进会")).toBe("解放区大气污染防治攻坚工作推进会");
    expect(meetingOf("卫东区十届人大七次会议举行")).toBe("卫东区十届人大七次会议");
    expect(meetingOf("陕州区总工会")).toBeUndefined();
    expect(meetingOf("郑小林带队督导检查复学准备工作")).toBeUndefined();
  });
});
