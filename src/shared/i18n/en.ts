/**
 * English strings, and the shape every other catalogue must satisfy: a string missing from
 * `zh-Hans.json` or `ko.json` is a compile error (where English has a function, they have a string
 * with its parameters' names as placeholders: compile.ts). Counted strings are `Plural`s, chosen
 * with `Intl.PluralRules`; `{n}` is replaced by the formatted count.
 *
 * English is split by element (`enBase` here; `enCast`, `enWarning`, `enThread` in modules of
 * their own) so that a page using
 * only `<content-warning>` ships only its strings; the other catalogues are whole and load on
 * demand (see `index.ts`).
 */
import type { CreditRole } from '../vocabulary.js';
import type { enCast } from './en-cast.js';
import type { enThread } from './en-thread.js';
import type { enWarning } from './en-warning.js';

export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** Every error code has a message in every catalogue; codes from data are looked up with `own()`. */
type ErrorCode =
  | 'network'
  | 'timeout'
  | 'not-found'
  | 'invalid-response'
  | 'rate-limited'
  | 'server-error'
  | 'comments-closed'
  | 'invalid-parent'
  | 'reply-too-deep'
  | 'idempotency-key-reused'
  | 'invalid-body'
  | 'payload-too-large'
  | 'edit-window-closed'
  | 'forbidden'
  | 'unauthorized'
  | 'generic';

/** The card, the rating, the count, and every element's loading and error states. */
export const enBase = {
  workType: { movie: 'Film', series: 'Series', episode: 'Episode' } as Record<'movie' | 'series' | 'episode', string> &
    Record<string, string>,
  creditRole: {
    author: 'Written by',
    translator: 'Translated by',
    editor: 'Edited by',
    photographer: 'Photos by',
    critic: 'Review by',
    reviewer: 'Reviewed by',
    director: 'Directed by',
    writer: 'Screenplay by',
    producer: 'Produced by',
    composer: 'Music by',
    cinematographer: 'Cinematography by',
    illustrator: 'Illustrations by',
  } as Record<CreditRole, string>,
  /** A role not in the vocabulary, given as words ("Sound designer"), before the name. */
  unknownRole: (role: string) => `${role}:`,
  notWarned: 'The author chose not to give content warnings',
  runtime: (hours: string, minutes: string) => `${hours} h ${minutes} min`,
  runtimeHours: (hours: string) => `${hours} h`,
  runtimeMinutes: (minutes: string) => `${minutes} min`,
  ratingOutOf: (value: string, best: string) => `${value} out of ${best}`,
  reviewerScore: 'Our score',
  externalAverage: (average: string, best: string) => `avg ${average}/${best}`,
  externalRatings: 'Ratings elsewhere',
  ageRating: 'Age rating',
  originalTitle: 'Original title',
  details: 'About the work',
  genres: 'Genres',
  runtimeLabel: 'Runtime',
  countries: 'Countries',
  languages: 'Languages',
  year: 'Year',
  verdict: 'Verdict',
  credits: 'Credits',
  comments: { one: '{n} comment', other: '{n} comments' } as Plural,
  published: (date: string) => `Published ${date}`,
  updated: (date: string) => `Updated ${date}`,
  readReview: 'Read the full review',
  posterAlt: (title: string) => `Poster of ${title}`,
  cardLabel: (title: string) => `Review of ${title}`,
  loading: 'Loading review…',
  empty: 'No review to show yet.',
  retry: 'Try again',
  retrying: 'Trying again…',
  errorTitle: 'This review could not be shown',
  noComments: 'No comments yet',
  errors: {
    network: 'The review service could not be reached. Check your connection, then try again.',
    timeout: 'The review service took too long to answer.',
    'not-found': 'This review does not exist, or it was removed.',
    'invalid-response': 'The review data arrived in a form we could not read.',
    'rate-limited': 'Too many requests right now. Wait a moment, then try again.',
    'server-error': 'The review service had a problem on its side.',
    'comments-closed': 'Comments are closed for this review.',
    'invalid-parent': 'The comment you replied to is no longer there.',
    'reply-too-deep': 'This conversation is nested too deep to reply here; reply further up.',
    'idempotency-key-reused': 'The comment changed while it was being sent. Post it again.',
    'invalid-body': 'The comment was not accepted. Check the name and the text.',
    'payload-too-large': 'The comment is too long.',
    'edit-window-closed': 'The time to change this comment has passed.',
    forbidden: 'This comment cannot be changed from here.',
    unauthorized: 'This comment cannot be changed from here.',
    generic: 'Something went wrong while loading the review.',
  } as Record<ErrorCode, string> & Record<string, string>,
};

/** Keys of the shared strings (`enBase`). */
export type BaseKey = keyof typeof enBase;

export type Translation = typeof enBase & { cast: typeof enCast; warning: typeof enWarning; thread: typeof enThread };
