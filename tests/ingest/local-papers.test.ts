import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { splitDateline } from "../../src/ingest/dateline.js";
import { ownYear } from "../../src/ingest/dates.js";
import { articleDistricts, canonicalDistrict, pageDistrict, shortNameDistrict } from "../../src/ingest/district.js";
import { parseByline } from "../../src/ingest/names.js";
import { parsePage } from "../../src/ingest/parse-page.js";
import { sourceDefaults } from "../../src/ingest/source-defaults.js";
import { townDistrict } from "../../src/ingest/towns.js";

/**
 * Made-up pages (written for these tests, copied from no paper) in the
 * layouts of county and district papers other than the five samples.
 */
const page = (...blocks: string[]): string => `${blocks.join("\n\n")}\n`;

/** Wraps text into lines of `width` characters, the way a narrow column prints it. */
const column = (text: string, width: number): string =>
  (text.match(new RegExp(`.{1,${width}}`, "gu")) ?? []).join("\n");

describe("datelines of papers and news sites", () => {
  it("takes 网讯 / 讯 记者…报道 / 网消息 / 日电 datelines off the text, reporters to the byline", () => {
    expect(splitDateline("映象网讯(记者 刘一鸣 通讯员 孙二)5月6日,某县召开会议。")).toEqual({
      rest: "5月6日,某县召开会议。",
      byline: "记者 刘一鸣 通讯员 孙二",
      dateText: null,
    });
    expect(splitDateline("云上某地讯 记者钱三报道:6月2日上午,")).toMatchObject({
      rest: "6月2日上午,",
      byline: "记者 钱三",
    });
    expect(splitDateline("今日山城网消息 11月5日,我县举行")).toMatchObject({ rest: "11月5日,我县举行", byline: null });
    expect(splitDateline("新华社北京3月5日电 全国")).toMatchObject({ rest: "全国", dateText: "3月5日" });
    expect(splitDateline("通讯员张三说,会议")).toMatchObject({ rest: "通讯员张三说,会议", byline: null });
  });
});

describe("pages without headlines", () => {
  const text = page(
    "　　本报讯(记者 周明)3月8日,温县召开春季农业生产工作会议。\n　　会议要求,各乡镇要抓好春耕备播。",
    "　　3月9日上午,温县举行重点项目集中开工仪式,共开工项目12个。\n　　县委书记李华宣布开工。",
    "　　某某网讯(通讯员 吴强)3月10日,温县开展森林防火演练。\n(吴强 郑丽)",
  );
  const arts = parsePage(text, { issueDate: "2024-03-12" });

  it("starts an article at every dateline and every leading date", () => {
    expect(arts).toHaveLength(3);
    const leads = ["3月8日,温县召开", "3月9日上午,温县举行", "3月10日,温县开展"];
    expect(arts.map((a, i) => a.text.startsWith(leads[i] as string))).toEqual([true, true, true]);
  });

  it("titles each from its lead, marked as derived, never empty", () => {
    expect(arts.map((a) => a.titleDerived)).toEqual([true, true, true]);
    expect(arts.map((a) => a.title)).toEqual([
      "温县召开春季农业生产工作会议",
      "温县举行重点项目集中开工仪式",
      "温县开展森林防火演练",
    ]);
    expect(arts.map((a) => a.date)).toEqual(["2024-03-08", "2024-03-09", "2024-03-10"]);
    expect(arts[2]?.byline).toBe("通讯员 吴强 吴强 郑丽");
  });

  it("leaves titleDerived off articles with a printed headline", () => {
    const [a] = parsePage(page("温县召开春季农业生产工作会议", "3月8日,温县召开会议。"));
    expect(a?.titleDerived).toBeUndefined();
  });
});

describe("headlines printed after their body", () => {
  const body1 = "5月12日,区委常委会召开扩大会议,传达学习上级会议精神。区委书记王刚主持会议。";
  const body2 = "5月14日下午,区委书记王刚主持召开书记专题会,研究重点项目推进工作。";
  const text = [
    column(body1, 15),
    "",
    "会议还研究了其他事项。",
    "区委常委会召开扩大会议",
    "",
    "",
    column(body2, 15),
    "",
    "会议要求,各单位要压实责任。",
    "王刚主持召开书记专题会",
    "",
  ].join("\n");

  it("takes the last line of a body as its headline when the lead says it", () => {
    const arts = parsePage(text);
    expect(arts.map((a) => a.title)).toEqual(["区委常委会召开扩大会议", "王刚主持召开书记专题会"]);
    expect(arts[0]?.text).toBe(`${body1}\n会议还研究了其他事项。`);
  });

  it("decides per article on a page mixing both orders", () => {
    const mixed = [
      "温县召开春季植树动员会",
      "",
      "3月5日,温县召开春季植树动员会,部署全年国土绿化工作。",
      "",
      "会议要求,各乡镇要落实责任。",
      "",
      column(body2, 15),
      "",
      "会议要求,各单位要压实责任。",
      "王刚主持召开书记专题会",
      "",
      "",
      "温县举办农民丰收节",
      "",
      "9月23日,温县在黄庄镇举办农民丰收节。",
      "",
    ].join("\n");
    const arts = parsePage(mixed);
    expect(arts.map((a) => a.title)).toEqual([
      "温县召开春季植树动员会",
      "王刚主持召开书记专题会",
      "温县举办农民丰收节",
    ]);
    expect(arts[0]?.text).toBe("3月5日,温县召开春季植树动员会,部署全年国土绿化工作。\n会议要求,各乡镇要落实责任。");
    expect(arts[1]?.text).toBe(`${body2}\n会议要求,各单位要压实责任。`);
  });

  it("keeps a short last line the lead does not say as body text", () => {
    const arts = parsePage(page("某县召开防汛工作会议", `${body2}\n会议要求,各单位要压实责任。\n确保安全度汛`));
    expect(arts).toHaveLength(1);
    expect(arts[0]?.text.endsWith("确保安全度汛")).toBe(true);
  });
});

describe("narrow columns: banner, kicker, subtitle, caption, bylines", () => {
  const lead = "本报讯 (记者 周明) 4月2日上午,县委副书记、县长李华主持召开县政府第12次常务会议,研究部署近期重点工作。";
  const second = "会议强调,要抓好春季安全生产,压实各方责任,确保全县安全形势持续稳定。";
  const third = "4月3日,温县第三期重点项目集中开工仪式在产业园区举行,县领导出席开工仪式。";
  const fourth = "开工仪式上,县发改委负责人介绍了项目情况,此次集中开工项目共15个,总投资20亿元。";
  const text = [
    "综 合 新 闻",
    "",
    "",
    "—— 聚焦“春季生产” ——",
    "李华主持召开县政府第12次常务会议",
    "安排部署近期重点工作",
    "",
    column(lead, 16),
    "",
    column(second.slice(0, 20), 16),
    "",
    column(second.slice(20), 16),
    "",
    "(张三 文/李四 图)",
    "",
    "",
    "温县集中开工一批重点项目",
    "",
    column(third, 16),
    "",
    "开工仪式现场",
    "",
    column(fourth, 16),
    "",
    "（县融媒体中心供稿）",
    "",
  ].join("\n");
  const arts = parsePage(text, { issueDate: "2024-04-05" });

  it("drops the letter-spaced banner and splits kicker, headline and subtitle", () => {
    expect(arts.map((a) => a.title)).toEqual(["李华主持召开县政府第12次常务会议", "温县集中开工一批重点项目"]);
    expect(arts[0]?.subtitle).toContain("聚焦“春季生产”");
  });

  it("joins sentences cut by the column and by blank lines", () => {
    expect(arts[0]?.text).toBe(`${lead.replace(/^本报讯 \(记者 周明\) /, "")}\n${second}`);
  });

  it("takes trailing 文/图 and office credits as bylines, drops the caption, never a title", () => {
    expect(arts[0]?.byline).toContain("张三 文/李四 图");
    expect(arts[1]?.byline).toBe("县融媒体中心供稿");
    expect(arts[1]?.text).toBe(`${third}\n${fourth}`);
  });

  it("parses the byline forms", () => {
    expect(parseByline("(张三 文/李四 图)")?.strong).toBe(true);
    expect(parseByline("（县政府办供稿）")?.text).toBe("县政府办供稿");
    expect(parseByline("记者 张三 通讯员 李四")?.strong).toBe(true);
    expect(parseByline("开工仪式现场")).toBeNull();
  });
});

describe("a byline above the body and a tagged headline", () => {
  it("takes a reporter line before the body as the byline", () => {
    const arts = parsePage(
      page("# 温县召开招商引资推进会", "记者 张三 通讯员 李四", "6月3日,温县召开招商引资推进会。"),
    );
    expect(arts).toHaveLength(1);
    expect(arts[0]).toMatchObject({ title: "温县召开招商引资推进会", byline: "记者 张三 通讯员 李四" });
    expect(arts[0]?.text).toBe("6月3日,温县召开招商引资推进会。");
  });

  it("keeps a column tag and its comma in the headline", () => {
    const arts = parsePage(
      page("【新春走基层】春节前夕走访慰问,温暖送到心坎上", "近日,温县县委书记李华走访慰问困难群众。"),
    );
    expect(arts.map((a) => a.title)).toEqual(["【新春走基层】春节前夕走访慰问,温暖送到心坎上"]);
  });
});

describe("digits and dates normalised in the stored text", () => {
  it("folds full-width digits and closes letter-spaced dates", () => {
    const [a] = parsePage(
      page("温县召开防汛会议", "8 月 22 日上午,温县召开防汛会议,全县投入资金３４万元,转移群众５４６.８人次。"),
      {
        issueDate: "2024-08-25",
      },
    );
    expect(a?.text).toBe("8月22日上午,温县召开防汛会议,全县投入资金34万元,转移群众546.8人次。");
    expect(a?.date).toBe("2024-08-22");
  });
});

describe("years", () => {
  it("reads the article's own year against the event month", () => {
    expect(ownYear("刚刚过去的2022年,全县经济较2021年增长。", 2026, 2)).toBe(2023);
    expect(ownYear("会上总结2017年工作,谋划2018年工作,推动2018年各项工作。", 2026, 12)).toBe(2017);
    expect(ownYear("科学谋划2022年重点工作。2021年,全县各部门紧扣全年目标。确保2022年开门红。", 2026, 1)).toBe(2022);
    expect(ownYear("会议听取了《关于2021年度国有资产管理情况的报告》。", 2026, 7)).toBe(2022);
    expect(ownYear("到2035年基本实现现代化。", 2026, 5)).toBeUndefined();
    expect(ownYear("2019年和2023年都曾获奖。", 2026, 5)).toBeUndefined();
  });

  it("lets an article's own year beat the page's, and lends no page year on a page of several cities", () => {
    const one = parsePage(
      page(
        "温县召开春季植树动员会",
        "3月5日,温县召开2023年春季植树动员会。",
        "孟州市召开项目推进会",
        "3月6日,孟州市召开项目推进会,2024年将新开工项目20个。",
      ),
    );
    // One city (焦作): the page's latest year is lent; the article printing its own keeps it.
    expect(one.map((a) => a.date)).toEqual(["2023-03-05", "2024-03-06"]);
    const mixed = parsePage(
      page(
        "温县召开春季植树动员会",
        "3月5日,温县召开2023年春季植树动员会。",
        "沛县召开项目推进会",
        "3月6日,沛县召开项目推进会。",
      ),
    );
    expect(mixed.map((a) => a.date)).toEqual(["2023-03-05", null]);
  });
});

describe("districts", () => {
  it("takes the one the lead names over ones named more often later", () => {
    expect(
      articleDistricts("县领导调研项目建设", "6月1日,孟州市领导到项目现场调研。\n温县客商参加。温县企业介绍。")[0],
    ).toBe("孟州市");
  });

  it("takes, of two in the headline, the one the text speaks of", () => {
    expect(
      articleDistricts("温县政协主席一行到孟州市观摩", "观摩团先后到孟州市产业园。孟州市近年来发展迅速。")[0],
    ).toBe("孟州市");
  });

  it("knows short and official forms", () => {
    expect(canonicalDistrict("台前")).toBe("台前县");
    expect(canonicalDistrict("管城区")).toBe("管城回族区");
    expect(canonicalDistrict("不存在县")).toBeNull();
    expect(shortNameDistrict("要立足台前实际,做好工作。")).toBe("台前县");
    expect(shortNameDistrict("整合资源力量。")).toBeNull();
  });

  it("finds the county of an article that names only its towns", () => {
    expect(townDistrict("县领导到戴庙镇调研。")).toBe("东平县");
    // Each name alone is shared by several counties; together only one has all three.
    expect(townDistrict("代表们视察了杨屯镇、大屯街道和张寨镇。")).toBe("沛县");
    expect(townDistrict("城关镇召开会议,督促各乡镇落实。")).toBeNull();
    const [a] = parsePage(page("我县开展安全生产检查", "5月2日,检查组到闹店镇检查安全生产。"));
    expect(a?.district).toBe("宝丰县");
  });

  it("lends the page's district only when two or more articles agree", () => {
    expect(pageDistrict(["温县", "温县", null])).toBe("温县");
    expect(pageDistrict(["温县", null])).toBeNull();
    expect(pageDistrict(["温县", "孟州市", null])).toBeNull();
  });

  it("gives articles naming none the district given by --district", () => {
    const arts = parsePage(page("我县召开创建文明城市推进会", "8月18日,我县召开创建文明城市推进会。"), {
      district: "台前县",
    });
    expect(arts[0]?.district).toBe("台前县");
  });
});

describe("per-folder defaults", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sources-"));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("reads sources.json (file entry over the folder's \"*\") and the folder's name", () => {
    const dir = path.join(work, "台前县");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "sources.json"),
      JSON.stringify({
        "*": { date: "2022-09-30" },
        "b.txt": { district: "濮阳县", date: "2022-10-02" },
        "c.txt": "乌有县",
      }),
    );
    expect(sourceDefaults(path.join(dir, "a.txt"))).toEqual({ district: "台前县", issueDate: "2022-09-30" });
    expect(sourceDefaults(path.join(dir, "b.txt"))).toEqual({ district: "濮阳县", issueDate: "2022-10-02" });
    expect(sourceDefaults(path.join(dir, "c.txt")).warning).toContain("乌有县");
  });

  it("ignores a broken sources.json with a warning", () => {
    const dir = path.join(work, "2024-05-06");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "sources.json"), "{not json");
    const d = sourceDefaults(path.join(dir, "x.txt"));
    expect(d.issueDate).toBe("2024-05-06");
    expect(d.warning).toContain("无法使用");
  });
});
