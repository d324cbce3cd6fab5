import { sha256 } from './web-crypto.js';

/**
 * The same words posted again on one review within the window are refused (a flood of one text,
 * or a double click without an Idempotency-Key). Kept in memory: the reference server is one
 * process, and forgetting them on a restart costs nothing worse than one more copy.
 */
export class DuplicateGuard {
  readonly #windowMs: number;
  /** text key → when it was last posted, and the idempotency key it came with (a retry may repeat). */
  readonly #seen = new Map<string, { at: number; idempotencyKey: string | undefined }>();
  static readonly MAX_ENTRIES = 50_000;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Letters and digits only, case-folded: changing spacing, case or punctuation is the same text. */
  static key(reviewId: string, body: string): Promise<string> {
    const normal = body
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, ' ')
      .trim();
    return sha256(`${reviewId}\u0000${normal}`);
  }

  /** Is this a repeat within the window (and not a retry of the same keyed request)? */
  isDuplicate(key: string, idempotencyKey: string | undefined, now: number): boolean {
    if (this.#windowMs <= 0) return false;
    const seen = this.#seen.get(key);
    if (!seen || now - seen.at >= this.#windowMs) return false;
    return !(idempotencyKey && seen.idempotencyKey === idempotencyKey);
  }

  /** When this text was posted with this very idempotency key, if it was (a retry). */
  postedWith(key: string, idempotencyKey: string | undefined, now: number): number | undefined {
    const seen = this.#seen.get(key);
    if (!seen || !idempotencyKey || seen.idempotencyKey !== idempotencyKey || now - seen.at >= this.#windowMs)
      return undefined;
    return seen.at;
  }

  remember(key: string, idempotencyKey: string | undefined, now: number): void {
    if (this.#windowMs <= 0) return;
    this.#seen.delete(key);
    this.#seen.set(key, { at: now, idempotencyKey });
    for (const [oldest, entry] of this.#seen) {
      if (this.#seen.size <= DuplicateGuard.MAX_ENTRIES && now - entry.at < this.#windowMs) break;
      this.#seen.delete(oldest);
    }
  }
}

/** Links in a comment: every http(s) URL, bare or in `[text](url)`, and every www. address. */
export function countLinks(body: string): number {
  return body.match(/\bhttps?:\/\/|(?<!\/\/)\bwww\./gi)?.length ?? 0;
}
