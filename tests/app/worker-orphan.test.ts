import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { withIndexLock } from "../../src/index/lock.js";
import { searchIndexDir } from "../../src/index/search-index.js";
import { ROOT, tempConfig } from "../index/helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it("when the bot process dies mid-upload, its ingest child stops too and the index lock is free at once", async () => {
  const { dir, config } = tempConfig("orphan-");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const parent = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tests/app/fixtures/upload-parent.ts"), dir, path.join(ROOT, "data/bulletins")],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  cleanups.push(() => parent.kill("SIGKILL"));
  let out = "";
  const childPid = await new Promise<number>((resolve, reject) => {
    parent.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const pid = /child (\d+)/.exec(out)?.[1];
      if (pid && out.includes("progress")) resolve(Number(pid)); // the child holds the lock now
    });
    parent.on("exit", () => reject(new Error(`parent exited early: ${out}`)));
  });
  parent.kill("SIGKILL");
  while (alive(childPid)) await new Promise((r) => setTimeout(r, 100));
  let waited = false;
  const ran = await withIndexLock(searchIndexDir(config), async () => true, {
    onWait: () => {
      waited = true;
    },
  });
  expect(ran).toBe(true);
  expect(waited).toBe(false);
  // It stopped rather than finishing its ~100 chunks (an orphan would have run on and written the index).
  expect(fs.existsSync(path.join(searchIndexDir(config), "manifest.json"))).toBe(false);
}, 120_000);
