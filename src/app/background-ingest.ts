import { fork } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Config } from "../config/env.js";
import type { LockOwner } from "../index/lock.js";
import type { IngestOptions } from "../ingest/ingest-paths.js";
import type { RunIngestResult } from "./ingest.js";

/** The ingest options that cross the process boundary (no callbacks, no clock). */
export type BackgroundIngestRequestOptions = Pick<IngestOptions, "issueDate" | "prune" | "rebuild" | "maxFileBytes">;

/** What the parent sends the ingest child: the files, the configuration (without secrets) and the options. */
export interface IngestRequest {
  paths: string[];
  config: Config;
  options: BackgroundIngestRequestOptions & { rebuild?: boolean };
}

/** Progress of a background ingest: files read, then chunks embedded. */
export interface IngestProgress {
  stage: "files" | "index";
  done: number;
  total: number;
  file?: string;
}

/** Messages of the ingest child to its parent. */
export type WorkerMessage =
  | { type: "ready"; pid: number }
  | ({ type: "progress" } & IngestProgress)
  | { type: "wait"; owner: LockOwner | undefined }
  | { type: "result"; result: RunIngestResult }
  | { type: "error"; message: string };

/** Options of `runIngestInBackground`. */
export interface BackgroundIngestOptions extends BackgroundIngestRequestOptions {
  /** Progress in files, then in chunks embedded. */
  onProgress?: (p: IngestProgress) => void;
  /** Called once when another process holds the index write lock and this ingest waits for it. */
  onWait?: (owner: LockOwner | undefined) => void;
  /** Called with the child's pid once it runs. */
  onStart?: (pid: number) => void;
  /** Kills the child (the lock it holds is freed with it; the store keeps every file written before). */
  signal?: AbortSignal;
}

/** Niceness of the ingest child: the bot's own process wins the CPU when both want it. */
export const INGEST_NICENESS = 10;

const here = fileURLToPath(import.meta.url);
const workerFile = here.replace(/background-ingest\.(ts|js)$/, "ingest-worker.$1");

/** Node flags the child needs to run the TypeScript sources (tsx), or none for compiled JavaScript. */
function childExecArgv(): string[] {
  if (!workerFile.endsWith(".ts")) return [];
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(tsx).href];
}

/** The configuration the child needs: no bot token, no LLM key. */
function withoutSecrets(config: Config): Config {
  return { ...config, llm: undefined, telegram: { ...config.telegram, token: undefined } };
}

/**
 * Runs the ingest pipeline (`runIngest`) in a child process
 * (`ingest-worker.ts`) at a lower CPU priority, so the calling process —
 * the bot — keeps answering every chat while bulletins are parsed and
 * embedded. The child writes the store and the index itself, under the index
 * write lock; progress, lock waits and the result come back over IPC. Rejects
 * with the child's error message, or with its exit code when it died.
 */
export function runIngestInBackground(
  paths: string[],
  config: Config,
  opts: BackgroundIngestOptions = {},
): Promise<RunIngestResult> {
  return new Promise((resolve, reject) => {
    const child = fork(workerFile, [], {
      execArgv: childExecArgv(),
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, TELEGRAM_BOT_TOKEN: "", LLM_API_KEY: "" },
    });
    let settled = false;
    let stderr = "";
    const finish = (err: Error | undefined, result?: RunIngestResult) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", abort);
      if (err) reject(err);
      else resolve(result as RunIngestResult);
    };
    const abort = () => {
      child.kill("SIGKILL");
      finish(new Error("ingest cancelled"));
    };
    if (opts.signal?.aborted) return abort();
    opts.signal?.addEventListener("abort", abort);
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.on("message", (m: WorkerMessage) => {
      if (m.type === "ready") {
        try {
          if (child.pid) os.setPriority(child.pid, INGEST_NICENESS);
        } catch {
          // not permitted here: the child runs at normal priority
        }
        opts.onStart?.(m.pid);
        const options: BackgroundIngestRequestOptions = {
          issueDate: opts.issueDate,
          prune: opts.prune,
          rebuild: opts.rebuild,
          maxFileBytes: opts.maxFileBytes,
        };
        child.send({ paths, config: withoutSecrets(config), options } satisfies IngestRequest);
      } else if (m.type === "progress") opts.onProgress?.(m);
      else if (m.type === "wait") opts.onWait?.(m.owner);
      else if (m.type === "result") finish(undefined, m.result);
      else if (m.type === "error") finish(new Error(m.message));
    });
    child.on("error", (err) => finish(new Error(`could not start the ingest process: ${err.message}`)));
    child.on("exit", (code, signal) => {
      const tail = stderr.trim().split("\n").slice(-3).join(" | ");
      finish(
        new Error(
          `the ingest process stopped before it finished (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ""}`,
        ),
      );
    });
  });
}
