import { describe, expect, it } from "vitest";
import { extractFacts, findMentions } from "../../src/facts/extract.js";
import { nameAt } from "../../src/facts/names.js";
import { splitClauses, splitSentences } from "../../src/facts/text.js";
import type { Fact } from "../../src/facts/types.js";
import { sampleArticles } from "../answer/fixtures/sample-articles.js";

/** A fact with every kind's fields optional, so tests can filter the union without narrowing first. */
type AnyFact = Fact & { name?: string | null; post?: string | null; role?: string };

function factsOf(id: string): AnyFact[] {
  const a = sampleArticles().find((x) => x.id === id);
  if (!a) throw new Error(`no sample article ${id}`);
  return extractFacts(a);
}

/** Names with `role` in article `id`, in text order, deduplicated. */
function withRole(id: string, role: string): string[] {
  return [
    ...new Set(
      factsOf(id)
        .filter((f) => f.kind === "role" && f.role === role && f.name)
        .map((f) => f.name as string),
    ),
  ];
}

function postOf(id: string, name: string): string | null | undefined {
  return factsOf(id).find((f) => f.kind === "person" && f.name === name && f.post)?.post;
}

describe("sentences and clauses", () => {
  it("keeps offsets into the text and closing quotes with their sentence", () => {
    const text = "他说：“好。”会议结束。\n下一段";
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(["他说：“好。”", "会议结束。", "下一段"]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it("splits clauses at ，；： but not inside quotes", () => {
    const [sent] = splitSentences("11月11日,解放区召开“会议,推进”工作;安排部署。");
    expect(splitClauses(sent as never).map((c) => c.text)).toEqual([
      "11月11日",
      "解放区召开“会议,推进”工作",
      "安排部署",
    ]);
  });
});

describe("names", () => {
  it("reads the shorter name when a verb follows, the longer when not", () => {
    expect(nameAt("何飞主持", 0)).toBe("何飞");
    expect(nameAt("朱孝哲在向大会", 0)).toBe("朱孝哲");
    expect(nameAt("李志高等出席", 0)).toBe("李志高");
    expect(nameAt("吕沛强调", 0)).toBe("吕沛");
  });
  it("rejects words that are not names", () => {
    expect(nameAt("领导班子要", 2)).toBeUndefined();
    expect(nameAt("会议要求", 0)).toBeUndefined();
  });
  it("finds people after posts and in labelled lists, not after 补选 without 为", () => {
    const m = findMentions("孟州市政协党组书记郑小标、市人大常委会副主任郝雅伟列席会议。");
    expect(m.map((x) => [x.name, x.post])).toEqual([
      ["郑小标", "孟州市政协党组书记"],
      ["郝雅伟", "市人大常委会副主任"],
    ]);
    expect(findMentions("先后公布了补选公告、选民更正榜").map((x) => x.name)).toEqual([]);
  });
});

// Every meeting of the sample bulletins: attendees, presiders, 列席, 陪同 as printed.
describe("roles at every meeting of the samples", () => {
  it("陕州区动员部署会: 李军 出席并讲话, twelve 区领导 出席, six units 发言", () => {
    expect(withRole("a0000001", "出席")).toEqual([
      "李军",
      "何飞",
      "孔利亚",
      "吴自力",
      "杨玉秋",
      "王胜军",
      "蒋立庆",
      "樊卫星",
      "张倩",
      "丁锐",
      "李刚",
      "王宁",
      "李志高",
    ]);
    expect(withRole("a0000001", "讲话")).toEqual(["李军"]);
    expect(postOf("a0000001", "李军")).toBe("区委书记");
    const spoke = factsOf("a0000001").find((f) => f.role === "发言");
    expect(spoke?.value).toBe("原店镇、甘棠街道、发改委、工信局、商务局、市生态环境局第二分局");
    expect(factsOf("a0000001").find((f) => f.name === "何飞" && f.role === "出席")?.value).toMatch(
      /^区领导何飞、孔利亚.*李志高等$/,
    );
  });
  it("陕州区政府第55次常务会议: 何飞 主持", () => {
    expect(withRole("a0000002", "主持")).toEqual(["何飞"]);
    expect(postOf("a0000002", "何飞")).toBe("陕州区委副书记、区长");
  });
  it("陕州区总工会: 葛海水 带队", () => {
    expect(withRole("a0000004", "带队")).toEqual(["葛海水"]);
    expect(postOf("a0000004", "葛海水")).toBe("陕州区人大常委会副主任、区总工会主席");
  });
  it("解放区大气污染防治推进会: 赵海燕 出席并讲话, 刘海霞 主持, 负责人 参加", () => {
    expect(withRole("a0000101", "出席")).toEqual(["赵海燕"]);
    expect(withRole("a0000101", "讲话")).toEqual(["赵海燕"]);
    expect(withRole("a0000101", "主持")).toEqual(["刘海霞"]);
    expect(postOf("a0000101", "刘海霞")).toBe("区委常委、常务副区长");
    expect(factsOf("a0000101").find((f) => f.role === "参加")?.value).toBe("各街道(园区)、区直相关单位负责人");
  });
  it("解放区高质量发展考核推进会: 于怀贵 主持", () => {
    expect(withRole("a0000102", "主持")).toEqual(["于怀贵"]);
    expect(postOf("a0000102", "于怀贵")).toBe("解放区委副书记、区长");
  });
  it("卫东区人大七次会议: posts and the people elected", () => {
    expect(postOf("a0000201", "朱孝哲")).toBe("卫东区人大常委会主任");
    expect(postOf("a0000201", "王迎波")).toBe("卫东区委书记");
    expect(postOf("a0000201", "张伟")).toBe("卫东区区长");
    expect(withRole("a0000201", "当选")).toEqual(["朱晓鹏", "王二庆", "宋振伟", "郑二民"]);
    expect(factsOf("a0000201").find((f) => f.name === "朱晓鹏" && f.role === "当选")?.post).toBe(
      "卫东区监察委员会主任",
    );
  });
  it("卫东区政协九届五次会议: 补选6名委员, 陈永斌 区政协主席", () => {
    expect(factsOf("a0000204").find((f) => f.role === "补选")?.value).toBe("6名区政协九届常务委员会委员");
    expect(postOf("a0000204", "陈永斌")).toBe("区政协主席");
  });
  it("中原区“六一”慰问: four leaders, accompanied by 区妇联及区教体局主要负责人", () => {
    expect(withRole("a0000302", "慰问")).toEqual(["乔耸", "杜建强", "吴明勇", "黄乃林"]);
    expect(postOf("a0000302", "杜建强")).toBe("区委副书记、区委办主任");
    expect(factsOf("a0000302").find((f) => f.role === "陪同")?.value).toBe("区妇联及区教体局主要负责人");
  });
  it("中原区国家卫生城市复审调研: 李晓雷 调研, 于珊、邵春雨、王泰峰 陪同", () => {
    expect(withRole("a0000304", "调研")).toEqual(["李晓雷"]);
    expect(withRole("a0000304", "陪同")).toEqual(["于珊", "邵春雨", "王泰峰"]);
  });
  it("中原区“亮赛比”: 50余人 参加", () => {
    expect(factsOf("a0000305").find((f) => f.role === "参加")?.value).toContain("共50余人");
  });
  it("棉纺路街道补选: 李利军 当选", () => {
    expect(withRole("a0000306", "当选")).toEqual(["李利军"]);
  });
  it("山阳区“四城联创”务虚会: 赵玉辉 主持, five 区领导 出席", () => {
    expect(withRole("a0000401", "主持")).toEqual(["赵玉辉"]);
    expect(withRole("a0000401", "出席")).toEqual(["吴长青", "申延芳", "马俊标", "马有国", "王秀兰"]);
    expect(factsOf("a0000401").find((f) => f.role === "参加")?.value).toBe("各街道党工委书记、区直有关单位负责人");
  });
  it("郑小林 带队督导复学, 吴长青、闫利明 一同", () => {
    const a = sampleArticles().find((x) => x.id === "a0000402");
    if (!a) throw new Error("sample a0000402 missing");
    // The sample cut ends before the 一同 sentence; check it on the full paragraph.
    const facts = extractFacts({ ...a, text: `${a.text}区领导吴长青、闫利明一同督导检查。` }) as AnyFact[];
    expect(facts.filter((f) => f.role === "带队").map((f) => f.name)).toEqual(["郑小林"]);
    expect(facts.filter((f) => f.role === "一同").map((f) => f.name)).toEqual(["吴长青", "闫利明"]);
  });
  it("李建超 黄龙山调研: 带队, 樊育新、马俊标 一同调研督导", () => {
    expect(withRole("a0000403", "带队")).toEqual(["李建超"]);
    expect(withRole("a0000403", "一同")).toEqual(["樊育新", "马俊标"]);
  });
  it("山阳区委常委(扩大)会: 李建超 主持, eleven 区领导 出席", () => {
    expect(withRole("a0000404", "主持")).toEqual(["李建超"]);
    expect(withRole("a0000404", "出席")).toEqual([
      "郑小林",
      "赵玉辉",
      "樊坤天",
      "王小平",
      "杨照峰",
      "李中阳",
      "刘希有",
      "臧振田",
      "吴长青",
      "樊育新",
      "郭海涛",
    ]);
  });
  it("孟州市委常委会: 卢和平 主持, nine 常委 出席, 郑小标、郝雅伟 列席", () => {
    expect(withRole("a0000406", "主持")).toEqual(["卢和平"]);
    expect(postOf("a0000406", "卢和平")).toBe("孟州市委书记、市人大常委会主任");
    expect(withRole("a0000406", "出席")).toEqual([
      "吕沛",
      "张忠伟",
      "刘继承",
      "李玉明",
      "张存庆",
      "孙小献",
      "秦广东",
      "原红波",
      "邵飞",
    ]);
    expect(withRole("a0000406", "列席")).toEqual(["郑小标", "郝雅伟"]);
    expect(postOf("a0000406", "郝雅伟")).toBe("市人大常委会副主任");
  });
  it("“四好农村路”: 卢和平 督导, 郑小标、庞国平 一同督导", () => {
    expect(withRole("a0000407", "督导")).toEqual(["卢和平"]);
    expect(withRole("a0000407", "一同")).toEqual(["郑小标", "庞国平"]);
  });
  it("专项债券会议: 吕沛、原红波、唐军 出席; 吕沛 is 市委副书记、市长", () => {
    expect(withRole("a0000408", "出席")).toEqual(["吕沛", "原红波", "唐军"]);
    expect(postOf("a0000408", "原红波")).toBe("该市领导");
    expect(
      factsOf("a0000408").find((f) => f.kind === "person" && f.name === "吕沛" && f.post?.includes("市长"))?.post,
    ).toBe("孟州市委副书记、市长");
  });
});

describe("dates, places and spans", () => {
  it("finds event dates and places as printed", () => {
    expect(factsOf("a0000203").some((f) => f.kind === "date" && f.value === "2月19日")).toBe(true);
    expect(factsOf("a0000201").some((f) => f.kind === "date" && f.value === "2月23日至25日")).toBe(true);
    expect(factsOf("a0000405").find((f) => f.kind === "place")?.value).toBe("焦辉路中石油第一加油站");
    expect(factsOf("a0000303").some((f) => f.kind === "place" && f.value.includes("棉西小院"))).toBe(true);
  });
  it("every fact points at its text: the value inside the quoted sentence", () => {
    for (const a of sampleArticles()) {
      for (const f of extractFacts(a) as AnyFact[]) {
        expect(f.quoteStart).toBeLessThanOrEqual(f.start);
        expect(f.end).toBeLessThanOrEqual(f.quoteEnd);
        const quote = a.text.slice(f.quoteStart, f.quoteEnd);
        if (f.name) expect(quote).toContain(f.name);
        if (f.kind !== "role") expect(a.text.slice(f.start, f.end)).toBe(f.value);
      }
    }
  });
});
