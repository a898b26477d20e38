import fs from "node:fs";

/** Bytes this process has passed to write() so far (`wchar` of /proc/self/io; 0 where there is none). */
export function bytesWritten(): number {
  try {
    const m = /^wchar:\s*(\d+)/m.exec(fs.readFileSync("/proc/self/io", "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Peak RSS of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Median of `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
