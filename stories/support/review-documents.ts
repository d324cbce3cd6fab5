/**
 * Review documents for the stories, built from the demo's JSON so stories, demo and tests show
 * the same reviews. Served by MSW (see review-api.ts) or, for `src` stories, as the demo's static
 * files under `/data` (main.ts `staticDirs`).
 */
import type { ReviewInput } from '../../src/api/types.js';
import ballerinaJson from '../../demo/data/ballerina.json';
import minimalJson from '../../demo/data/minimal.json';
import pastLivesJson from '../../demo/data/past-lives.json';
import theGloryJson from '../../demo/data/the-glory.json';

/** Where main.ts serves demo/data, relative to the preview iframe (works under a sub-path too). */
export const DATA_URL = 'data/';

const copy = (json: unknown) => structuredClone(json) as ReviewInput;

/**
 * Image URLs in the demo documents are relative to the document (`images/x.svg`). A document served
 * from the fake API lives at another URL, so its relative images are pointed at `/data` instead.
 */
function withDataImages(doc: ReviewInput): ReviewInput {
  const base = new URL(DATA_URL, document.baseURI);
  const fix = (url: string | undefined) => (url && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url, base).href : url);
  const poster = doc.work.poster;
  return {
    ...doc,
    work: { ...doc.work, poster: poster ? { ...poster, url: fix(poster.url) ?? poster.url } : undefined },
    credits: doc.credits?.map((c) => ({ ...c, avatar: fix(c.avatar) })),
    cast: doc.cast?.map((c) => ({ ...c, photo: fix(c.photo) })),
  };
}

export const ballerina = (): ReviewInput => withDataImages(copy(ballerinaJson));
export const pastLives = (): ReviewInput => withDataImages(copy(pastLivesJson));
export const theGlory = (): ReviewInput => withDataImages(copy(theGloryJson));
export const minimal = (): ReviewInput => copy(minimalJson);

/** A 200-character work title, and long names, genres and verdict, to test wrapping and clamping. */
export function longTitle(): ReviewInput {
  const doc = ballerina();
  // 200 characters exactly.
  const title =
    'The Extraordinarily Long and Winding Chronicle of a Retired Ballerina Who Returns to Seoul to Settle Every Last Score with the Men Who Wronged Her Dearest Friend, Told in Eleven Chapters, One Epilogue';
  return {
    ...doc,
    id: 'long-title',
    title: `${title}: a review that is every bit as long-winded as the film it reviews`,
    verdict:
      'An unreasonably long verdict that keeps going well past the point where a designer would have cut it, to show how the card clamps a verdict that runs over its allotted number of lines without pushing the footer out of the card.',
    work: {
      ...doc.work,
      title,
      originalTitle: '은퇴한 발레리나가 가장 친한 친구에게 상처를 준 남자들에게 마지막 빚까지 갚기 위해 서울로 돌아오는 아주 길고 구불구불한 연대기',
      genres: ['Psychological revenge thriller', 'Neo-noir action melodrama', 'Dance film'],
      ageRating: { system: 'Korea Media Rating Board', value: 'Restricted (18+)' },
    },
    credits: [
      { role: 'author', name: 'Maximiliana Alessandra Bartholomew-Oyelaran de la Fuente-Wrześniewska' },
      { role: 'translator', name: 'Hwang Bo-Seong-Min Jae-Kyung Namgung-Seonwoo' },
      { role: 'editor', name: 'Christopher Montgomery Featherstonehaugh-Vanderbilt III' },
    ],
    commentCount: 123456,
  };
}

/** Ballerina without a poster: the card shows its placeholder frame. */
export function noPoster(): ReviewInput {
  const doc = ballerina();
  return { ...doc, id: 'no-poster', work: { ...doc.work, poster: undefined } };
}

/** Not a valid review: `work.title` is missing, so the client reports `invalid-response`. */
export function missingWorkTitle(): Record<string, unknown> {
  const { title: _title, ...work } = ballerina().work;
  return { ...ballerina(), id: 'invalid', work };
}
