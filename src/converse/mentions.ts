/**
 * The narrow view of extracted facts the conversation layer reads: where a
 * person is named, in which role, with the sentence that says so. One
 * adapter (fact-mentions.ts) implements it over the current fact store, so
 * that the conversation layer does not depend on how facts are stored or
 * extracted.
 */

/** One article naming a person, with what it says they did there. */
export interface PersonMention {
  articleId: string;
  /** The role at the event as printed (出席, 主持, 讲话, 调研…), or null when the article only names them. */
  role: string | null;
  /** The post printed before the name ("区委书记"), or null. */
  post: string | null;
  /** The sentence of the article that names the person in that role (exact text). */
  sentence: string;
  /** Span of `sentence` in `Article.text`. */
  start: number;
  end: number;
}

/** Where people are named in the stored news. */
export interface PersonMentions {
  /**
   * Every article that names `name` as a person, one mention per article
   * (the role sentence when there is one, else the first sentence naming
   * them). Empty when no stored article names that person.
   */
  rolesOf(name: string): Promise<PersonMention[]>;
  /** The person names printed in `text` (e.g. an answer), by the facts layer's name rules, in order. */
  namesIn(text: string): string[];
}
