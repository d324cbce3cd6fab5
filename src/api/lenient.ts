/**
 * Validation that is strict where it must be and lenient where it can be: an answer whose optional
 * field is malformed (a poster without a URL, a year written as text) is shown without that field,
 * rather than not at all. A malformed required field (a title, a comment's body) still fails.
 *
 * The same schemas as the server (./schemas.ts), so nothing is written twice: when a parse fails,
 * the failing issue's path is walked through the schema, and the deepest field on it that is
 * optional (or an item of an optional list) is removed from a copy of the input, which is parsed again. What
 * was dropped is kept beside the output (`droppedFields`) for the elements to report as a
 * `review-warning` event; nothing is written to the console.
 */
import * as v from 'valibot';

export interface DroppedField {
  /** Dot path of the field that was left out, e.g. `work.poster` or `cast.3`. */
  path: string;
  /** What was wrong with it. */
  message: string;
}

type AnySchema = {
  type: string;
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  options?: AnySchema[];
};
type PathItem = { key?: unknown };

const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish']);
const WRAPPERS = new Set([...OPTIONAL, 'nullable', 'non_optional', 'non_nullable', 'non_nullish']);
/** Enough for any real document; a bound so a hostile one cannot keep us parsing. */
const MAX_DROPS = 20;

const dropped = new WeakMap<object, DroppedField[]>();

/** The fields left out of a parsed value (empty when none were). */
export function droppedFields(value: unknown): readonly DroppedField[] {
  return (value !== null && typeof value === 'object' && dropped.get(value)) || [];
}

/** Keeps the record of dropped fields on a value made from a parsed one (a normalised review). */
export function carryDropped<T extends object>(from: unknown, to: T): T {
  const fields = droppedFields(from);
  if (fields.length) dropped.set(to, [...fields]);
  return to;
}

/** How many keys of `path` lead to the deepest field that may be dropped, or 0 if none may. */
function droppableDepth(schema: AnySchema, path: readonly PathItem[]): number {
  let depth = 0;
  let current: AnySchema | undefined = schema;
  // An item of a list is droppable when the list itself is optional (a required list is the answer).
  let optional = false;
  for (let i = 0; i < path.length && current; i++) {
    while (current && WRAPPERS.has(current.type)) current = current.wrapped;
    const key = path[i].key;
    let next: AnySchema | undefined;
    if (current?.type === 'object' && typeof key === 'string') next = current.entries?.[key];
    else if (current?.type === 'intersect' && typeof key === 'string')
      next = current.options?.map((o) => o.entries?.[key]).find(Boolean);
    else if (current?.type === 'array') {
      next = current.item;
      if (optional) depth = i + 1;
    }
    optional = !!next && OPTIONAL.has(next.type);
    if (optional) depth = i + 1;
    current = next;
  }
  return depth;
}

/** A copy of `input` without the value at `keys` (copied along the path only). */
function without(input: unknown, keys: readonly unknown[]): unknown {
  if (!keys.length || input === null || typeof input !== 'object') return input;
  const [key, ...rest] = keys;
  if (Array.isArray(input)) {
    const copy = [...input];
    if (rest.length) copy[key as number] = without(copy[key as number], rest);
    else copy.splice(key as number, 1);
    return copy;
  }
  const copy = { ...(input as Record<string, unknown>) };
  if (rest.length) copy[key as string] = without(copy[key as string], rest);
  else delete copy[key as string];
  return copy;
}

/** `v.safeParse`, dropping malformed optional fields (see above). */
export function parseLenient<S extends v.GenericSchema>(schema: S, input: unknown): v.SafeParseResult<S> {
  const fields: DroppedField[] = [];
  for (;;) {
    const result = v.safeParse(schema, input);
    if (result.success) {
      if (fields.length && result.output !== null && typeof result.output === 'object')
        dropped.set(result.output, fields);
      return result;
    }
    const issue = result.issues[0];
    const path = issue.path ?? [];
    const depth = fields.length < MAX_DROPS ? droppableDepth(schema as unknown as AnySchema, path) : 0;
    if (!depth) return result;
    const keys = path.slice(0, depth).map((p) => p.key);
    fields.push({ path: keys.join('.'), message: issue.message });
    input = without(input, keys);
  }
}
