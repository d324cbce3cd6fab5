/**
 * English strings of <cast-list>, in a module of their own so that a page without that element
 * does not load them (modules, not exports, are what the CDN build splits into chunks).
 */
export const enCast = {
  label: 'Cast',
  member: (name: string, character: string) => `${name} as ${character}`,
  showAll: (count: string) => `Show all ${count}`,
  showFewer: 'Show fewer',
  empty: 'No cast listed for this review.',
  loading: 'Loading the cast…',
  errorTitle: 'The cast could not be shown',
};
