import type { Transformer } from "grammy";

/** Chats remembered at most; the oldest are forgotten first. */
const MAX_CHATS = 10_000;

/** Where the bot's answer to one question went. */
interface Remembered {
  questionId: number;
  answerIds: number[];
}

/**
 * What the bot remembers per chat to answer an edited question in place:
 * the bot's last message in each chat (recorded by an API transformer from
 * every sent message) and which messages answered which question. Kept in
 * memory only and bounded: after a restart an edited question simply gets
 * a new answer.
 */
export interface AnswerMemory {
  /** Install with `bot.api.config.use`: records the id of every message the bot sends, per chat. */
  transformer: Transformer;
  /** Records that `answerIds` answered message `questionId` in `chatId`. */
  remember(chatId: number, questionId: number, answerIds: number[]): void;
  /**
   * The message to edit when question `questionId` in `chatId` was edited:
   * its answer, when that answer was one message and is still the bot's last
   * message in the chat (editing an older one would change the chat above
   * the reader's eyes). Undefined otherwise.
   */
  editable(chatId: number, questionId: number): number | undefined;
}

/** Keeps a map bounded by dropping its oldest entry. */
function setBounded<V>(map: Map<number, V>, key: number, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_CHATS) map.delete(map.keys().next().value as number);
}

/** Creates an empty `AnswerMemory`. */
export function createAnswerMemory(): AnswerMemory {
  const lastSent = new Map<number, number>();
  const answers = new Map<number, Remembered>();
  return {
    transformer: async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      if (res.ok && /^send[A-Z]/.test(method) && method !== "sendChatAction") {
        const msg = res.result as { message_id?: number; chat?: { id?: number } } | undefined;
        if (typeof msg?.message_id === "number" && typeof msg.chat?.id === "number") {
          setBounded(lastSent, msg.chat.id, msg.message_id);
        }
      }
      return res;
    },
    remember(chatId, questionId, answerIds) {
      setBounded(answers, chatId, { questionId, answerIds });
    },
    editable(chatId, questionId) {
      const a = answers.get(chatId);
      if (!a || a.questionId !== questionId || a.answerIds.length !== 1) return undefined;
      return lastSent.get(chatId) === a.answerIds[0] ? a.answerIds[0] : undefined;
    },
  };
}
