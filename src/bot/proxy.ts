import type { Agent } from "node:http";
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
