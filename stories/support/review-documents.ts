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
      originalTitle:
        '은퇴한 발레리나가 가장 친한 친구에게 상처를 준 남자들에게 마지막 빚까지 갚기 위해 서울로 돌아오는 아주 길고 구불구불한 연대기',
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

/** Ballerina as a review whose author chose not to warn (`contentWarnings: "not-warned"`), with roles beyond the vocabulary. */
export function notWarned(): ReviewInput {
  const doc = ballerina();
  return {
    ...doc,
    id: 'not-warned',
    contentWarnings: 'not-warned',
    credits: [
      ...(doc.credits ?? []),
      { role: 'director', name: 'Lee Chung-hyun' },
      { role: 'sound-designer', name: 'Mariana López' },
    ],
  };
}

/** Not a valid review: `work.title` is missing, so the client reports `invalid-response`. */
export function missingWorkTitle(): Record<string, unknown> {
  const { title: _title, ...work } = ballerina().work;
  return { ...ballerina(), id: 'invalid', work };
}

/** The demo's portraits (abstract silhouettes), relative to `/data` like the documents' own images. */
const PORTRAITS = ['images/jeon-jong-seo.svg', 'images/kim-ji-hoon.svg', 'images/park-yu-rim.svg'];

/**
 * Invented names for a large cast, in Latin, Hangul, Han and Arabic script, with one very long
 * name and one long unbroken word. `[name, character]`; an empty character means none is given.
 */
const CAST_NAMES: [string, string][] = [
  ['Han Seo-yoon', 'Detective Yoo'],
  ['박도현', '강태오'],
  ['林美玲', '陈老师'],
  ['ليلى حداد', 'Mariam'],
  ['Maximiliana Alessandra Bartholomew-Oyelaran de la Fuente-Wrześniewska', 'The Ambassador'],
  ['Oh Ji-ho', ''],
  ['이지안', '윤서진'],
  ['王思远', '李警官'],
  ['عمر الفاروق', 'Karim'],
  ['Greta Lindqvist', 'Ingrid'],
  ['Cho Min-jun', 'Club manager'],
  ['최유나', ''],
  ['陈静怡', '小林'],
  ['نور الهدى سليمان', 'Dr. Salma'],
  ['Aleksandr Wolfeschlegelsteinhausenbergerdorff', 'Captain Brandt'],
  ['Kang Da-eun', 'Bartender'],
  ['정하람', '하람'],
  ['赵雨桐', '雨桐'],
  ['يوسف الخطيب', ''],
  ['Amara Okafor', 'Journalist'],
  ['Seo Jun-young', 'Security guard'],
  ['한지민우', '민우'],
  ['黄子豪', '阿豪'],
  ['سارة منصور', 'Nadia'],
  ['Pierre-Étienne Beaumont', 'Art dealer'],
  ['Yoon Bo-ra', 'Neighbour'],
  ['임채원', '채원의 어머니'],
  ['刘晓峰', ''],
  ['خالد العمري', 'Driver'],
  ['Sofía Ramírez', 'Dance teacher'],
  ['Jang Woo-jin', 'Young Choi'],
  ['송예린', '예린'],
  ['周慕白', '慕白'],
  ['فاطمة الزهراء', 'Hana'],
  ['Nikolai Petrov', 'Fixer'],
  ['Moon Ga-young', 'Receptionist'],
  ['배수호', ''],
  ['孙丽华', '房东'],
  ['رامي عيسى', 'Paramedic'],
  ['Emily Hartwell', 'Tourist'],
];

/**
 * 40 invented cast members: every fourth has a real photo, the next a photo URL that 404s (the
 * entry falls back to initials), the other two none. For `limit`, "Show all 40" and the row layout.
 */
export function fortyMembers(): ReviewInput {
  const doc = ballerina();
  const cast = CAST_NAMES.map(([name, character], index) => {
    const kind = index % 4;
    const photo =
      kind === 0
        ? PORTRAITS[(index / 4) % PORTRAITS.length]
        : kind === 1
          ? `images/missing/cast-${index + 1}.svg`
          : undefined;
    return { name, ...(character ? { character } : {}), ...(photo ? { photo } : {}), order: index + 1 };
  });
  return withDataImages({ ...doc, id: 'forty-members', title: 'Ballerina, with a cast of forty', cast });
}

/** Six cast members with long names and long character names, to test wrapping in narrow entries. */
export function longNames(): ReviewInput {
  const doc = ballerina();
  const cast = [
    {
      name: 'Maximiliana Alessandra Bartholomew-Oyelaran de la Fuente-Wrześniewska',
      character: 'The Ambassador to the Court of Saint James’s, in the flashbacks',
      photo: PORTRAITS[0],
    },
    {
      name: 'Christopher Montgomery Featherstonehaugh-Vanderbilt III',
      character: 'Choi Pro’s lawyer, who never once raises his voice',
    },
    {
      name: 'Aleksandr Wolfeschlegelsteinhausenbergerdorff',
      character: 'Captain Brandt',
      photo: 'images/missing/long-name.svg',
    },
    {
      name: 'Hwang Bo-Seong-Min Jae-Kyung Namgung-Seonwoo',
      character: 'Min-hee’s older half-brother from her father’s first marriage',
      photo: PORTRAITS[2],
    },
    { name: '남궁선우 황보성민 제갈재경', character: '아버지의 첫 번째 결혼에서 태어난 이복 오빠' },
    { name: 'نور الهدى عبد الرحمن السليمان الخطيب', character: 'The doctor at the private clinic in Gangnam' },
  ].map((member, index) => ({ ...member, order: index + 1 }));
  return withDataImages({ ...doc, id: 'long-names', title: 'Ballerina, with very long names', cast });
}

/** Ballerina with an empty cast list: `<cast-list>` says that no cast is listed. */
export function emptyCast(): ReviewInput {
  return { ...ballerina(), id: 'empty-cast', cast: [] };
}
