import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "../../src/core/types.js";
import { parsePage } from "../../src/ingest/parse-page.js";
import { EXPECTED } from "./expected.js";

const DIR = path.resolve("data/bulletins");

function parseSample(file: string): ParsedArticle[] {
  return parsePage(fs.readFileSync(path.join(DIR, file), "utf8"), { source: file });
}

describe("sample bulletins: every article against what a reader finds on the page", () => {
  it("covers the five samples, 39 articles", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      fs
        .readdirSync(DIR)
        .filter((f) => f.endsWith(".txt"))
        .sort(),
    );
    expect(Object.values(EXPECTED).flat()).toHaveLength(39);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    describe(file, () => {
      const articles = parseSample(file);
      it("finds the headlines in page order", () => {
        expect(articles.map((a) => a.title)).toEqual(expected.map((e) => e.title));
      });
      expected.forEach((e, i) => {
        it(`${i}: ${e.title.slice(0, 24)}`, () => {
          const a = articles[i] as ParsedArticle;
          expect({
            title: a.title,
            subtitle: a.subtitle,
            district: a.district,
            date: a.date,
            dateText: a.dateText,
            byline: a.byline,
          }).toEqual({ ...e, subtitle: e.subtitle ?? null });
        });
      });
      it("keeps datelines, bylines and photo credits out of the text", () => {
        for (const a of articles) {
          expect(a.text).not.toMatch(/^本报/m);
          expect(a.text).not.toMatch(/摄$/m);
          if (a.byline) {
            for (const name of a.byline.split(/[\s、]+/).filter((n) => n.length >= 2 && !/^(记者|通讯员|摄)/.test(n))) {
              // A reporter's name may appear in the body only as a quoted person, never as a trailing line.
              expect(a.text.split("\n").at(-1)?.trim()).not.toBe(name);
            }
          }
        }
      });
    });
  }
});

describe("sample bulletins: text clean-up", () => {
  const byTitle = (file: string, title: string): ParsedArticle => {
    const a = parseSample(file).find((x) => x.title === title);
    if (!a) throw new Error(`no article ${title}`);
    return a;
  };

  it("joins a sentence cut by a column break without inserting a space (000)", () => {
    const a = byTitle("000_dea3d436ae17c0ab.txt", "陕州区政府第55次常务会议召开");
    expect(a.text).toContain("严格落实中央八项规定及其实施细则精神");
    expect(a.text.split("\n")).toHaveLength(5);
  });

  it("takes the dateline off the lead and keeps the reporters as byline (001)", () => {
    const a = byTitle("001_5b95f34c21a8084b.txt", "解放区召开大气污染防治攻坚工作推进会");
    expect(a.text.startsWith("11月11日,解放区召开大气污染防治攻坚工作推进会")).toBe(true);
  });

  it("flags the paragraphs 001 prints twice, under a second headline", () => {
    const articles = parseSample("001_5b95f34c21a8084b.txt");
    const first = articles.find((a) => a.title === "解放区冬春火灾防控暨安全生产工作部署会召开");
    const second = articles.find((a) => a.title === "焦西街道 筑牢安全基石 护航高质量发展");
    expect(first?.repeatedParagraphs).toEqual([]);
    expect(second?.repeatedParagraphs).toEqual([0, 1]);
    const others = articles.filter((a) => a !== second).flatMap((a) => a.repeatedParagraphs);
    expect(others).toEqual([]);
  });

  it("moves a body's tail printed under another headline back to its body-less headline (001, 002)", () => {
    const jf = parseSample("001_5b95f34c21a8084b.txt");
    expect(jf[0]?.title).toBe("解放区召开全国文明城市常态化创建工作推进会");
    expect(jf[0]?.text.startsWith("三要创建合力再凝聚。")).toBe(true);
    expect(jf[0]?.text).toContain("六要工作纪律再遵守");
    expect(jf[1]?.text).not.toContain("六要工作纪律再遵守");
    expect(jf[1]?.text).toContain("11月12日,赵海燕带领");
    const wd = parseSample("002_8ee853f1471c0237.txt");
    expect(wd[0]?.text).toContain("“服务重点项目,要精准帮扶、精细服务");
    expect(wd[1]?.text.endsWith("新当选的国家机关工作人员进行了宪法宣誓。")).toBe(true);
  });

  it("drops a photo caption that interrupts a sentence and joins the sentence around it (002)", () => {
    const a = byTitle("002_8ee853f1471c0237.txt", "卫东区十届人大七次会议举行");
    expect(a.text).toContain("聚焦发展前提、聚焦发展成效。");
    expect(a.text).not.toContain("会议现场");
  });

  it("closes OCR letter-spacing and spaced dates, keeps Chinese punctuation as printed (004)", () => {
    const articles = parseSample("004_bb5894ed695f9a47.txt");
    const all = articles.map((a) => a.text).join("\n");
    expect(all).toContain("同时，要调整方向，合理安排人员，充实工作力量");
    expect(all).toContain("建设目标是401公里，实现“四好农村路”全域覆盖");
    expect(all).toContain("孟州以总分94.49分（满分100分）的高分");
    expect(all).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/);
    const meeting = articles.find((a) => a.title.startsWith("山阳区委常委"));
    expect(meeting?.text.startsWith("3月27日，山阳区委书记李建超主持召开区委常委（扩大）会")).toBe(true);
  });

  it("reads the headline printed after its body and byline (004)", () => {
    const a = byTitle("004_bb5894ed695f9a47.txt", "孟州市召开谋划项目专项债券申报工作专题会议");
    expect(
      a.text.startsWith("3月26日，孟州市召开谋划项目专项债券申报工作专题会议。该市领导吕沛、原红波、唐军等出席会议。"),
    ).toBe(true);
    expect(a.text.endsWith("土地储备和棚改建设等项目。")).toBe(true);
  });

  it("names both districts of a page that carries two (004)", () => {
    const districts = new Set(parseSample("004_bb5894ed695f9a47.txt").map((a) => a.district));
    expect([...districts]).toEqual(["山阳区", "孟州市"]);
  });

  it("gives the eval's digest days: 2024-11-11, 2020-03-28, 2021-02-23", () => {
    const all = Object.keys(EXPECTED).flatMap(parseSample);
    const on = (date: string) => all.filter((a) => a.date === date).map((a) => a.title);
    expect(on("2024-11-11").some((t) => t.includes("大气污染防治"))).toBe(true);
    expect(on("2020-03-28").some((t) => t.includes("孟州市委常委会"))).toBe(true);
    expect(on("2021-02-23").some((t) => t.includes("人大七次会议"))).toBe(true);
  });
});
