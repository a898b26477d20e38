import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, registerSecrets, scrubSecrets, secretsFromEnv } from "../../src/log.js";

/** Secrets of odd shapes: pattern characters, quotes, backslashes, URL-special characters, spaces, non-ASCII. */
const ODD = [
  "sk-proj-AbC123.*+?^$(){}|[]\\/",
  "we\"ird\\key'with`quotes",
  "a&b=c?d#e%f/g h+i",
  "密钥-🔑-тайна",
  "x".repeat(300),
  "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
];

/** A logger writing into an array of lines. */
function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("info", { secrets, destination }), lines };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("scrubSecrets", () => {
  it("removes a bot token from a Bot API URL", () => {
    const url = "request to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe failed";
    const out = scrubSecrets(url);
    expect(out).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(out).toContain("<redacted");
  });

  it("leaves ordinary text alone", () => {
    expect(scrubSecrets("2月1日,陕州区召开动员部署会 12:30")).toBe("2月1日,陕州区召开动员部署会 12:30");
  });

  it.each(ODD)("removes the secret %s as is, URL-encoded and JSON-escaped", (secret) => {
    const text = [
      `401 Incorrect API key provided: ${secret}.`,
      `GET https://x.example/v1?key=${encodeURIComponent(secret)}&q=1`,
      `path ${encodeURI(secret)}`,
      `form ${encodeURIComponent(secret).replace(/%20/g, "+")}`,
      `json ${JSON.stringify({ k: secret })}`,
      `lower ${encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
    ].join("\n");
    const out = scrubSecrets(text, [secret]);
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
      expect(out).not.toContain(form);
    expect(out).toContain("401 Incorrect API key provided: <redacted");
  });

  it("takes the configured secrets from the environment by default", () => {
    vi.stubEnv("LLM_API_KEY", "sk-live-0123456789abcdef");
    vi.stubEnv("WEBHOOK_SECRET", "hook/secret+value");
    vi.stubEnv("HTTPS_PROXY", "http://user:p%40ss-word@proxy.example:8080");
    expect(scrubSecrets("key sk-live-0123456789abcdef, hook hook%2Fsecret%2Bvalue, proxy p@ss-word")).toBe(
      "key <redacted>, hook <redacted>, proxy <redacted>",
    );
  });

  it("knows which variables hold secrets", () => {
    expect(
      secretsFromEnv({
        TELEGRAM_BOT_TOKEN: "t0k",
        LLM_API_KEY: "k3y",
        WEBHOOK_SECRET: "s3c",
        SOME_PASSWORD: "pw1-long-enough",
        FEATURE_KEY: "true",
        LLM_MODEL: "deepseek-chat",
        SOCKS_PROXY: "socks5://u:pw2@h:1080",
      }).sort(),
    ).toEqual(["k3y", "pw1-long-enough", "pw2", "pw2", "s3c", "t0k"]);
  });

  it("scrubs registered secrets too", () => {
    registerSecrets(["registered-secret-42"]);
    expect(scrubSecrets("got registered-secret-42")).toBe("got <redacted>");
  });
});

describe("createLogger", () => {
  it.each(ODD)("never writes the secret %s, wherever it is in the line", (secret) => {
    const { log, lines } = capture([secret]);
    const err = new Error(`endpoint said: bad key ${secret}`);
    log.warn({ err }, "LLM answer failed");
    log.error({ err: `message ${secret}` }, "digest rejected");
    log.info({ url: `https://x.example/?k=${encodeURIComponent(secret)}`, nested: { deep: [secret] } }, "request");
    log.info(`plain message with ${secret}`);
    const out = lines.join("");
    expect(lines).toHaveLength(4);
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
      expect(out).not.toContain(form);
    expect(out).toContain("LLM answer failed");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("still blanks the token and key fields whatever their value", () => {
    const { log, lines } = capture();
    log.info({ token: "abc", config: { llm: { apiKey: "def" } } }, "config");
    expect(lines.join("")).not.toMatch(/"abc"|"def"/);
  });
});
