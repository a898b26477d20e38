import pino from "pino";

/**
 * Paths pino blanks out in every log line, so that secrets never reach a
 * log: the bot token (also inside Bot API URLs), API keys and auth headers.
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

/** Replaces anything that looks like a Telegram bot token (`123456:AA…`) in a string. */
export function scrubSecrets(text: string): string {
  return text.replace(/(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/g, "<redacted-token>");
}

/**
 * Creates the project's logger: JSON lines on stderr (stdout stays free for
 * CLI output such as `--json`), with secrets redacted. Error messages are
 * scrubbed of bot tokens, which grammy puts into request URLs.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info") {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: "<redacted>" },
      formatters: {
        log(obj) {
          const err = obj.err as { message?: string; stack?: string } | undefined;
          if (err && typeof err === "object") {
            return {
              ...obj,
              err: {
                ...err,
                message: scrubSecrets(String(err.message ?? "")),
                stack: scrubSecrets(String(err.stack ?? "")),
              },
            };
          }
          return obj;
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    pino.destination(2),
  );
}

/** The logger type used across the project. */
export type Logger = ReturnType<typeof createLogger>;
