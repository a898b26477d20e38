import { HttpsProxyAgent } from "https-proxy-agent";
import { SocksProxyAgent } from "socks-proxy-agent";
import { describe, expect, it } from "vitest";
import { outageCause } from "../../src/bot/api-health.js";
import { proxyAgent, redactProxy } from "../../src/bot/proxy.js";

describe("proxy agent", () => {
  it("is a SOCKS agent for socks URLs, an HTTP CONNECT agent otherwise, none without a proxy", () => {
    expect(proxyAgent("socks5://127.0.0.1:1080")).toBeInstanceOf(SocksProxyAgent);
    expect(proxyAgent("socks5h://u:p@127.0.0.1:1080")).toBeInstanceOf(SocksProxyAgent);
    expect(proxyAgent("http://127.0.0.1:7890")).toBeInstanceOf(HttpsProxyAgent);
    expect(proxyAgent(undefined)).toBeUndefined();
  });

  it("hides the proxy password in messages", () => {
    expect(redactProxy("http://user:secret@127.0.0.1:7890")).toBe("http://user:***@127.0.0.1:7890/");
    expect(redactProxy("socks5://127.0.0.1:1080")).toBe("socks5://127.0.0.1:1080");
  });
});

describe("outageCause", () => {
  it("says what an operator can do, and never quotes the token of a request URL", () => {
    expect(outageCause({ error_code: 401, description: "Unauthorized" })).toContain("check TELEGRAM_BOT_TOKEN");
    expect(outageCause({ error_code: 409, description: "Conflict" })).toContain("another instance");
    expect(outageCause({ error_code: 502, description: "Bad Gateway" })).toContain("Telegram's servers");
    const err = Object.assign(new Error("request to https://api.telegram.org/bot12:shortTok/getUpdates failed"), {
      code: "ECONNRESET",
    });
    const cause = outageCause(undefined, err);
    expect(cause).toBe("network: ECONNRESET request to https://api.telegram.org/bot<token>/getUpdates failed");
    expect(cause).not.toContain("shortTok");
  });
});
