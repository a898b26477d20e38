import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";

/**
 * Loads `.env` from `cwd` into `process.env` when the file exists. Variables
 * already set in the environment win, so CI and shells can override the file.
 */
export function loadDotenv(cwd: string = process.cwd()): void {
  const file = path.join(cwd, ".env");
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
}
