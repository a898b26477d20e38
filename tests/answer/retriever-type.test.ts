import { describe, expectTypeOf, it } from "vitest";
import type { AnswererDeps, NewsRetrieverLike, RetrievedDoc } from "../../src/answer/answerer.js";
import type { ChunkMetadata } from "../../src/core/types.js";
import type { NewsRetriever } from "../../src/retrieve/news-retriever.js";

// Checked by `tsc --noEmit` (tests are in the project): the bot passes the project retriever to the answerer as is.
describe("answerer retriever type", () => {
  it("accepts the project's NewsRetriever without an adapter", () => {
    expectTypeOf<NewsRetriever>().toMatchTypeOf<NewsRetrieverLike>();
    expectTypeOf<NewsRetriever>().toMatchTypeOf<AnswererDeps["retriever"]>();
  });
  it("reads chunk documents with the retriever's ChunkMetadata", () => {
    expectTypeOf<{ pageContent: string; metadata: ChunkMetadata }>().toMatchTypeOf<RetrievedDoc>();
    expectTypeOf<{ pageContent: string; metadata: { title: string } }>().not.toMatchTypeOf<
      RetrievedDoc<{ articleId: string }>
    >();
  });
});
