import pino from "pino";

/**
 * Paths pino blanks out in every log line whatever their value: the bot
 * token, API keys and auth headers. Values are also scrubbed from the whole
 * line (`scrubSecrets`), wherever else they appear.
 */
export const redactPaths = [
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "config.telegram.token",
  "config.llm.apiKey",
  "headers.authorization",
  "*.headers.authorization",
];

/** The project's own secret variables (`.env.example`), scrubbed whatever their value. */
const NAMED_SECRETS = ["TELEGRAM_BOT_TOKEN", "LLM_API_KEY", "WEBHOOK_SECRET"];

/**
 * Environment variables whose values are secrets: the bot token, the LLM
 * key, the webhook secret, and by name any other `*_TOKEN`, `*_KEY`,
 * `*_SECRET` or `*_PASSWORD` of 8 characters or more. The password of a proxy URL (`HTTPS_PROXY`,
 * `SOCKS_PROXY`, `http://user:pass@host`) is one too.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    const v = value?.trim();
    if (!v) continue;
    if (NAMED_SECRETS.includes(name)) out.push(v);
    // Other variables by name only when the value looks like a secret, not a flag ("true") that every line holds.
    else if (/(?:^|_)(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD)$/i.test(name) && v.length >= 8) out.push(v);
    if (/_PROXY$/i.test(name)) {
      try {
        const u = new URL(v);
        if (u.password) out.push(decodeURIComponent(u.password), u.password);
      } catch {
        // Not a URL: nothing to take from it.
      }
    }
  }
  return out;
}

const registered = new Set<string>();

/**
 * Adds secret values that are not in the environment (a token handed to the
 * bot in code, a test's key): every later `scrubSecrets` and log line
 * scrubs them too.
 */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const v of values) if (v?.trim()) registered.add(v.trim());
}

/** The configured secrets: those of `process.env` (`secretsFromEnv`) and the registered ones. */
export function configuredSecrets(): string[] {
  return [...secretsFromEnv(process.env), ...registered];
}

/** Secrets shorter than this are not scrubbed: blanking every "ab" of every line would hide the log, not a secret. */
const MIN_SECRET_LENGTH = 3;

/**
 * The forms a secret takes in text: as is, URL-encoded (both ways, upper
 * and lower-case %xx), form-encoded (+ for space), JSON-escaped (as in a log
 * line), and JSON-escaped URL-encoded. Longest first, so no form leaves a
 * piece of a longer one behind.
 */
function forms(secret: string): string[] {
  const out = new Set<string>([secret]);
  for (const enc of [encodeURIComponent(secret), encodeURI(secret)]) {
    out.add(enc);
    out.add(enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    out.add(enc.replace(/%20/g, "+"));
  }
  for (const f of [...out]) out.add(JSON.stringify(f).slice(1, -1));
  return [...out].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

let cache: { key: string; forms: string[] } | undefined;

/** The forms of `secrets`, computed once per set of secrets. */
function formsOf(secrets: Iterable<string>): string[] {
  const list = [...new Set([...secrets].map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))];
  const key = list.join("\u0000");
  if (cache?.key !== key) {
    cache = { key, forms: [...new Set(list.flatMap(forms))].sort((a, b) => b.length - a.length) };
  }
  return cache.forms;
}

/**
 * The one redaction of the project: replaces every `secrets` value (default:
 * the configured ones, `configuredSecrets`) in `text`, in each of its forms
 * (URL-encoded, JSON-escaped…), by "<redacted>", and anything shaped like a
 * Telegram bot token (`123456:AA…`) by "<redacted-token>". Used on every log
 * line and on every error message shown to a user or printed by the CLI.
 * Secrets are matched as plain strings, never as patterns, whatever
 * characters they hold.
 */
export function scrubSecrets(text: string, secrets: Iterable<string> = configuredSecrets()): string {
  let out = text;
  for (const f of formsOf(secrets)) if (out.includes(f)) out = out.split(f).join("<redacted>");
  return out.replace(/(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/g, "<redacted-token>");
}

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** Secret values to scrub besides the configured ones (`configuredSecrets`). */
  secrets?: Iterable<string>;
  /** Where the JSON lines go (default: stderr). */
  destination?: pino.DestinationStream;
}

/**
 * Creates the project's logger: JSON lines on stderr (stdout stays free for
 * CLI output such as `--json`), with secrets redacted. Every line is
 * scrubbed as written (`scrubSecrets` over the serialized line), so a secret
 * echoed by an endpoint into an error message, a stack, a URL or any field
 * never reaches the log.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", opts: LoggerOptions = {}) {
  const extra = [...(opts.secrets ?? [])];
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: "<redacted>" },
      hooks: {
        streamWrite: (line) => scrubSecrets(line, [...configuredSecrets(), ...extra]),
      },
    },
    opts.destination ?? pino.destination(2),
  );
}

/** The logger type used across the project. */
export type Logger = ReturnType<typeof createLogger>;
