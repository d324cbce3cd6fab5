/**
 * A Map that forgets its least recently used entries past a count and a total size. The client
 * keeps parsed answers for their `max-age` and their ETags; a long-lived page (a listing that
 * pages through hundreds of reviews, an app that never reloads) would otherwise keep every answer
 * it ever had. Hand-written: twenty lines, where an LRU package would outweigh the client.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, [value: V, size: number]>();
  readonly #maxEntries: number;
  readonly #maxSize: number;
  #size = 0;

  /** @param maxSize The most the entries' sizes may add up to (the client counts characters of JSON). */
  constructor(maxEntries: number, maxSize: number) {
    this.#maxEntries = maxEntries;
    this.#maxSize = maxSize;
  }

  /** The total of the sizes held. */
  get size(): number {
    return this.#size;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry[0];
  }

  set(key: string, value: V, size: number): void {
    this.delete(key);
    this.#entries.set(key, [value, size]);
    this.#size += size;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#size <= this.#maxSize) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    this.#size -= this.#entries.get(key)?.[1] ?? 0;
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }
}
