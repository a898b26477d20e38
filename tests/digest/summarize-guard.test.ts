import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createLlmSummarizer } from "../../src/digest/llm-summary.js";
import { summarizeArticle, unsupportedTerms } from "../../src/digest/summarize.js";
import { article } from "./helpers.js";

/**
 * Issue #11 item 1 for digests: an LLM summary goes through the answer
 * guard, so a number changed in any script or a name the article does not
 * print (with or without a post) gives the extractive summary instead.
 */

const TEXT =
  "2月1日,陕州区召开动员部署会,区委书记李军出席会议并讲话;区领导何飞、孔利亚等出席会议,全区二百名干部参加会议。";
const a = article({ id: "d1e2f3a4", title: "陕州区召开动员部署会", source: "x.txt", seq: 0, text: TEXT });

describe("digest summary guard", () => {
  it.each([
    "陕州区召开动员部署会，全区三百名干部参加。",
    "陕州区召开动员部署会，全区３００名干部参加。",
    "陕州区召开动员部署会，全区贰佰伍拾名干部参加。",
    "陕州区召开动员部署会，张伟主持了会议。",
    "陕州区召开动员部署会，欧阳娜娜出席。",
    "陕州区召开动员部署会，诸葛亮、司马懿作了发言。",
    "陕州区召开动员部署会，详情请访问 https://evil.example/login。",
  ])("rejects %s", async (reply) => {
    expect(unsupportedTerms(reply, TEXT)).not.toEqual([]);
    const warnings: object[] = [];
    const s = await createLlmSummarizer(new FakeListChatModel({ responses: [reply] }), {
      log: { warn: (o) => warnings.push(o) },
    })(a);
    expect(s).toBe(summarizeArticle(a));
    expect(warnings).toHaveLength(1);
  });

  it.each([
    "2月1日，陕州区召开动员部署会，区委书记李军出席并讲话。",
    "陕州区召开动员部署会，全区200名干部参加。",
    "陕州区召开动员部署会，全区两百名干部参加。",
  ])("accepts %s", async (reply) => {
    expect(unsupportedTerms(reply, TEXT)).toEqual([]);
    expect(await createLlmSummarizer(new FakeListChatModel({ responses: [reply] }))(a)).toBe(reply);
  });

  it("gives up on a model that never answers, within its timeout", async () => {
    const stalled = new FakeListChatModel({ responses: ["x"], sleep: 60_000 });
    const warnings: object[] = [];
    const s = await createLlmSummarizer(stalled, { timeoutMs: 50, log: { warn: (o) => warnings.push(o) } })(a);
    expect(s).toBe(summarizeArticle(a));
    expect(JSON.stringify(warnings)).toMatch(/abort/i);
  });
});
