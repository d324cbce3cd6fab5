/**
 * English strings, and the shape every other catalogue must satisfy: a string missing from
 * `zh-Hans.ts` or `ko.ts` is a compile error. Counted strings are `Plural`s, chosen with
 * `Intl.PluralRules`; `{n}` is replaced by the formatted count.
 */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export const en = {
  workType: { movie: 'Film', series: 'Series', episode: 'Episode' } as Record<string, string>,
  creditRole: {
    author: 'Written by',
    translator: 'Translated by',
    editor: 'Edited by',
    photographer: 'Photos by',
  } as Record<string, string>,
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
  errors: {
    network: 'The review service could not be reached. Check your connection, then try again.',
    timeout: 'The review service took too long to answer.',
    'not-found': 'This review does not exist, or it was removed.',
    'invalid-response': 'The review data arrived in a form we could not read.',
    'rate-limited': 'Too many requests right now. Wait a moment, then try again.',
    'server-error': 'The review service had a problem on its side.',
    generic: 'Something went wrong while loading the review.',
  } as { generic: string } & Record<string, string>,
};

export type Translation = typeof en;
