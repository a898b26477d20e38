import { describe, expect, it } from "vitest";
import { DATELINE_START, splitDateline } from "../../src/ingest/dateline.js";
import { findEventDate, planningYear, resolveDate, yearContext } from "../../src/ingest/dates.js";
import { articleDistricts, findPlaces } from "../../src/ingest/district.js";
import { reattachFragments } from "../../src/ingest/fragments.js";
import { parseByline, splitPhotoCredit } from "../../src/ingest/names.js";
import { deriveTitle, parsePage } from "../../src/ingest/parse-page.js";
import { fixSpacing, halfWidthAlnum } from "../../src/ingest/text.js";

/** Synthetic pages written for these tests (not copied from any bulletin). */
const page = (...blocks: string[]): string => `\n\n${blocks.join("\n\n")}\n`;

describe("layout: headline above the body", () => {
  it("splits articles at headlines and takes trailing name lines as bylines", () => {
    const arts = parsePage(
      page(
        "温县召开春季植树动员会",
        "3月5日,温县召开春季植树动员会,部署全年国土绿化工作。",
        "会议要求,各乡镇要落实责任。",
        "王小明 李红",
        "温县举办农民丰收节",
        "9月23日,温县在黄庄镇举办农民丰收节。",
        "赵刚",
      ),
      { issueDate: "2024-09-25" },
    );
    expect(arts.map((a) => [a.title, a.byline, a.date])).toEqual([
      ["温县召开春季植树动员会", "王小明 李红", "2024-03-05"],
      ["温县举办农民丰收节", "赵刚", "2024-09-23"],
    ]);
    expect(arts[0]?.text).toBe("3月5日,温县召开春季植树动员会,部署全年国土绿化工作。\n会议要求,各乡镇要落实责任。");
  });

  it("reads a page exported without blank lines (headline, paragraphs, byline on single lines)", () => {
    const lead = "3月5日,温县召开春季植树动员会,部署全年国土绿化工作,要求各乡镇、各部门落实造林任务,确保完成全年目标。";
    const next = "会议强调,要科学规划造林地块,加强苗木管护,提高成活率,为建设生态温县打下坚实基础。各单位要";
    const cont = "明确责任分工,压实工作责任,确保各项任务落到实处,推动国土绿化工作取得新成效。";
    const text = [
      "温县召开春季植树动员会",
      lead,
      next,
      cont,
      "王小明 李红",
      "温县举办农民丰收节",
      `9月23日,温县在黄庄镇举办农民丰收节,${"现场展示了各类农产品,吸引了众多群众前来参观选购。".repeat(2)}`,
      "赵刚",
    ].join("\n");
    const arts = parsePage(text, { issueDate: "2024-09-25" });
    expect(arts.map((a) => [a.title, a.byline, a.date, a.text.split("\n").length])).toEqual([
      ["温县召开春季植树动员会", "王小明 李红", "2024-03-05", 2],
      ["温县举办农民丰收节", "赵刚", "2024-09-23", 1],
    ]);
    expect(arts[0]?.text).toContain("各单位要明确责任分工");
  });

  it("drops a page banner that names no place and heads nothing", () => {
    const arts = parsePage(page("奋力谱写新时代新篇章", "博爱县召开经济工作会议", "2月3日,博爱县召开经济工作会议。"));
    expect(arts.map((a) => a.title)).toEqual(["博爱县召开经济工作会议"]);
  });
});

describe("layout: headline printed after the body (narrow columns)", () => {
  const text = [
    "本报讯 （记者张三 通讯员李",
    "四） 4月2日，沁阳市召开",
    "防汛工作会议，安排部署",
    "",
    "今年防汛工作。",
    "",
    "（王五）",
    "",
    "沁阳市召开防汛",
    "工作会议",
    "本报讯 近日，沁阳市",
    "举办全民健身运动会。",
    "",
    "（赵六）",
    "",
    "沁阳市全民健身运动会开幕",
    "",
  ].join("\n");
  const arts = parsePage(text, { issueDate: "2023-04-10" });

  it("titles each body with the headline that follows its byline, joining a wrapped headline", () => {
    expect(arts.map((a) => a.title)).toEqual(["沁阳市召开防汛工作会议", "沁阳市全民健身运动会开幕"]);
  });
  it("joins column-broken lines and takes the dateline's reporters and the bracketed byline", () => {
    expect(arts[0]?.text).toBe("4月2日，沁阳市召开防汛工作会议，安排部署今年防汛工作。");
    expect(arts[0]?.byline).toBe("记者张三 通讯员李四 王五");
    expect(arts[0]?.date).toBe("2023-04-02");
    expect(arts[1]).toMatchObject({ date: null, dateText: "近日", byline: "赵六" });
  });
});

describe("layout: headline after the body, decided per article by the evidence", () => {
  // Headlines that repeat little of their lead: each says more of the body above it than of the next one.
  const block = (lead: string, rest: string, byline: string, headline: string) =>
    [lead, "", rest, "", `（${byline}）`, headline].join("\n");
  const text = [
    block(
      "本报讯 3月1日，长葛市召开春季义务植树动员会，部署全年国土绿化工作。",
      "会议要求，各乡镇要落实造林任务。",
      "李四",
      "长葛市召开春季义务植树动员会",
    ),
    block(
      "本报讯 3月2日，长葛市在老城镇举行春季义务植树活动，干部群众三百余人参加。",
      "活动现场，大家挥锹铲土、扶苗培土，栽下侧柏、国槐等苗木两千余株。",
      "王五",
      "春风十里植新绿 老城镇里添生机",
    ),
    block(
      "本报讯 3月5日，长葛市人民医院组织医护人员走进社区开展义诊，测量血压、讲解慢病防治知识。",
      "义诊持续一上午，共服务群众四百余人次，发放宣传资料一千余份。",
      "赵六",
      "白衣天使进社区 健康服务暖人心",
    ),
    block(
      "本报讯 3月8日，长葛市妇联举办巾帼建功表彰大会，表彰一批优秀女性代表。",
      "会上，受表彰代表分享了扎根基层、服务群众的经验。",
      "孙七",
      "巾帼绽芳华 建功新时代",
    ),
  ].join("\n\n\n");

  it("gives each headline to the body it summarises best, not to the next body", () => {
    expect(parsePage(text, { issueDate: "2023-03-10" }).map((a) => [a.title, a.text.slice(0, 8)])).toEqual([
      ["长葛市召开春季义务植树动员会", "3月1日，长葛市"],
      ["春风十里植新绿 老城镇里添生机", "3月2日，长葛市"],
      ["白衣天使进社区 健康服务暖人心", "3月5日，长葛市"],
      ["巾帼绽芳华 建功新时代", "3月8日，长葛市"],
    ]);
  });

  it("takes a short headline over a lead that names it for that article's headline, not a photo caption", () => {
    const arts = parsePage(
      page(
        "长葛市召开春耕生产会",
        "3月6日，长葛市召开春耕生产会，部署春耕备播。",
        "王刚会见客商一行",
        "市委书记王刚在市行政中心会见了前来考察的客商一行。",
        "双方就项目合作进行了交流。",
      ),
    );
    expect(arts.map((a) => a.title)).toEqual(["长葛市召开春耕生产会", "王刚会见客商一行"]);
  });
});

describe("layout: no blank lines, paragraphs indented", () => {
  it("cuts a headline wrapped at the column width off the indented body under it", () => {
    const text = [
      "长葛市召开再生金属产业发展推",
      "进会",
      "\u3000\u30005月8日，长葛市在大周镇召",
      "开再生金属产业发展推进会。",
      "\u3000\u3000会议要求，要加快园区建设。",
      "长葛市举办农民丰收节",
      "\u3000\u30009月23日，长葛市在老城镇举",
      "办农民丰收节。",
    ].join("\n");
    expect(parsePage(text).map((a) => [a.title, a.text])).toEqual([
      [
        "长葛市召开再生金属产业发展推进会",
        "5月8日，长葛市在大周镇召开再生金属产业发展推进会。\n会议要求，要加快园区建设。",
      ],
      ["长葛市举办农民丰收节", "9月23日，长葛市在老城镇举办农民丰收节。"],
    ]);
  });
});

describe("layout: articles parted by a wider gap than paragraphs", () => {
  it("starts a headline-last article at the block after the wider gap, though its lead has no dateline", () => {
    const text = [
      "长葛市召开春耕生产会",
      "",
      "3月6日，长葛市召开春耕生产会，部署春耕备播。",
      "",
      "会议要求，各乡镇要抓好农资供应。",
      "",
      "",
      "",
      "市农业农村局组织农技人员深入田间地头，指导农户科学施肥。",
      "",
      "农技人员还发放了技术资料。",
      "",
      "（王五）",
      "农技人员深入田间指导科学施肥",
      "",
      "",
      "",
      "长葛市举办农民丰收节",
      "",
      "9月23日，长葛市在老城镇举办农民丰收节。",
    ].join("\n");
    expect(parsePage(text).map((a) => [a.title, a.text.slice(0, 8)])).toEqual([
      ["长葛市召开春耕生产会", "3月6日，长葛市"],
      ["农技人员深入田间指导科学施肥", "市农业农村局组织"],
      ["长葛市举办农民丰收节", "9月23日，长葛"],
    ]);
  });
});

describe("layout: a lead cut by a column break under headline and byline", () => {
  it("keeps lines cut from the first sentence in the body, not as a second headline", () => {
    const arts = parsePage(
      page(
        "孙建国会见客商代表",
        "□记者 王丽",
        "市委书记孙建国5月8日上午在市行\n政中心与来访的客商代表一行举",
        "行座谈。双方就项目合作进行了交\n流。",
      ),
    );
    expect(arts.map((a) => [a.title, a.byline, a.text])).toEqual([
      [
        "孙建国会见客商代表",
        "记者 王丽",
        "市委书记孙建国5月8日上午在市行政中心与来访的客商代表一行举行座谈。双方就项目合作进行了交流。",
      ],
    ]);
  });
  it("keeps a line cut out of a sentence inside an article in its body", () => {
    const arts = parsePage(
      page(
        "长葛市举办农民丰收节",
        "9月23日，长葛市在老城镇举办农民丰收节，现场展示了\n各类农产品，吸引了众多群众前来",
        "参观选购的群众纷纷称赞这次活动办得",
        "好。活动持续一整天。",
      ),
    );
    expect(arts.map((a) => a.title)).toEqual(["长葛市举办农民丰收节"]);
    expect(arts[0]?.text).toBe(
      "9月23日，长葛市在老城镇举办农民丰收节，现场展示了各类农产品，吸引了众多群众前来参观选购的群众纷纷称赞这次活动办得好。活动持续一整天。",
    );
  });
  it("never ends a headline with a number cut by the column", () => {
    const arts = parsePage(
      page(
        "长葛市一季度经济运行稳中向好",
        "长葛市统计局今天公布：一季度\n全市规模以上工业增加值增长6.",
        "5%，高于全省平均水平。",
      ),
    );
    expect(arts.map((a) => a.title)).toEqual(["长葛市一季度经济运行稳中向好"]);
    expect(arts[0]?.text).toBe("长葛市统计局今天公布：一季度全市规模以上工业增加值增长6.5%，高于全省平均水平。");
  });
});

describe("derived titles", () => {
  it("never cuts a title inside a book title or a quote", () => {
    expect(deriveTitle(["5月8日，长葛市召开“项目建设，提质增效”推进会，部署全年工作。"])).toBe(
      "长葛市召开“项目建设，提质增效”推进会",
    );
  });
});

describe("headline stacks: kicker, wrapped headline, deck", () => {
  const lead = "本报讯 5月8日，长葛市在大周镇召开再生金属产业发展推进会，部署园区扩区提质工作。";
  it("takes a short first line the lead does not say for the kicker of a wrapped headline with a deck", () => {
    const arts = parsePage(
      page(
        "温县召开植树会",
        "3月5日，温县召开植树会。",
        "一线见闻\n长葛市召开再生金属\n产业发展推进会\n——园区扩区提质",
        lead,
      ),
    );
    expect(arts[1]).toMatchObject({ title: "长葛市召开再生金属产业发展推进会", subtitle: "一线见闻 ——园区扩区提质" });
  });
  it("takes the lines above a column tag for its kicker", () => {
    const arts = parsePage(page("奋进新征程 建功新时代\n【一线见闻】长葛市召开再生金属产业发展推进会", lead));
    expect(arts[0]).toMatchObject({
      title: "【一线见闻】长葛市召开再生金属产业发展推进会",
      subtitle: "奋进新征程 建功新时代",
    });
  });
  it("takes no kicker from a first line that leaves a bracket open", () => {
    const arts = parsePage(
      page(
        "【第十届长葛市农民运\n动会】老城镇代表队夺得拔河冠军",
        "本报讯 9月20日，老城镇代表队在拔河比赛中夺得冠军。",
      ),
    );
    expect(arts[0]).toMatchObject({ title: "【第十届长葛市农民运动会】老城镇代表队夺得拔河冠军", subtitle: null });
  });
  it("takes no deck from a dash inside a bracket the line above left open", () => {
    const arts = parsePage(
      page(
        "【奋进新征程 共绘新图景\n——代表委员议发展】长葛市再生金属产业提质增效",
        "本报讯 3月5日，长葛市再生金属产业提质增效取得新进展。",
      ),
    );
    expect(arts[0]).toMatchObject({
      title: "【奋进新征程 共绘新图景——代表委员议发展】长葛市再生金属产业提质增效",
      subtitle: null,
    });
  });
  it("keeps a headline broken at a phrase whole when the lead says its first line", () => {
    const arts = parsePage(
      page("孙建国督导\n“再生金属”产业发展工作", "本报讯 5月8日，长葛市委书记孙建国到大周镇督导再生金属产业发展工作。"),
    );
    expect(arts[0]).toMatchObject({ title: "孙建国督导“再生金属”产业发展工作", subtitle: null });
  });
});

describe("layout: markdown headings", () => {
  it("makes two headings in a row two articles (the first without body) and pairs a kicker with its headline", () => {
    const arts = parsePage(
      page(
        "# 修武县召开安全生产会议",
        "# 修武县召开秋粮收购会议",
        "10月8日,修武县召开秋粮收购会议。",
        "# 乡村振兴结硕果",
        "# 修武县特色产业带动群众增收",
        "今年以来,修武县大力发展特色产业。",
      ),
    );
    expect(arts.map((a) => [a.title, a.subtitle, a.text === ""])).toEqual([
      ["修武县召开安全生产会议", null, true],
      ["修武县召开秋粮收购会议", null, false],
      ["修武县特色产业带动群众增收", "乡村振兴结硕果", false],
    ]);
  });

  it("keeps a deck printed below the headline as its subtitle", () => {
    const arts = parsePage(
      page("武陟县召开党建工作会议", "——部署全年基层党建重点任务", "1月9日,武陟县召开党建工作会议。"),
    );
    expect(arts[0]).toMatchObject({ title: "武陟县召开党建工作会议", subtitle: "——部署全年基层党建重点任务" });
  });
});

describe("cut-up pages", () => {
  it("gives a body-less headline the tail that speaks of it, and nothing without strong evidence", () => {
    const arts = [
      { headline: "修武县强化重点项目服务保障", paras: [] as string[] },
      {
        headline: "修武县人大会议闭幕",
        paras: [
          "3月2日,修武县人大会议闭幕。",
          "大会选举了县人大常委会组成人员。",
          "全县要紧盯重点项目开工,强化服务保障,为项目建设提供优质服务。",
        ],
      },
      { headline: "修武县召开防汛会议", paras: [] as string[] },
    ];
    expect(reattachFragments(arts)).toBe(1);
    expect(arts[0]?.paras).toEqual(["全县要紧盯重点项目开工,强化服务保障,为项目建设提供优质服务。"]);
    expect(arts[1]?.paras).toHaveLength(2);
    expect(arts[2]?.paras).toEqual([]);
  });
});

describe("text clean-up", () => {
  it("closes OCR letter-spacing but keeps word spaces of headlines", () => {
    expect(fixSpacing("同时，要调整 方 向 ， 合 理 安 排 人 员")).toBe("同时，要调整方向，合理安排人员");
    expect(fixSpacing("闹元宵 猜灯谜 促和谐", "title")).toBe("闹元宵 猜灯谜 促和谐");
    expect(fixSpacing("3 月 26 日 ，全市 2020 年完成")).toBe("3月26日，全市2020年完成");
    expect(fixSpacing("海军在多地举行活动 40多艘舰艇向公众开放", "title")).toBe(
      "海军在多地举行活动 40多艘舰艇向公众开放",
    );
  });

  it("makes full-width digits and letters half width, keeps Chinese punctuation", () => {
    expect(halfWidthAlnum("２０２４年ＧＤＰ增长５．２％，同比“提高”。")).toBe("2024年GDP增长5.2%，同比“提高”。");
  });

  it("treats a blank line inside a sentence as a column break, not a new paragraph", () => {
    const arts = parsePage(
      page("孟津区召开会议", "5月6日,孟津区召开会议,要求各单位加", "强协作,形成合力。", "会议还研究了其他事项。"),
    );
    expect(arts[0]?.text).toBe("5月6日,孟津区召开会议,要求各单位加强协作,形成合力。\n会议还研究了其他事项。");
  });

  it("converts a traditional-character page to simplified", () => {
    const arts = parsePage(page("新鄭市舉辦文化節", "8月1日,新鄭市舉辦黃帝文化節,吸引數萬名遊客參觀。"));
    expect(arts[0]?.title).toBe("新郑市举办文化节");
    expect(arts[0]?.district).toBe("新郑市");
  });
});

describe("captions, photo news, datelines and bylines", () => {
  it("splits photo credits, also when OCR spaced the name or glued it to the sentence", () => {
    expect(splitPhotoCredit("大会现场 高鸿勋 摄")).toEqual({ caption: "大会现场", credit: "高鸿勋" });
    expect(splitPhotoCredit(fixSpacing("工作人员在演练处置方式。 廉 玮 摄"))).toEqual({
      caption: "工作人员在演练处置方式。",
      credit: "廉玮",
    });
    expect(splitPhotoCredit("会议要求各单位组织拍摄")).toBeNull();
  });

  it("recognizes byline forms and rejects sentences", () => {
    expect(parseByline("（孟轩）")).toEqual({ text: "孟轩", strong: true });
    expect(parseByline("记者 张改华 通讯员 张光明")).toEqual({ text: "记者 张改华 通讯员 张光明", strong: true });
    expect(parseByline("本报记者 詹长松")).toEqual({ text: "记者 詹长松", strong: true });
    expect(parseByline("□王水涛")).toEqual({ text: "王水涛", strong: true });
    expect(parseByline("樊玉峰 牛婷婷")).toEqual({ text: "樊玉峰 牛婷婷", strong: false });
    expect(parseByline("本报记者从区教育局获悉")).toBeNull();
    expect(parseByline("闹元宵 猜灯谜 促和谐")).toBeNull();
  });

  it("makes a long caption with a headline photo news, and titles one without by its main clause", () => {
    const arts = parsePage(
      page(
        "春耕正当时",
        "3月10日,温县农民在田间忙碌。图为农民驾驶农机播种,田野里一派繁忙景象。张军 摄",
        "为提升应急处置能力,保障群众安全,4月2日,温县消防大队在城区开展了消防演练活动。图为演练现场。 李 华 摄",
      ),
      { issueDate: "2022-04-05" },
    );
    expect(arts.map((a) => [a.title, a.byline, a.date])).toEqual([
      ["春耕正当时", "张军 摄", "2022-03-10"],
      ["温县消防大队在城区开展了消防演练活动", "李华 摄", "2022-04-02"],
    ]);
    expect(arts[1]?.text).toBe(
      "为提升应急处置能力,保障群众安全,4月2日,温县消防大队在城区开展了消防演练活动。图为演练现场。",
    );
  });

  it("takes 本报讯 / 本报(…) datelines off the text", () => {
    const arts = parsePage(page("林州市召开会议", "本报(记者刘洋)6月1日,林州市召开会议。"));
    expect(arts[0]).toMatchObject({ text: "6月1日,林州市召开会议。", byline: "记者刘洋", dateText: "6月1日" });
  });
  it("takes an outlet's dateline off also when closing up letter-spacing removed the space after it", () => {
    expect(splitDateline(fixSpacing("长 葛 市 融 媒 体 中 心 讯 3月5日，长葛市召开会议。"))).toMatchObject({
      rest: "3月5日，长葛市召开会议。",
    });
    expect(splitDateline("长葛市融媒体中心讯长葛市召开会议。").rest).toBe("长葛市召开会议。");
    expect(DATELINE_START.test("长葛市融媒体中心通讯员王丽拍摄了现场。")).toBe(false);
  });
});

describe("districts", () => {
  it("finds county-level names, not everyday words", () => {
    expect(findPlaces("平顶山市卫东区").map((p) => [p.name, p.county])).toEqual([
      ["平顶山市", false],
      ["卫东区", true],
    ]);
    expect(findPlaces("全区上下、城区和县乡道路").filter((p) => p.county)).toEqual([]);
    expect(findPlaces("平顶山市叶县").map((p) => p.name)).toContain("叶县");
  });
  it("prefers the district of the headline, then the most named one", () => {
    expect(articleDistricts("孟州市召开会议", "焦作市、山阳区、山阳区代表参加")).toEqual(["孟州市", "山阳区"]);
    expect(articleDistricts("召开会议", "焦作市、山阳区、孟州市、山阳区")).toEqual(["山阳区", "孟州市"]);
  });
  it("falls back to the page's district for an article that names none", () => {
    const arts = parsePage(
      page(
        "中原区召开会议",
        "5月1日,中原区召开会议。",
        "中原区开展义诊",
        "5月2日,中原区开展义诊。",
        "棉纺路街道完成补选",
        "5月3日,街道完成补选。",
      ),
    );
    expect(arts.map((a) => a.district)).toEqual(["中原区", "中原区", "中原区"]);
  });
});

describe("dates and years", () => {
  it("takes the first day of a range and the printed time of day", () => {
    expect(findEventDate(["2月23日至25日,大会举行。"])).toEqual({ text: "2月23日至25日", month: 2, day: 23 });
    expect(findEventDate(["11月16日上午,会议召开。"])).toMatchObject({ text: "11月16日上午", month: 11, day: 16 });
  });
  it("leaves relative dates unknown but keeps their text", () => {
    expect(findEventDate(["近日,某地召开会议。3月5日将开工。"])).toEqual({ text: "近日" });
    expect(resolveDate({ text: "近日" }, { pageYear: 2024 })).toBeNull();
  });
  it("takes a bare day for the event day (month from the issue date), not a duration", () => {
    const lead = ["委员长会议13日上午在京举行。会议决定,常委会第六次会议10月20日至24日在北京举行。"];
    const ev = findEventDate(lead);
    expect(ev).toEqual({ text: "13日上午", day: 13 });
    expect(resolveDate(ev, {})).toBeNull();
    expect(resolveDate(ev, { issueDate: "2023-10-13" })).toBe("2023-10-13");
    expect(findEventDate(["要求3日内完成整改,5日后复查。"])).toBeNull();
  });
  it("counts 昨天/今天/前天 back from the issue date, unknown without one", () => {
    const ev = findEventDate(["昨天下午,社区居民在猜灯谜。"]);
    expect(ev).toEqual({ text: "昨天下午", offset: -1 });
    expect(resolveDate(ev, { issueDate: "2021-03-01" })).toBe("2021-02-28");
    expect(resolveDate(ev, { pageYear: 2021 })).toBeNull();
  });
  it("does not take a month or a year alone for a date", () => {
    expect(findEventDate(["2020年是不平凡的一年,3月将开展培训。"])).toBeNull();
  });
  it("infers the year from the page, leaving out planning targets", () => {
    expect(yearContext("审查2035年远景目标纲要和2021年计划。截至2020年底。")).toEqual({ pageYear: 2021 });
    expect(yearContext("要锚定2035年美丽中国目标。2023年全年。")).toEqual({ pageYear: 2023 });
    expect(yearContext("2020年5月升级改造。2024年组织宣讲。")).toEqual({ pageYear: 2024 });
    expect(yearContext("2026年民生实事。")).toEqual({ pageYear: 2026 });
    expect(yearContext("落实联合国2030年可持续发展议程。1月21日举行2022年第一次集体学习。")).toEqual({
      pageYear: 2022,
    });
  });
  it("never takes a year after the ingest clock's for the page year (it is a target)", () => {
    expect(yearContext("推动2030年碳达峰。2022年第一次集体学习。", undefined, 2026)).toEqual({ pageYear: 2022 });
    expect(yearContext("到时候在2031年再看。", undefined, 2026)).toEqual({});
    expect(yearContext("2026年民生实事。", undefined, 2026)).toEqual({ pageYear: 2026 });
    expect(planningYear("奋力实现“十五五”开局")).toBe(2026);
    expect(planningYear("“十四五”开好局、起好步")).toBe(2021);
    expect(planningYear("“十三五”收官")).toBeUndefined();
  });
  it("prefers the issue date, and puts a day after the issue in the year before", () => {
    expect(resolveDate({ text: "12月28日", month: 12, day: 28 }, { issueDate: "2021-01-05", pageYear: 2021 })).toBe(
      "2020-12-28",
    );
    expect(resolveDate({ text: "1月3日", month: 1, day: 3 }, { issueDate: "2021-01-05" })).toBe("2021-01-03");
    expect(resolveDate({ text: "11日", day: 11 }, { issueDate: "2021-03-12" })).toBe("2021-03-11");
  });
  it("never invents a year: a page without one keeps the date unknown", () => {
    const arts = parsePage(page("中原区召开会议", "本报讯 6月2日,中原区召开会议。"));
    expect(arts[0]).toMatchObject({ date: null, dateText: "6月2日" });
  });
  it("reads the issue date from a YYYY-MM-DD in the file name, never from a hash", () => {
    const body = page("中原区召开会议", "本报讯 6月2日,中原区召开会议。");
    expect(parsePage(body, { source: "zhongyuan_2020-06-03.txt" })[0]?.date).toBe("2020-06-02");
    expect(parsePage(body, { source: "003_8276a20200603bc.txt" })[0]?.date).toBeNull();
  });
  it("reads the issue date from a page header line", () => {
    const arts = parsePage(page("2020年6月3日 星期三", "中原区召开会议", "本报讯 6月2日,中原区召开会议。"));
    expect(arts.map((a) => [a.title, a.date])).toEqual([["中原区召开会议", "2020-06-02"]]);
  });
});

describe("repeated paragraphs", () => {
  it("flags a paragraph printed again, even with a word changed or cut short", () => {
    const arts = parsePage(
      page(
        "济源市召开安全生产会议",
        "会议指出,冬春季历来是事故易发高发期,各单位要高度重视,认真研判安全生产薄弱环节,坚决防范较大事故发生。",
        "济源市开展消防检查",
        "检查组深入商场、学校等场所,逐一排查火灾隐患,现场督促整改。",
        "会议强调,冬春季历来是事故易发高发期,各单位要高度重视,认真研判安全生产薄弱环节。",
        "济源市开展应急演练",
        "会议指出,冬春季历来是事故易发高发期,各单位要高度重视,认真研判安全生产薄弱环节,坚决",
      ),
    );
    expect(arts.map((a) => a.repeatedParagraphs)).toEqual([[], [1], [0]]);
  });
});
