/**
 * Review documents for the reader-care tests (locales, right-to-left, content warnings), stored on
 * the real reference server with PUT, as a site owner would.
 */
import { ADMIN, unique } from './helpers.js';

/** Ids the vocabulary does not know: they must show as words ("Ferry disaster"), never raw. */
export const UNKNOWN_TOPIC = 'ferry-disaster';
export const UNKNOWN_ROLE = 'sound-designer';

export interface DocText {
  title: string;
  originalTitle: string;
  summary: string;
  verdict: string;
  genres: string[];
  people: [string, string][];
  credits: string[];
  note: string;
}

/** Latin text: the names that were cut in right-to-left ("Mariana López"). */
export const LATIN: DocText = {
  title: 'Ballerina',
  originalTitle: '발레리나',
  summary: 'A former bodyguard hunts the man who drove her friend to her death.',
  verdict: 'Lean, loud and furious.',
  genres: ['Action', 'Thriller'],
  people: [
    ['Jeon Jong-seo', 'Jang Ok-ju'],
    ['Kim Ji-hoon', 'Choi Pro'],
    ['Park Yu-rim', 'Min-hee'],
  ],
  credits: ['Lee Chung-hyun', 'Mariana López', 'Yoon Seo-yeon'],
  note: 'Discussed in the third paragraph.',
};

export const ARABIC: DocText = {
  title: 'راقصة الباليه',
  originalTitle: '발레리나',
  summary: 'حارسة شخصية سابقة تطارد الرجل الذي دفع صديقتها إلى الموت، في فيلم قصير ومشحون بالغضب.',
  verdict: 'فيلم مكثّف وصاخب وغاضب.',
  genres: ['أكشن', 'إثارة'],
  people: [
    ['جون جونغ سو', 'جانغ أوك جو'],
    ['كيم جي هون', 'تشوي'],
    ['بارك يو ريم', 'مين هي'],
  ],
  credits: ['لي تشونغ هيون', 'ماريانا لوبيز', 'يون سو يون'],
  note: 'يرد ذكره في الفقرة الثالثة.',
};

export const HEBREW: DocText = {
  title: 'בלרינה',
  originalTitle: '발레리나',
  summary: 'שומרת ראש לשעבר רודפת אחרי האיש שדחף את חברתה אל מותה, בסרט קצר ומלא זעם.',
  verdict: 'סרט רזה, רועש וזועם.',
  genres: ['אקשן', 'מותחן'],
  people: [
    ['ג׳ון ג׳ונג-סו', 'ג׳אנג אוק-ג׳ו'],
    ['קים ג׳י-הון', 'צ׳וי'],
    ['פארק יו-רים', 'מין-הי'],
  ],
  credits: ['לי צ׳ונג-היון', 'מריאנה לופס', 'יון סו-יון'],
  note: 'מוזכר בפסקה השלישית.',
};

export function reviewDocument(
  id: string,
  text: DocText,
  lang: string,
  contentWarnings: unknown = [
    { topic: 'suicide', severity: 'high', note: text.note },
    { topic: 'sexual-violence', severity: 'medium' },
    { topic: UNKNOWN_TOPIC, severity: 'low' },
  ],
) {
  return {
    id,
    url: `https://blog.example/reviews/${id}`,
    lang,
    title: text.title,
    summary: text.summary,
    verdict: text.verdict,
    publishedAt: '2025-02-14T10:00:00Z',
    rating: { value: 3.5, best: 5 },
    work: {
      title: text.title,
      originalTitle: text.originalTitle,
      type: 'movie',
      year: 2023,
      countries: ['KR'],
      languages: ['ko'],
      runtimeMinutes: 93,
      genres: text.genres,
      ageRating: { system: 'KMRB', value: '18' },
      externalRatings: [{ source: 'Rotten Tomatoes', value: 91, unit: 'percent', average: 6.6, averageBest: 10 }],
    },
    credits: [
      { role: 'director', name: text.credits[0] },
      { role: UNKNOWN_ROLE, name: text.credits[1] },
      { role: 'author', name: text.credits[2] },
    ],
    cast: text.people.map(([name, character], order) => ({ name, character, order })),
    contentWarnings,
    commentCount: 2,
    comments: { open: true },
  };
}

/** Stores a document on the reference server and returns its id. */
export async function putReview(text: DocText, lang: string, contentWarnings?: unknown): Promise<string> {
  const id = unique('reader');
  const res = await fetch(`/v1/reviews/${id}`, {
    method: 'PUT',
    headers: ADMIN,
    body: JSON.stringify(reviewDocument(id, text, lang, contentWarnings)),
  });
  if (res.status !== 201) throw new Error(`PUT ${id}: ${res.status} ${await res.text()}`);
  return id;
}

/** Every string of a document a reader may see as data (to tell it from our own words). */
export function dataStrings(text: DocText): string[] {
  return [
    text.title,
    text.originalTitle,
    text.summary,
    text.verdict,
    ...text.genres,
    ...text.people.flat(),
    ...text.credits,
    text.note,
    'Rotten Tomatoes',
    'KMRB',
  ];
}
