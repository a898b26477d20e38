import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, httpDownloader } from "../../src/bot/create-bot.js";
import { readCapped, UploadTooLargeError } from "../../src/bot/upload.js";
import { BOT_INFO, fakeDeps, recordCalls, sentTexts, textUpdate } from "./fakes.js";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A file server that streams `total` bytes in 256 KB chunks without Content-Length; counts what it wrote. */
async function streamingServer(total: number) {
  const state = { written: 0, finished: false };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }); // chunked: no length
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const pump = () => {
      while (state.written < total) {
        state.written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      state.finished = true;
      res.end();
    };
    res.on("close", () => undefined);
    pump();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state };
}

function documentWithoutSize(userId: number, fileName: string) {
  const u = textUpdate("x", userId);
  const m = u.message as unknown as Record<string, unknown>;
  delete m.text;
  delete m.entities;
  m.document = { file_id: "f1", file_unique_id: "u1", file_name: fileName, mime_type: "text/plain" };
  return u;
}

describe("upload size cap while downloading", () => {
  it("a 60 MB upload without file_size is refused at the cap, not downloaded whole, and nothing is ingested", async () => {
    const { root, state } = await streamingServer(60 * 1024 * 1024);
    const f = fakeDeps({ adminChatIds: [1] });
    const bot = createBot("123:test", f.deps, {
      botInfo: BOT_INFO,
      rateLimit: { timeFrame: 1000, limit: 100 },
      download: httpDownloader("123:test", root),
    });
    const calls = recordCalls(bot);
    await bot.handleUpdate(documentWithoutSize(1, "huge.txt"));
    expect(sentTexts(calls).join("\n")).toContain("文件太大，上限是 5 MB");
    expect(f.ingested).toEqual([]);
    expect(state.finished).toBe(false);
    // Socket buffers let the server get somewhat ahead of the reader, never near the whole file.
    expect(state.written).toBeLessThan(30 * 1024 * 1024);
  });

  it("readCapped refuses a declared length over the cap before reading, and reads a body under it", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(10));
        c.close();
      },
    });
    await expect(readCapped(body, 100, 1_000)).rejects.toMatchObject({ bytes: 1_000, maxBytes: 100 });
    await expect(readCapped(null, 100, 1_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    const small = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    });
    expect(Array.from(await readCapped(small, 3))).toEqual([1, 2, 3]);
  });
});
