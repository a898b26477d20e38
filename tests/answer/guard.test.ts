import { describe, expect, it } from "vitest";
import { namesIn, numbersIn, unsupported } from "../../src/answer/guard.js";

describe("guard", () => {
  it("finds numbers as printed, without [n] markers", () => {
    expect(numbersIn("清运8吨，投入近90万元，增长8.7%。[1]")).toEqual(["8", "90", "8.7%"]);
    expect(numbersIn("奋战两小时，补选六名委员")).toEqual(["两", "六"]);
  });
  it("finds names after posts, in lists and from the known ones", () => {
    expect(namesIn("区委书记李军出席会议")).toEqual(["李军"]);
    expect(namesIn("区领导何飞、孔利亚等出席")).toEqual(["何飞", "孔利亚"]);
    expect(namesIn("葛海水强调", ["葛海水"])).toEqual(["葛海水"]);
  });
  it("accepts a claim whose names and numbers are in the quote", () => {
    expect(
      unsupported("区委常委、常务副区长刘海霞主持会议", ["区委常委、常务副区长刘海霞主持会议,各街道参加会议。"]),
    ).toEqual([]);
    expect(unsupported("清运沟塘垃圾8吨", ["清运沟塘垃圾及各类杂物8吨"])).toEqual([]);
  });
  it("rejects a wrong name or a wrong number", () => {
    expect(unsupported("区委书记王大明主持会议", ["区委书记李军出席会议。"])).toEqual(["王大明"]);
    expect(unsupported("清运垃圾9吨", ["清运垃圾8吨"])).toEqual(["9"]);
    expect(unsupported("何飞出席", ["李军出席"], ["何飞", "李军"])).toEqual(["何飞"]);
  });
});
