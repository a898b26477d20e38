import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { runIngestInBackground } from "../../src/app/background-ingest.js";
import { runIngest } from "../../src/app/ingest.js";
import { openApp } from "../../src/app/open.js";
import { createLogger } from "../../src/log.js";
import { openRetriever } from "../../src/retrieve/open.js";
import { openStore, ROOT, tempConfig } from "../index/helpers.js";

const SAMPLES = path.join(ROOT, "data/bulletins");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { dir, config } = tempConfig("bg-ingest-");
  const files = path.join(dir, "bulletins");
  fs.mkdirSync(files);
  for (const f of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, f), path.join(files, f));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, config, file: (name: string) => path.join(files, name) };
}

describe("background ingest", () => {
  it("runs in another process while the bot's event loop keeps serving timers and answering questions", async () => {
    const { config, file } = setup();
    const app = openApp(config, { log: createLogger("silent") });
    cleanups.push(() => app.close());
    await app.ingest([file("000_dea3d436ae17c0ab.txt")]);
    await app.retriever.warmUp();

    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    let childPid = 0;
    const ticksAtProgress: number[] = [];
    let finished = false;
    const answeredBeforeEnd: boolean[] = [];
    lag.enable();
    const upload = app
      .ingest([file("004_bb5894ed695f9a47.txt")], {
        onStart: (pid) => {
          childPid = pid;
        },
        onProgress: (p) => {
          if (p.stage === "index") ticksAtProgress.push(ticks);
        },
      })
      .finally(() => {
        finished = true;
      });
    // A user keeps asking about the first bulletin while the upload is embedded.
    while (!finished) {
      const a = await app.answerer.ask("谁出席了陕州区动员部署会？");
      answeredBeforeEnd.push(a.found && !finished);
      await new Promise((r) => setTimeout(r, 100)); // the next user message comes a little later
    }
    const result = await upload;
    lag.disable();
    clearInterval(timer);

    expect(result.index.chunksAdded).toBeGreaterThan(0);
    expect(childPid).toBeGreaterThan(0);
    expect(childPid).not.toBe(process.pid);
    // The main thread's timer fired between the first and the last embedding batch…
    expect(ticksAtProgress.length).toBeGreaterThan(2);
    expect((ticksAtProgress.at(-1) ?? 0) - (ticksAtProgress[0] ?? 0)).toBeGreaterThan(0);
    // …questions were answered while the upload ran, and the loop never stalled for a second.
    expect(answeredBeforeEnd.filter(Boolean).length).toBeGreaterThan(0);
    expect(lag.max / 1e6).toBeLessThan(1000);
    // The new articles are searchable in the app at once.
    const hits = await app.retriever.search("孟州市委常委会暨理论学习中心组学习会", { k: 3 });
    expect(hits.map((h) => h.metadata.source)).toContain("004_bb5894ed695f9a47.txt");
  }, 600_000);

  it("two ingests at once (the bot's background one and a CLI one) serialise, the second is told it waits, and both files end up searchable", async () => {
    const { dir, config, file } = setup();
    const { store, close } = openStore(dir);
    cleanups.push(close);
    const waits: string[] = [];
    let holding: () => void = () => undefined;
    const bgHoldsLock = new Promise<void>((r) => (holding = r));
    const background = runIngestInBackground([file("001_5b95f34c21a8084b.txt")], config, {
      onWait: () => waits.push("background"),
      onProgress: () => holding(), // it holds the lock from its first file to its last chunk
    });
    await bgHoldsLock;
    const cli = await runIngest([file("003_827634933f63f40b.txt")], store, config, {
      onLockWait: (owner) => waits.push(`cli waits for ${owner?.pid}`),
    });
    const bg = await background;
    expect(bg.filesRead).toBe(1);
    expect(cli.filesRead).toBe(1);
    expect(waits).toEqual([expect.stringMatching(/^cli waits for \d+$/)]);
    const retriever = openRetriever(store, config);
    const sources = new Set(
      [...store.list()].map((a) => a.source).filter((s) => s.startsWith("001_") || s.startsWith("003_")),
    );
    expect(sources.size).toBe(2);
    for (const a of store.list()) {
      const hits = await retriever.search(a.title, { k: 5 });
      expect(hits.map((h) => h.metadata.articleId)).toContain(a.id);
    }
  }, 600_000);

  it("a child that dies is reported with its exit, and the error of a failed run comes back as an error", async () => {
    const { dir, config } = setup();
    fs.writeFileSync(path.join(dir, "a-file"), "");
    const bad = { ...config, indexDir: path.join(dir, "a-file", "index") };
    await expect(runIngestInBackground(["/nonexistent"], bad)).rejects.toThrow(/a-file/);
    const ctl = new AbortController();
    const run = runIngestInBackground(["/nonexistent"], config, { signal: ctl.signal, onStart: () => ctl.abort() });
    await expect(run).rejects.toThrow(/cancelled/);
  }, 120_000);
});
