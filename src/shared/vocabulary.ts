/**
 * The shared vocabulary of review data: credit roles and content-warning topics are stable ids
 * (docs/vocabulary.md lists them) with a translated label in every catalogue. An id we do not
 * know — from a newer server, or a site's own topic — is never shown raw: "ferry-disaster" reads
 * "Ferry disaster".
 */
import { own } from './own.js';

/** Credit roles with a label in every catalogue (`creditRole`). */
export const CREDIT_ROLES = [
  'author',
  'translator',
  'editor',
  'photographer',
  'critic',
  'reviewer',
  'director',
  'writer',
  'producer',
  'composer',
  'cinematographer',
  'illustrator',
] as const;

/**
 * Content-warning topics with a label in every catalogue (`warning.topics`), in the order the
 * settings list them: DESIGN.md's list first, then what readers most often ask to be warned about.
 */
export const WARNING_TOPICS = [
  'suicide',
  'self-harm',
  'sexual-violence',
  'child-abuse',
  'domestic-abuse',
  'image-based-abuse',
  'violence',
  'gore',
  'drug-use',
  'animal-harm',
  'death',
  'eating-disorders',
  'blackmail',
  'harassment',
  'animal-death',
  'child-death',
  'character-death',
  'pregnancy-loss',
  'torture',
  'kidnapping',
  'stalking',
  'war',
  'terminal-illness',
  'hate-speech',
  'alcohol-abuse',
  'sexual-content',
  'body-horror',
  'medical-procedures',
  'jump-scares',
  'flashing-lights',
] as const;

export type CreditRole = (typeof CREDIT_ROLES)[number];
export type WarningTopic = (typeof WARNING_TOPICS)[number];

/**
 * An id as words: separators become spaces and the first letter is capitalised in the reader's
 * locale ("ferry-disaster" → "Ferry disaster", "jump_scares" → "Jump scares"). Scripts without
 * case are left as they are.
 */
export function humanise(id: string, locale: string): string {
  const words = id.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words) return id;
  const first = String.fromCodePoint(words.codePointAt(0) ?? 0);
  let upper: string;
  try {
    upper = first.toLocaleUpperCase(locale);
  } catch {
    upper = first.toUpperCase(); // a locale Intl rejects
  }
  return upper + words.slice(first.length);
}

/** The label of a topic: the catalogue's, else the id as words. */
export function topicLabel(topics: Readonly<Record<string, string>>, id: string, locale: string): string {
  return own(topics, id) ?? humanise(id, locale);
}

/** "Written by" for a known role, else the catalogue's pattern around the role as words. */
export function roleLabel(
  roles: Readonly<Record<string, string>>,
  unknownRole: (role: string) => string,
  id: string,
  locale: string,
): string {
  return own(roles, id) ?? unknownRole(humanise(id, locale));
}
