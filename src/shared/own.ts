/**
 * `record[key]` for a key that comes from data: only the record's own entries, so a key such as
 * `constructor` or `__proto__` (a topic, a credit role, an error code, a review id) is never
 * answered by `Object.prototype`.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
