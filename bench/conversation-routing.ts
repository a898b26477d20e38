// Does the conversation layer change single questions? For every question of an eval file (one fresh
// conversation each), the answerer's answer and the conversation's are scored the same way (`must`
// all in the text, `any` one of them, `decline` not found). Prints how many each passes and which
// questions the conversation routed away from the answerer (timeline, browse, English).
//   INDEX_DIR=<an ingested index> npx tsx bench/conversation-routing.ts [questions.jsonl …]
// Default files: tests/answer/own-questions.jsonl and ../shared/eval/questions.jsonl (skipped when absent).
import fs from "node:fs";
import path from "node:path";
import { openApp } from "../src/app/open.js";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/log.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const files = process.argv.slice(2);
if (files.length === 0)
  files.push(path.join(ROOT, "tests/answer/own-questions.jsonl"), path.join(ROOT, "../shared/eval/questions.jsonl"));

interface Row {
  id?: string;
  q: string;
  must?: string[];
  any?: string[];
  decline?: boolean;
}
const rows: Row[] = files
  .filter((f) => fs.existsSync(f))
  .flatMap((f) => fs.readFileSync(f, "utf8").split("\n"))
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const app = openApp(loadConfig({ ...process.env, LOG_LEVEL: "silent" }), { log: createLogger("silent") });
const pass = (text: string, found: boolean, r: Row) =>
  r.decline ? !found : (r.must ?? []).every((m) => text.includes(m)) && (!r.any || r.any.some((m) => text.includes(m)));
let answerer = 0;
let conversation = 0;
let identical = 0;
const routed: string[] = [];
for (const [i, r] of rows.entries()) {
  const a = await app.answerer.ask(r.q);
  const key = `bench:${process.pid}:${i}`;
  const c = await app.conversation.ask(key, r.q);
  app.conversation.forget(key);
  if (pass(a.answer, a.found, r)) answerer++;
  if (pass(c.answer, c.found, r)) conversation++;
  if (c.kind !== "answer") routed.push(`${r.id ?? i} → ${c.kind}`);
  else if (c.answer === a.answer) identical++;
}
console.log(`questions ${rows.length}: answerer ${answerer} pass, conversation ${conversation} pass`);
console.log(`sent to the answerer unchanged: ${rows.length - routed.length} (identical answers ${identical})`);
console.log(`routed elsewhere: ${routed.length}${routed.length ? ` (${routed.join(", ")})` : ""}`);
app.close();
