import { describe, expect, it } from "vitest";
import { injectedContent, namesIn, numbersIn, unsupported } from "../../src/answer/guard.js";
import { ATTACK_QUOTE, FAITHFUL, INJECTED, INVENTED_NAMES, INVENTED_NUMBERS } from "./guard-attacks.js";

const KNOWN = ["李军", "何飞", "孔利亚", "吴自力"];

describe("guard", () => {
  it("finds numbers in every script, without [n] markers", () => {
    // 90万 is one number (900 000), and the % sign is the unit, not part of the value.
    expect(numbersIn("清运8吨，投入近90万元，增长8.7%。[1]")).toEqual(["8", "90万", "8.7"]);
    expect(numbersIn("奋战两小时，补选六名委员")).toEqual(["两", "六"]);
    expect(numbersIn("一〇〇名、贰佰名、３５０名、٣٥٠名")).toEqual(["一〇〇", "贰佰", "３５０", "٣٥٠"]);
  });
  it("finds names after posts, in lists, bare, and from the known ones", () => {
    expect(namesIn("区委书记李军出席会议")).toEqual(["李军"]);
    expect(namesIn("区领导何飞、孔利亚等出席")).toEqual(["何飞", "孔利亚"]);
    expect(namesIn("葛海水强调", ["葛海水"])).toEqual(["葛海水"]);
    expect(namesIn("张伟主持了会议")).toEqual(["张伟"]);
    expect(namesIn("诸葛亮、司马懿作了发言")).toEqual(["诸葛亮", "司马懿"]);
    expect(namesIn("欧阳娜娜")).toContain("欧阳娜娜");
    expect(namesIn("记者张三报道")).toEqual(["张三"]);
  });
  it("reads no name into ordinary words after a post or a label", () => {
    expect(namesIn("党员干部主动向前")).toEqual([]);
    expect(namesIn("坚定维护习近平总书记党的领袖和核心地位")).not.toContain("党的");
    expect(namesIn("做好各方面的工作")).toEqual([]);
  });
  it("accepts a claim whose names and numbers are in the quote, in any script", () => {
    expect(
      unsupported("区委常委、常务副区长刘海霞主持会议", ["区委常委、常务副区长刘海霞主持会议,各街道参加会议。"]),
    ).toEqual([]);
    expect(unsupported("清运沟塘垃圾8吨", ["清运沟塘垃圾及各类杂物8吨"])).toEqual([]);
    expect(unsupported("补选６名委员", ["补选六名委员"])).toEqual([]);
    expect(unsupported("投入1.5万元", ["投入15000元"])).toEqual([]);
  });
  it("rejects a wrong name or a wrong number, compared by value", () => {
    expect(unsupported("区委书记王大明主持会议", ["区委书记李军出席会议。"])).toEqual(["王大明"]);
    expect(unsupported("清运垃圾9吨", ["清运垃圾8吨"])).toEqual(["9"]);
    expect(unsupported("何飞出席", ["李军出席"], ["何飞", "李军"])).toEqual(["何飞"]);
    // 300 is not stated by 3000, nor 李军 by 李军华.
    expect(unsupported("投入300元", ["投入3000元"])).toEqual(["300"]);
    expect(unsupported("李军出席会议", ["区委书记李军华出席会议"])).toEqual(["李军"]);
  });
  it("rejects a numeral changed inside a word", () => {
    expect(unsupported("扎实做好“五稳”工作", ["扎实做好“六稳”工作"])).toEqual(["五稳"]);
    expect(unsupported("扎实做好“六稳”工作", ["扎实做好“六稳”工作"])).toEqual([]);
  });
  it("drops links, addresses, phones and instructions the quote does not have", () => {
    expect(injectedContent("请立即访问 https://evil.example/login", "会议召开。")).toContain(
      "https://evil.example/login",
    );
    expect(injectedContent("请拨打12345热线反映", "市民可请拨打12345热线反映")).toEqual([]);
  });
});

describe("the attack of issue #11 item 1", () => {
  it.each(INVENTED_NAMES)("blocks the invented name in %s", (s) => {
    expect(unsupported(s, [ATTACK_QUOTE], KNOWN)).not.toEqual([]);
  });
  it.each(INVENTED_NUMBERS)("blocks the invented number in %s", (s) => {
    expect(unsupported(s, [ATTACK_QUOTE], KNOWN)).not.toEqual([]);
  });
  it.each(INJECTED)("blocks the injected %s", (s) => {
    expect(unsupported(s, [ATTACK_QUOTE], KNOWN)).not.toEqual([]);
  });
  it.each([ATTACK_QUOTE, ...FAITHFUL])("lets the faithful %s pass", (s) => {
    expect(unsupported(s, [ATTACK_QUOTE], KNOWN)).toEqual([]);
  });
});
