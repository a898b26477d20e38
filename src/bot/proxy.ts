import http, { type Agent } from "node:http";
import https from "node:https";
import { HttpsProxyAgent } from "https-proxy-agent";
import { SocksProxyAgent } from "socks-proxy-agent";

/**
 * The HTTP agent that sends Bot API requests through `proxyUrl`: a SOCKS
 * proxy for socks://, socks4://, socks5:// (and the …h forms that resolve
 * names on the proxy), else an HTTP CONNECT proxy (http:// or https://).
 * Undefined without a proxy. grammY passes it to every request through
 * `client.baseFetchConfig.agent`.
 */
export function proxyAgent(proxyUrl: string | undefined): Agent | undefined {
  if (!proxyUrl) return undefined;
  if (/^socks/i.test(proxyUrl)) return new SocksProxyAgent(proxyUrl);
  return new HttpsProxyAgent(proxyUrl, { keepAlive: true });
}

/** A proxy URL without its password, for logs and error messages. */
export function redactProxy(proxyUrl: string): string {
  try {
    const u = new URL(proxyUrl);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid proxy URL)";
  }
}

/**
 * GETs `url` through `agent` (a proxy agent) and returns the body. Node's
 * global fetch takes no agent, so downloads through a proxy use this. A
 * status other than 200 or a network error rejects with a message that
 * quotes no URL (it carries the bot token).
 */
export function getThroughAgent(url: string, agent: Agent): Promise<Uint8Array> {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`file download failed: HTTP ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      res.on("error", (err) => reject(new Error(`file download failed: ${err.message}`)));
    });
    req.on("error", (err) =>
      reject(new Error(`file download failed: ${(err as NodeJS.ErrnoException).code ?? err.message}`)),
    );
  });
}
