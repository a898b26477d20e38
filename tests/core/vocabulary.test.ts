import { describe, expect, it } from "vitest";
import { districtForms, districtIn } from "../../src/core/zh/districts.js";
import { formsOf } from "../../src/core/zh/meetings.js";
import { ordinalsIn } from "../../src/core/zh/numbers.js";
import { OFFICE_WORD } from "../../src/core/zh/posts.js";
import { collapseParticles, ROLES } from "../../src/core/zh/roles.js";

describe("the shared Chinese vocabulary", () => {
  it("says a county in its full, plain and short forms", () => {
    expect(districtForms("管城回族区")).toEqual(["管城回族区", "管城区", "管城"]);
    expect(districtForms("新郑市")).toEqual(["新郑市", "新郑"]);
    expect(districtForms("沛县")).toEqual(["沛县"]);
    expect(districtIn("管城区常务副区长是谁", ["管城回族区", "新郑市"])).toBe("管城回族区");
    expect(districtIn("新郑擂台赛", ["管城回族区", "新郑市"])).toBe("新郑市");
    expect(districtIn("别处的会", ["新郑市"])).toBeUndefined();
  });
  it("matches spoken meeting names with printed ones", () => {
    expect(formsOf("人代会")).toContain("人民代表大会");
    expect(formsOf("常务会")).toContain("常务会议");
    expect(formsOf("第55次常务会")).toContain("第55次常务会议");
    expect(formsOf("扩大会议")).toEqual(["扩大会议"]);
    expect(formsOf("党代会")).toContain("党代表大会");
    expect(formsOf("防汛调度会")).toEqual(["防汛调度会", "防汛调度会议"]);
    expect(formsOf("县委扩大会")).toContain("县委扩大会议");
  });
  it("reads ordinals and session numbers by value in any digits", () => {
    expect(ordinalsIn("十三届八次会议")).toEqual(["13届", "8次"]);
    expect(ordinalsIn("第５５次常务会议")).toEqual(["55次"]);
    expect(ordinalsIn("第一百二十五次")).toEqual(["125次"]);
    expect(ordinalsIn("2021年第四季度招商引资项目")).toEqual(["4季度"]);
    expect(ordinalsIn("第七期“开工一批”暨第二批项目")).toEqual(["7期", "2批"]);
    expect(ordinalsIn("三期工程、一批项目")).toEqual([]);
    expect(ordinalsIn("观摩评比第一名")).toEqual(["1名"]);
  });
  it("knows offices, roles as printed and as asked", () => {
    expect(OFFICE_WORD.test("人大常委会主任")).toBe(true);
    expect(OFFICE_WORD.test("县领导")).toBe(false);
    const preside = ROLES.find((r) => r.role === "主持");
    expect(preside && new RegExp(preside.printed.join("|")).test("主持召开")).toBe(true);
    expect(collapseParticles("谁讲了话")).toBe("谁讲话");
  });
});
