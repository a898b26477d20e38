import { describe, expect, it } from "vitest";
import { ENGLISH_HINT, isEnglish, pinyinPlaces, readEnglish } from "../../src/converse/english.js";

const DISTRICTS = ["陕州区", "解放区", "卫东区", "中原区", "山阳区", "孟州市"];

describe("English questions", () => {
  it("tells English from Chinese", () => {
    expect(isEnglish("Who attended the Mengzhou standing committee meeting?")).toBe(true);
    expect(isEnglish("谁出席了孟州市委常委会？")).toBe(false);
    expect(isEnglish("ok")).toBe(false);
  });

  it("maps pinyin to the districts the index holds (pinyin-pro)", () => {
    const places = pinyinPlaces(DISTRICTS);
    expect(places.find((p) => p.district === "孟州市")?.keys).toEqual(
      expect.arrayContaining(["mengzhoushi", "mengzhou city", "mengzhou"]),
    );
    expect(places.find((p) => p.district === "陕州区")?.keys).toContain("shanzhou district");
  });

  it("translates the main kinds into the Chinese question", () => {
    expect(readEnglish("Who attended the Mengzhou standing committee meeting?", DISTRICTS)).toEqual({
      ok: true,
      question: "谁出席了孟州市常委会？",
      kind: "attend",
    });
    expect(readEnglish("Who chaired the Jiefang District air pollution meeting", DISTRICTS)).toMatchObject({
      question: "解放区大气污染防治会由谁主持？",
    });
    expect(readEnglish("When was the Weidong CPPCC session held?", DISTRICTS)).toMatchObject({
      question: "卫东区政协会议是什么时候召开的？",
    });
    expect(readEnglish("Where was the Shan Yang standing committee meeting held?", DISTRICTS)).toMatchObject({
      question: "山阳区常委会在哪里召开？",
    });
    expect(readEnglish("Who is the party secretary of Weidong District?", DISTRICTS)).toMatchObject({
      question: "卫东区委书记是谁？",
    });
    expect(readEnglish("Who is the mayor of Mengzhou?", DISTRICTS)).toMatchObject({ question: "孟州市市长是谁？" });
  });

  it("gives other English a short bilingual hint", () => {
    const r = readEnglish("What is the weather like tomorrow?", DISTRICTS);
    expect(r).toEqual({ ok: false, hint: ENGLISH_HINT });
    expect(ENGLISH_HINT).toMatch(/请用中文提问/);
    // A known kind about an unknown event is no guess either.
    expect(readEnglish("Who attended the party?", DISTRICTS).ok).toBe(false);
  });
});
