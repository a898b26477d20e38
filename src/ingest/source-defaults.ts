import fs from "node:fs";
import path from "node:path";
import { dateFromFileName } from "./dates.js";
import { canonicalDistrict } from "./district.js";

/**
 * Per-folder and per-file defaults of a page: the district of its articles
 * that name none and its issue date. A county paper rarely prints its own
 * county's name, and a page rarely prints its year; the person who collects
 * the pages knows both and writes them down once, in a `sources.json` in the
 * folder, or names the folder after the county:
 *
 * ```json
 * { "*": { "district": "台前县" }, "2022-09-28.txt": { "date": "2022-09-28" }, "p2.txt": "濮阳县" }
 * ```
 *
 * A file's entry beats the folder's `"*"` entry, which beats the folder's
 * name (a county name such as `台前县/`, a date such as `2022-09-28/`).
 */

/** What the folder and the file name say about a page. */
export interface SourceDefaults {
  district?: string;
  issueDate?: string;
  /** Why a `sources.json` entry was not used, in words a user can act on. */
  warning?: string;
}

interface Entry {
  district?: string;
  date?: string;
}

type SourcesFile = { entries: Record<string, Entry>; warning?: string };

const cache = new Map<string, { mtimeMs: number; file: SourcesFile }>();

function readSources(dir: string): SourcesFile {
  const p = path.join(dir, "sources.json");
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return { entries: {} };
  }
  const hit = cache.get(p);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.file;
  let file: SourcesFile;
  try {
    const raw = JSON.parse(fs.readFileSync(p, "utf8")) as unknown;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new Error("不是 {文件名: 区县} 形式的对象");
    const entries: Record<string, Entry> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === "string") entries[k] = { district: v };
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        entries[k] = {
          ...(typeof o.district === "string" ? { district: o.district } : {}),
          ...(typeof o.date === "string" ? { date: o.date } : {}),
        };
      }
    }
    file = { entries };
  } catch (err) {
    file = { entries: {}, warning: `${p} 无法使用（${(err as Error).message}），已忽略` };
  }
  cache.set(p, { mtimeMs: st.mtimeMs, file });
  return file;
}

/**
 * The defaults of page file `file` (a path): its `sources.json` entry, the
 * folder's `"*"` entry, the folder's name, and a date in the file name.
 * An entry naming no known county or no valid date is ignored with a warning.
 */
export function sourceDefaults(file: string): SourceDefaults {
  const dir = path.dirname(file);
  const sources = readSources(dir);
  const own = sources.entries[path.basename(file)] ?? {};
  const folder = sources.entries["*"] ?? {};
  const warnings = sources.warning ? [sources.warning] : [];
  let district: string | undefined;
  for (const given of [own.district, folder.district]) {
    if (given === undefined || district) continue;
    const known = canonicalDistrict(given);
    if (known) district = known;
    else warnings.push(`sources.json 里的“${given}”不是已知的区县名，已忽略`);
  }
  district ??= canonicalDistrict(path.basename(dir)) ?? undefined;
  let issueDate: string | undefined;
  for (const given of [own.date, folder.date]) {
    if (given === undefined || issueDate) continue;
    const d = dateFromFileName(given);
    if (d && d === given.trim()) issueDate = d;
    else warnings.push(`sources.json 里的日期“${given}”不是 YYYY-MM-DD，已忽略`);
  }
  issueDate ??= dateFromFileName(path.basename(file)) ?? dateFromFileName(path.basename(dir));
  return {
    ...(district ? { district } : {}),
    ...(issueDate ? { issueDate } : {}),
    ...(warnings.length ? { warning: warnings.join("；") } : {}),
  };
}
