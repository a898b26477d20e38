import { Command } from "commander";
import { loadConfig } from "../../config/env.js";
import type { IndexManifest } from "../../index/manifest.js";
import { readManifest, searchIndexDir } from "../../index/manifest.js";
import { compactIndex } from "../../index/sync.js";

/** One line about a manifest: generation, segments with their vector counts, live chunks. */
export function describeIndex(m: IndexManifest): string {
  const segs = m.segments.map((s) => s.count).join(" + ") || "none";
  return `generation ${m.generation}: ${m.segments.length} segment(s) (${segs} vectors), ${m.chunks} live chunks of ${m.articles} articles`;
}

/**
 * `index compact` merges the base and delta segments of the search index
 * into one base and drops deleted chunks (ingests add one small delta each
 * and merge deltas by themselves; compaction is the periodic full merge).
 * `index stats` shows the segments. Both work on INDEX_DIR/search.
 */
export function indexCommand(): Command {
  const cmd = new Command("index").description("Maintain the search index (INDEX_DIR/search)");
  cmd
    .command("compact")
    .description("Merge all segments into one and drop deleted chunks (search results stay the same)")
    .option("--json", "print {before, after} manifests as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const res = await compactIndex(config);
      if (!res) throw new Error(`no search index in ${searchIndexDir(config)}: run \`npm run -s cli -- ingest\` first`);
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(res, null, 2)}\n`
          : `before: ${describeIndex(res.before)}\nafter:  ${describeIndex(res.after)}\n`,
      );
    });
  cmd
    .command("stats")
    .description("Show the segments of the search index")
    .option("--json", "print the manifest as JSON")
    .action((opts: { json?: boolean }) => {
      const config = loadConfig();
      const m = readManifest(searchIndexDir(config));
      if (!m) throw new Error(`no search index in ${searchIndexDir(config)}: run \`npm run -s cli -- ingest\` first`);
      process.stdout.write(opts.json ? `${JSON.stringify(m, null, 2)}\n` : `${describeIndex(m)}\n`);
    });
  return cmd;
}
