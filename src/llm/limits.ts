/**
 * The limits every LLM call of the project keeps: the longest reply used
 * (longer ones are cut, so a runaway endpoint cannot flood a chat) and the
 * longest wait (after it the request is aborted, so a stalled or trickling
 * endpoint leaves nothing pending). `createChatModel` attaches the
 * configured limits to the model it makes; callers read them with
 * `limitsOf`, so every caller of one model keeps the same limits.
 */

/** Limits of one chat model's calls. */
export interface LlmLimits {
  /** Longest reply used, in characters (`LLM_MAX_CHARS`, default 1500). */
  maxChars: number;
  /** Longest wait for a reply, in ms (`LLM_TIMEOUT_MS`, default 20 000); the request is aborted then. */
  timeoutMs: number;
}

/** The defaults, also used for models not made by `createChatModel` (tests, other wiring). */
export const DEFAULT_LLM_LIMITS: Readonly<LlmLimits> = { maxChars: 1500, timeoutMs: 20_000 };

const attached = new WeakMap<object, LlmLimits>();

/** Attaches `limits` to `model` and returns the model. */
export function withLimits<M extends object>(model: M, limits: LlmLimits): M {
  attached.set(model, { ...limits });
  return model;
}

/** The limits attached to `model`, or the defaults. */
export function limitsOf(model: object): LlmLimits {
  return attached.get(model) ?? { ...DEFAULT_LLM_LIMITS };
}

/**
 * An AbortSignal that fires after `timeoutMs` or when `outer` fires,
 * whichever comes first. Its timer does not keep the process alive.
 */
export function deadline(timeoutMs: number, outer?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return outer ? AbortSignal.any([timeout, outer]) : timeout;
}

/**
 * `work`, or its rejection with the abort reason as soon as `signal` fires:
 * a model that ignores the signal (a custom or fake one) still cannot hold
 * its caller past the deadline. Models that honour it (ChatOpenAI) also
 * abort their request, so nothing is left pending.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
