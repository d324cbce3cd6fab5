/**
 * English strings, and the shape every other catalogue must satisfy: a string missing from
 * `zh-Hans.ts` or `ko.ts` is a compile error. Counted strings are `Plural`s, chosen with
 * `Intl.PluralRules`; `{n}` is replaced by the formatted count.
 *
 * English is split by element (`enBase`, `enCast`, `enWarning`, `enThread`) so that a page using
 * only `<content-warning>` ships only its strings; the other catalogues are whole and load on
 * demand (see `index.ts`).
 */
import type { CreditRole, WarningTopic } from '../vocabulary.js';

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

export const enCast = {
  label: 'Cast',
  member: (name: string, character: string) => `${name} as ${character}`,
  showAll: (count: string) => `Show all ${count}`,
  showFewer: 'Show fewer',
  empty: 'No cast listed for this review.',
  loading: 'Loading the cast…',
  errorTitle: 'The cast could not be shown',
};

export const enWarning = {
  title: 'Content warning',
  intro: 'The content below discusses:',
  unknown: 'The content below may discuss topics some readers find distressing.',
  show: 'Show content',
  hide: 'Hide again',
  alwaysHide: 'Always hide these topics',
  keptHidden: 'You chose to always hide these topics. You can still show this content.',
  rememberedShow: 'Shown because you chose to see these topics before.',
  forget: 'Ask me again next time',
  revealed: 'Content shown',
  severity: { low: 'mild', medium: 'moderate', high: 'severe' } as Record<'low' | 'medium' | 'high', string> &
    Record<string, string>,
  topicWithSeverity: (topic: string, severity: string) => `${topic} (${severity})`,
  topics: {
    suicide: 'Suicide',
    'self-harm': 'Self-harm',
    'sexual-violence': 'Sexual violence',
    'child-abuse': 'Child abuse',
    'domestic-abuse': 'Domestic abuse',
    'image-based-abuse': 'Image-based abuse (intimate images shared or faked)',
    violence: 'Violence',
    gore: 'Gore',
    'drug-use': 'Drug use',
    'animal-harm': 'Harm to animals',
    death: 'Death',
    'eating-disorders': 'Eating disorders',
    blackmail: 'Blackmail',
    harassment: 'Harassment',
    'animal-death': 'An animal dies',
    'child-death': 'Death of a child',
    'character-death': 'Death of a main character',
    'pregnancy-loss': 'Miscarriage or pregnancy loss',
    torture: 'Torture',
    kidnapping: 'Kidnapping',
    stalking: 'Stalking',
    war: 'War',
    'terminal-illness': 'Terminal illness',
    'hate-speech': 'Hate speech and slurs',
    'alcohol-abuse': 'Alcohol abuse',
    'sexual-content': 'Sexual content',
    'body-horror': 'Body horror',
    'medical-procedures': 'Medical procedures and needles',
    'jump-scares': 'Jump scares',
    'flashing-lights': 'Flashing lights',
  } as Record<WarningTopic, string>,
  notWarned:
    'The author chose not to give content warnings. The content below may include topics some readers find distressing.',
  settings: 'Warning settings',
  settingsTitle: 'Your content-warning settings',
  settingsIntro:
    'For each topic, choose what every content warning on this site does. Your choices stay in this browser.',
  choice: { show: 'Always show', ask: 'Always ask', hide: 'Always hide' },
  saved: 'Saved.',
  notSaved: 'This browser is not keeping settings for this site: your choices last only until you leave this page.',
  close: 'Close',
};

export const enThread = {
  heading: 'Comments',
  sortLabel: 'Sort comments',
  sort: { oldest: 'Oldest first', newest: 'Newest first', top: 'Most replies' } as Record<string, string>,
  loadMore: 'Load more comments',
  moreReplies: { one: 'Show {n} more reply', other: 'Show {n} more replies' } as Plural,
  newComments: { one: '{n} new comment', other: '{n} new comments' } as Plural,
  replyingTo: (name: string) => `replying to ${name}`,
  reply: 'Reply',
  cancel: 'Cancel',
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Delete this comment?',
  yesDelete: 'Yes, delete',
  keep: 'Keep it',
  save: 'Save',
  edited: 'edited',
  deleted: '[deleted]',
  you: 'you',
  sending: 'Sending…',
  notPosted: 'Not posted.',
  notConfirmed: 'Not confirmed: it may have been posted already. Trying again will not post it twice.',
  pending: 'Waiting for moderation: it will appear once approved.',
  posted: 'Your comment was posted.',
  changeFailed: 'Your change was not saved.',
  deletedNotice: 'Your comment was deleted.',
  spoilerComment: 'Contains spoilers',
  showSpoiler: 'Show',
  spoilerInline: 'Spoiler: show',
  empty: 'No comments yet — be the first.',
  closed: 'Comments are closed.',
  loading: 'Loading comments…',
  errorTitle: 'The comments could not be shown',
  form: {
    title: 'Leave a comment',
    replyTitle: (name: string) => `Reply to ${name}`,
    name: 'Name',
    email: 'Email (optional, never shown)',
    body: 'Comment',
    spoiler: 'Contains spoilers',
    submit: 'Post comment',
    submitReply: 'Post reply',
    count: (used: string, max: string) => `${used} of ${max} characters`,
    website: 'Leave this field empty',
    help: 'Plain text. **bold**, *italic*, `code`, > quotes, links and ||spoilers|| work.',
    draftRestored: 'Your unsent draft was restored.',
    nameRequired: 'Enter your name.',
    bodyRequired: 'Write your comment.',
    tooLong: (max: string) => `At most ${max} characters.`,
  },
  report: {
    action: 'Report',
    title: 'Report this comment',
    legend: 'Why should a moderator look at it?',
    reasons: {
      spam: 'Spam or advertising',
      harassment: 'Harassment or a personal attack',
      hate: 'Hate speech',
      spoiler: 'Unmarked spoilers',
      'off-topic': 'Off topic',
      other: 'Something else',
    } as Record<string, string>,
    note: 'Anything the moderator should know (optional)',
    send: 'Send report',
    sending: 'Sending…',
    cancel: 'Cancel',
    chooseReason: 'Choose a reason.',
    thanks: 'Thank you. A moderator will look at this comment.',
    reported: 'Reported',
    failed: 'The report was not sent.',
  },
};

/** Keys of the shared strings (`enBase`). */
export type BaseKey = keyof typeof enBase;

export type Translation = typeof enBase & { cast: typeof enCast; warning: typeof enWarning; thread: typeof enThread };
