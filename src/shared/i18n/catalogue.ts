/**
 * A reader's catalogue from its JSON: what `loadCatalogue` fetches beside the JSON, and what
 * `review-elements/locales/*.js` run. In a module of its own so that a page in English never loads it.
 */
import type { Translation } from './en.js';
import { compile, type Params, type Words } from './compile.js';

/** The parameters of English's functions, by name: the placeholders of the JSON catalogues. */
const PARAMS: Params<Translation> = {
  unknownRole: ['role'],
  runtime: ['hours', 'minutes'],
  runtimeHours: ['hours'],
  runtimeMinutes: ['minutes'],
  ratingOutOf: ['value', 'best'],
  externalAverage: ['average', 'best'],
  published: ['date'],
  updated: ['date'],
  posterAlt: ['title'],
  cardLabel: ['title'],
  cast: { member: ['name', 'character'], showAll: ['count'] },
  warning: { topicWithSeverity: ['topic', 'severity'] },
  thread: { replyingTo: ['name'], form: { replyTitle: ['name'], count: ['used', 'max'], tooLong: ['max'] } },
};

export const catalogue = (words: Words<Translation>): Translation => compile(words, PARAMS);
