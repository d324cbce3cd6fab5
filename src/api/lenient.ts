/**
 * Validation that is strict where it must be and lenient where it can be: an answer whose optional
 * field is malformed (a poster without a URL, a year written as text) is shown without that field,
 * rather than not at all. A malformed required field (a title, a comment's body) still fails.
 *
 * The checks are in ./guard.ts (the same contract as the server's schemas in ./schemas.ts, tested
 * against them). What was dropped is kept beside the output (`droppedFields`) for the elements to
 * report as a `review-warning` event; nothing is written to the console.
 */
import type { Check, Failure } from './guard.js';

export interface DroppedField {
  /** Dot path of the field that was left out, e.g. `work.poster` or `cast.3`. */
  path: string;
  /** What was wrong with it. */
  message: string;
}

const dropped = new WeakMap<object, DroppedField[]>();

/** The fields left out of a checked value (empty when none were). */
export function droppedFields(value: unknown): readonly DroppedField[] {
  return (value !== null && typeof value === 'object' && dropped.get(value)) || [];
}

/** Keeps the record of dropped fields on a value made from a checked one (a normalised review). */
export function carryDropped<T extends object>(from: unknown, to: T): T {
  const fields = droppedFields(from);
  if (fields.length) dropped.set(to, [...fields]);
  return to;
}

/** `check(input)`, dropping malformed optional fields: the output, or the first failure. */
export function parseLenient<T>(check: Check, input: unknown): { output: T } | { failure: Failure } {
  const fields: DroppedField[] = [];
  try {
    const output = check(input, [], fields) as T;
    if (fields.length && output !== null && typeof output === 'object') dropped.set(output, fields);
    return { output };
  } catch (error) {
    if (!(error as Failure).path) throw error;
    return { failure: error as Failure };
  }
}
