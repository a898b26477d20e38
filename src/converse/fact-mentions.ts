import { findMentions } from "../facts/extract.js";
import { FactStore } from "../facts/fact-store.js";
import { splitSentences } from "../facts/text.js";
import type { Fact } from "../facts/types.js";
import type { ArticleStore } from "../store/articles.js";
import type { PersonMention, PersonMentions } from "./mentions.js";

/** Retrieval the adapter uses to find articles that name a person without a stored fact. */
export interface NameSearch {
  search?(
    query: string,
    opts?: { k?: number; mode?: "bm25" | "hybrid" | "dense" },
  ): Promise<{ metadata: { articleId?: string } }[]>;
}

/** Roles ranked for the timeline's one line per article: what they did at the event before how they are named. */
const ROLE_RANK = ["主持", "出席", "参加", "带队", "调研", "督导", "视察", "慰问", "列席", "陪同", "一同"];
/** Speaking roles come after every action verb: "X指出" says less about the event than "X督导…". */
const SPEAKING = new Set(["讲话", "发言", "强调", "指出", "要求"]);

function rank(f: Fact): number {
  if (f.kind !== "role" || !f.role) return 100;
  const i = ROLE_RANK.indexOf(f.role);
  return i >= 0 ? i : SPEAKING.has(f.role) ? 60 : 50;
}

/**
 * `PersonMentions` over the current fact store (src/facts/fact-store.ts):
 * person and role facts by name, plus articles the BM25 index finds for the
 * name in which the facts layer's own name rules (`findMentions`, with the
 * name as known) see the person — so "赵海燕一行先后到…" counts even when no
 * role fact was extracted. The one file to re-point when facts move.
 */
export function factMentions(store: ArticleStore, search?: NameSearch): PersonMentions {
  const facts = new FactStore(store.db);
  return {
    async rolesOf(name) {
      const byArticle = new Map<string, PersonMention & { rank: number }>();
      for (const f of facts.byName(name)) {
        if (f.kind !== "person" && f.kind !== "role") continue;
        const article = store.get(f.articleId);
        if (!article) continue;
        const r = rank(f);
        const prev = byArticle.get(f.articleId);
        const post = f.post && !/^(?:该|本|全)?(?:区|市|县)?领导$/.test(f.post) ? f.post : (prev?.post ?? null);
        if (prev && prev.rank <= r) {
          if (!prev.post && post) prev.post = post;
          continue;
        }
        byArticle.set(f.articleId, {
          articleId: f.articleId,
          role: f.kind === "role" ? f.role : null,
          post: post ?? prev?.post ?? null,
          sentence: article.text.slice(f.quoteStart, f.quoteEnd),
          start: f.quoteStart,
          end: f.quoteEnd,
          rank: r,
        });
      }
      if (search?.search && byArticle.size > 0) {
        const docs = await search.search(name, { k: 40, mode: "bm25" }).catch(() => []);
        const seen = new Set<string>();
        for (const d of docs) {
          const id = d.metadata.articleId;
          if (!id || byArticle.has(id) || seen.has(id)) continue;
          seen.add(id);
          const article = store.get(id);
          if (!article?.text.includes(name)) continue;
          const set = new Set([name]);
          const s = splitSentences(article.text).find((x) => findMentions(x.text, set).some((m) => m.name === name));
          if (!s) continue;
          byArticle.set(id, {
            articleId: id,
            role: null,
            post: null,
            sentence: s.text,
            start: s.start,
            end: s.end,
            rank: 200,
          });
        }
      }
      return [...byArticle.values()].map(({ rank: _r, ...m }) => m);
    },
    namesIn(text) {
      return [...new Set(findMentions(text).map((m) => m.name))];
    },
  };
}
