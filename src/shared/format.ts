/**
 * Intl formatting with one cached formatter per locale and options: building an `Intl` object is
 * slow (tens of microseconds), and a listing page formats hundreds of values.
 */
import type { Plural, Translation } from './i18n/index.js';

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** `91` → "91%" (en), "91 %" (fr): the value is a percentage, not a fraction. */
export function formatPercent(locale: string, value: number): string {
  return formatNumber(locale, value / 100, { style: 'percent', maximumFractionDigits: 1 });
}

export function formatDate(
  locale: string,
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** `93` → "1 h 33 min", "1시간 33분", "1小时33分钟". */
export function formatRuntime(
  locale: string,
  t: Pick<Translation, 'runtimeHours' | 'runtimeMinutes' | 'runtime'>,
  totalMinutes: number,
): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const n = (x: number) => formatNumber(locale, x);
  if (hours === 0) return t.runtimeMinutes(n(minutes));
  if (minutes === 0) return t.runtimeHours(n(hours));
  return t.runtime(n(hours), n(minutes));
}

/** ISO 8601 duration for `<time datetime>` and schema.org: `93` → `PT1H33M`. */
export function isoDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes || !hours ? `${minutes}M` : ''}`;
}

export function formatList(
  locale: string,
  items: readonly string[],
  type: Intl.ListFormatType = 'conjunction',
): string {
  return cached('l', locale, { type }, () => new Intl.ListFormat(locale, { type, style: 'long' })).format(items);
}

function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return (
      cached('dn', locale, { type }, () => new Intl.DisplayNames(locale, { type, fallback: 'code' })).of(code) ?? code
    );
  } catch {
    return code; // not a valid code: show it as written
  }
}

/**
 * A language tag from review data, for a `lang` attribute: the tag when it is well-formed BCP 47,
 * else `undefined` (no attribute), since a malformed one (`<b>`, `hasOwnProperty`) would tell
 * screen readers to speak in a language that does not exist.
 */
export function langTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    Intl.getCanonicalLocales(tag);
    return tag;
  } catch {
    return undefined;
  }
}

export const regionName = (locale: string, code: string) => displayName(locale, 'region', code);
export const languageName = (locale: string, code: string) => displayName(locale, 'language', code);

export function plural(locale: string, entry: Plural, count: number): string {
  const rule = cached('p', locale, {}, () => new Intl.PluralRules(locale)).select(count);
  return (entry[rule] ?? entry.other).replace('{n}', formatNumber(locale, count));
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 days ago", "hace 3 días", "3일 전": the largest unit that fits, `numeric: 'auto'` ("yesterday"). */
export function formatRelative(locale: string, iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  let value = (then - now) / 1000;
  const format = cached('r', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_STEPS) {
    // Decide on the rounded value: 59.99 minutes is "1 hour ago", not "60 minutes ago".
    if (Math.abs(Math.round(value)) < size || unit === 'year') {
      // Under a minute reads as "now" rather than a ticking count of seconds.
      return unit === 'second' ? format.format(0, 'second') : format.format(Math.round(value), unit);
    }
    value /= size;
  }
  return iso;
}
