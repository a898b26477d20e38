import http, { type Agent } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
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
 * GETs `url` through `agent` (a proxy) and resolves with the response body
 * as a web stream and its declared length, so that the caller reads it with
 * a byte cap (`readCapped`). A status other than 200 is an error; errors
 * carry the network error's code, never the URL (it holds the bot token).
 */
export function getThroughAgent(
  url: string,
  agent: Agent,
): Promise<{ body: ReadableStream<Uint8Array>; length: number | undefined }> {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`file download failed: HTTP ${res.statusCode}`));
        return;
      }
      const declared = res.headers["content-length"];
      resolve({
        body: Readable.toWeb(res) as ReadableStream<Uint8Array>,
        length: declared === undefined ? undefined : Number(declared),
      });
    });
    req.on("error", (err) =>
      reject(new Error(`file download failed: ${(err as NodeJS.ErrnoException).code ?? err.message}`)),
    );
  });
}
