import path from "node:path";
import { z } from "zod";

/** Comma-separated list of integer chat ids ("123,-100456") → number[]. */
const idList = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const ids: number[] = [];
    for (const part of s.split(/[,\s]+/).filter(Boolean)) {
      const n = Number(part);
      if (!Number.isSafeInteger(n)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a Telegram chat id (an integer)` });
        return z.NEVER;
      }
      ids.push(n);
    }
    return ids;
  });

const bool = z
  .string()
  .default("false")
  .transform((s) => /^(1|true|yes|on)$/i.test(s.trim()));

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== "" ? s.trim() : undefined));

/**
 * The schema of every environment variable the project reads. Each one is
 * documented in `.env.example`; defaults make a fresh clone work offline on
 * the bundled sample corpus.
 */
export const envSchema = z.object({
  INDEX_DIR: z.string().default("index"),
  BULLETINS_DIR: z.string().default("data/bulletins"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TIMEZONE: z.string().default("Asia/Shanghai"),

  EMBEDDING_MODEL: z.string().default("Xenova/bge-small-zh-v1.5"),
  MODELS_DIR: z.string().default("models"),
  EMBEDDING_POOLING: z.enum(["cls", "mean"]).default("cls"),
  EMBEDDING_QUERY_PREFIX: z.string().default("为这个句子生成表示以用于检索相关文章："),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().positive().default(16),
  EMBEDDING_ALLOW_REMOTE: bool,
  EMBEDDING_REMOTE_HOST: z.string().default("https://huggingface.co/"),

  LLM_BASE_URL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  LLM_MAX_CHARS: z.coerce.number().int().min(100).max(20_000).default(1500),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString,
  WEBHOOK_URL: optionalString,
  WEBHOOK_PORT: z.coerce.number().int().positive().default(8080),
  ALLOWED_CHAT_IDS: idList,
  ADMIN_CHAT_IDS: idList,
  HTTPS_PROXY: optionalString,
  SOCKS_PROXY: optionalString,
  TELEGRAM_RETRY_MAX_SECONDS: z.coerce.number().positive().max(3600).default(30),
  DIGEST_DEFAULT_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "DIGEST_DEFAULT_TIME must be HH:MM, e.g. 08:00")
    .default("08:00"),
  SUBSCRIPTIONS_DB: optionalString,
  CONVERSATION_TTL_MINUTES: z.coerce.number().positive().max(10_080).default(30),
});

/** Proxy URL schemes the Bot API client can use. */
const PROXY_SCHEMES = /^(https?|socks[45]?h?):\/\//i;

/**
 * A proxy URL from the environment, checked: "http://host:port",
 * "https://…", "socks5://user:pass@host:port". Throws an error naming the
 * variable for anything else.
 */
function proxyUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!PROXY_SCHEMES.test(v) || !URL.canParse(v)) {
    throw new Error(
      "Invalid configuration (see .env.example):\n  HTTPS_PROXY/SOCKS_PROXY: expected a URL such as http://127.0.0.1:7890 or socks5://127.0.0.1:1080",
    );
  }
  return v;
}

/** The validated configuration: what `loadConfig` returns. */
export type Config = ReturnType<typeof loadConfig>;

/**
 * Validates `env` (default: `process.env`) and returns the project's
 * configuration, with relative paths resolved against `cwd`. Throws an
 * error that names every bad variable and what it expects, so a user can fix
 * their `.env` in one go. Call `loadDotenv()` first in entry points.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const indexDir = path.resolve(cwd, e.INDEX_DIR);
  return {
    indexDir,
    bulletinsDir: path.resolve(cwd, e.BULLETINS_DIR),
    logLevel: e.LOG_LEVEL,
    timezone: e.TIMEZONE,
    embedding: {
      model: e.EMBEDDING_MODEL,
      modelsDir: path.resolve(cwd, e.MODELS_DIR),
      pooling: e.EMBEDDING_POOLING,
      queryPrefix: e.EMBEDDING_QUERY_PREFIX,
      batchSize: e.EMBEDDING_BATCH_SIZE,
      allowRemote: e.EMBEDDING_ALLOW_REMOTE,
      remoteHost: e.EMBEDDING_REMOTE_HOST,
    },
    llm:
      e.LLM_BASE_URL || e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL,
            apiKey: e.LLM_API_KEY,
            model: e.LLM_MODEL ?? "gpt-4o-mini",
            temperature: e.LLM_TEMPERATURE,
            maxChars: e.LLM_MAX_CHARS,
            timeoutMs: e.LLM_TIMEOUT_MS,
          }
        : undefined,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.WEBHOOK_URL,
      webhookPort: e.WEBHOOK_PORT,
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      adminChatIds: e.ADMIN_CHAT_IDS,
      /** Proxy for the Bot API: SOCKS_PROXY (socks5://…) wins over HTTPS_PROXY (http://…); lower-case names work too. */
      proxy: proxyUrl(e.SOCKS_PROXY ?? env.socks_proxy ?? e.HTTPS_PROXY ?? env.https_proxy),
      /** Longest wait between two attempts to reach the Bot API while it is down, in ms. */
      retryMaxMs: e.TELEGRAM_RETRY_MAX_SECONDS * 1000,
    },
    digest: {
      defaultTime: e.DIGEST_DEFAULT_TIME,
      subscriptionsDb: e.SUBSCRIPTIONS_DB
        ? path.resolve(cwd, e.SUBSCRIPTIONS_DB)
        : path.join(indexDir, "subscriptions.db"),
    },
    conversation: {
      /** How long a chat's context (follow-ups, "下一页") is kept after its last turn. */
      ttlMs: e.CONVERSATION_TTL_MINUTES * 60_000,
    },
  };
}
