/**
 * Catalogues other than English are JSON (`ko.json`, …, and the admin's): data a translator edits
 * without code, turned here into the shape English has (`Translation`, `AdminStrings`). Only a page
 * that loads one of them loads this module (see catalogue.ts); English is TypeScript and needs none.
 *
 * Placeholders: where English has a function, the translation is a string that names the
 * function's parameters in braces, in any order the language needs:
 * `runtime: (hours, minutes) => …` in `en.ts` is `"runtime": "{hours}시간 {minutes}분"` in ko.json.
 * The names are English's, listed once per catalogue shape (`Params`: catalogue.ts, the admin's
 * index.ts) and checked against English by test/i18n/placeholders.test.ts;
 * an unknown name stays as written. Counts are not functions but `Plural` objects, as in English:
 * `{ "one": "…", "other": "댓글 {n}개" }`, with `{n}` filled in by `plural()` (format.ts).
 * Strings are inserted as they are: no markup, no `$` patterns.
 */
type Fn = (...args: never[]) => string;

/** Whether a string in `T` is a function in English (somewhere below it, for an object). */
type HasFn<T> = T extends Fn
  ? true
  : T extends object
    ? { [K in keyof T]-?: HasFn<T[K]> }[keyof T] extends false
      ? false
      : true
    : false;

/** A catalogue as data: English's shape with every function a string with placeholders. */
export type Words<T> = { [K in keyof T]: T[K] extends Fn ? string : T[K] extends object ? Words<T[K]> : T[K] };

/** For every function of `T`, its parameters' names in order (the placeholders' names). */
export type Params<T> = {
  [K in keyof T as HasFn<T[K]> extends true ? K : never]: T[K] extends (...args: infer A) => string
    ? { [I in keyof A]: string }
    : Params<T[K]>;
};

/** `words` with a function wherever `params` names parameters; everything else as it is. */
export function compile<T>(words: Words<T>, params: Params<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(words as object)) {
    // Read as a plain record: only arrays make functions, so an inherited name ("constructor") cannot.
    const names: unknown = (params as Record<string, unknown>)[key];
    out[key] =
      typeof value === 'object'
        ? compile(value, (names ?? {}) as never)
        : Array.isArray(names)
          ? (...args: string[]) =>
              (value as string).replace(/\{(\w+)\}/g, (match, name: string) => args[names.indexOf(name)] ?? match)
          : value;
  }
  return out as T;
}
