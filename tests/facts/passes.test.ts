import { describe, expect, it } from "vitest";
import {
  datePass,
  FACT_PASSES,
  findMentions,
  personPass,
  placePass,
  quantityPass,
  rolePass,
  type SentenceInput,
} from "../../src/facts/extract.js";
import { testArticle } from "../support/articles.js";

/** One made-up sentence as a pass reads it. */
function input(text: string): SentenceInput {
  return {
    article: testArticle({ id: "p0000001", title: "t", text }),
    sentence: { text, start: 0, end: text.length },
    mentions: findMentions(text),
  };
}

describe("fact passes", () => {
  it("are named and run in order: person, role, date, place, quantity", () => {
    expect(FACT_PASSES.map((p) => p.name)).toEqual(["person", "role", "date", "place", "quantity"]);
  });
  it("person: each name of a list with its own post, title chains kept, posts printed after the name", () => {
    const facts = personPass(input("县委常委、常务副县长郜立新，副县长乜春华、笪明远，县长蔺向阳任指挥长。"));
    expect(facts.map((f) => [f.name, f.post])).toEqual([
      ["郜立新", "县委常委、常务副县长"],
      ["乜春华", "副县长"],
      ["笪明远", "副县长"],
      ["蔺向阳", "县长"],
      ["蔺向阳", "指挥长"],
    ]);
  });
  it("role: a list across commas attends, the presider is apart", () => {
    const facts = rolePass(input("副县长笪明远主持会议，县领导郜立新、乜春华等出席会议。"));
    expect(facts.map((f) => [f.role, f.name])).toEqual([
      ["主持", "笪明远"],
      ["出席", "郜立新"],
      ["出席", "乜春华"],
    ]);
  });
  it("date: as printed, ranges included", () => {
    expect(datePass(input("12月23日至25日，大会召开；7月2日下午续会。")).map((f) => f.value)).toEqual([
      "12月23日至25日",
      "7月2日下午",
    ]);
  });
  it("place: every item of a visit list", () => {
    const facts = placePass(input("蔺向阳先后到城南污水处理厂、滨河公园、青禾经开区等地调研。"));
    expect(facts.map((f) => f.value)).toEqual(["城南污水处理厂", "滨河公园", "青禾经开区"]);
  });
  it("quantity: values and units, never dates or ordinals", () => {
    const facts = quantityPass(input("3月6日召开第18次会议，察看项目6个，总投资12.8亿元，应到二十一人。"));
    expect(facts.map((f) => [f.value, f.amount, f.unit])).toEqual([
      ["6个", 6, "个"],
      ["12.8亿元", 1280000000, "元"],
      ["二十一人", 21, "人"],
    ]);
  });
});
