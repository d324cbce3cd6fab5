/**
 * The comment threads the stories seed into their API (stories/support/comments-api.ts): story
 * content, written for these stories; the readers, their names and what they say are invented.
 */
import type { ReviewInput } from '../../src/index.js';
import * as docs from './review-documents.js';

/** A comment as a story seeds it; times are minutes before the story opened. */
export interface SeedComment {
  name: string;
  body: string;
  /** Minutes before the story opened that it was posted. */
  ago: number;
  spoiler?: boolean;
  /** Minutes after posting that it was edited. */
  editedAfter?: number;
  status?: 'published' | 'deleted';
  replies?: SeedComment[];
}

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * A conversation under the Ballerina review: 12 published comments (so `<comment-count>` says
 * "12 comments"), with replies two deep, a spoiler comment, an inline `||spoiler||`, a comment in
 * Korean, and the markdown subset (bold, italic, code, a quote, a bare link and a labelled one).
 */
export function ballerinaConversation(): SeedComment[] {
  return [
    {
      name: 'Hana Kim',
      ago: 3 * DAY,
      body: 'Watched it last night, and the hallway fight alone is worth the 93 minutes. What stayed with me is that the film never makes Ok-ju *earn* her anger. It just lets her have it.',
      replies: [
        {
          name: 'Marcus Webb',
          ago: 3 * DAY - 40,
          body: '> It just lets her have it.\n\nExactly this. Most revenge films spend an hour on the set-up; this one gets it done in ten minutes and then **goes**.',
          replies: [
            {
              name: 'Hana Kim',
              ago: 3 * DAY - 95,
              body: "Ha, yes. I'd still have taken one more scene of her and Min-hee before it all happens, though. Their friendship is the whole engine of the film.",
            },
          ],
        },
      ],
    },
    {
      name: 'Priya Natarajan',
      ago: 2 * DAY,
      spoiler: true,
      body: 'About the ending: there is no big speech and no last-minute explanation. The film trusts the image and lets it be enough. I loved that more than any of the fights.',
      replies: [
        {
          name: "Tom O'Brien",
          ago: 2 * DAY - 3 * HOUR,
          body: "Agreed about the ending, but I wanted ten more minutes with the villain. He's menacing, and yet we learn almost nothing about who he is.",
        },
      ],
    },
    {
      name: 'Sofía Ramírez',
      ago: DAY,
      editedAfter: 12,
      body: 'If this one worked for you, the site keeps a list of Korean revenge films: https://dramas.example/lists/korean-revenge-films.\n\nOne tip: watch it with the **original Korean audio** and subtitles. The dub flattens every quiet scene, and the film has more of them than the trailer suggests. See also [the review’s section on the action](https://dramas.example/reviews/ballerina#action).',
    },
    {
      name: '박민서',
      ago: 10 * HOUR,
      body: '자막 없이 봐도 액션은 다 따라갈 수 있어요. 그래도 *원어*로 보는 걸 추천합니다. 배우들 목소리 연기가 정말 좋아요.',
      replies: [
        {
          name: 'Devika S.',
          ago: 9 * HOUR,
          body: 'A small note for subtitle nerds: the Korean title, `발레리나`, is simply the loanword for *ballerina*, so the English title loses nothing in translation.',
        },
      ],
    },
    {
      name: 'Alex Morgan',
      ago: 3 * HOUR,
      body: "I went in expecting *John Wick* with a new coat of paint. It's smaller and angrier than that, and ||watching Ok-ju finally corner Choi Pro|| was the most satisfying ten minutes I've had in a cinema seat all year. Well, on a sofa.",
      replies: [
        {
          name: 'Marcus Webb',
          ago: 2 * HOUR + 30,
          body: 'The *John Wick* comparison works for the marketing, less for the film. Wick is about a whole world with rules; this is about one friendship and one debt.',
        },
      ],
    },
    {
      name: 'Lena Fischer',
      ago: 45,
      body: "A question for the reviewer: is the 18 rating mostly for the violence, or for what happens to Min-hee? I'd like to know before I watch it with my sister.",
      replies: [
        {
          name: 'Joey',
          ago: 20,
          body: 'Both, I’m afraid. The violence is frequent and bloody, and what happened to Min-hee drives the whole story even when it is not on screen. The content warnings at the top of the review list everything, with notes.',
        },
      ],
    },
  ];
}

/** One comment, for "1 comment". */
export const oneComment = (): SeedComment[] => [
  {
    name: 'Yoon Ji-ae',
    ago: 5 * HOUR,
    body: 'Finally a revenge drama where the plan is as satisfying as the payoff. The review is spot on about the pacing of the second half.',
  },
];

/** Whole-comment spoilers, inline spoilers (with markup inside), a spoiler reply, and `||` left open. */
export function spoilerThread(): SeedComment[] {
  return [
    {
      name: 'Chris Park',
      ago: 2 * DAY,
      spoiler: true,
      body: 'The friendship flashbacks hit much harder on a second watch, once you know how little time the two of them have left together.',
    },
    {
      name: 'Yuna Choi',
      ago: DAY,
      body: "Two moments I keep thinking about: ||the farewell note|| and ||the final confrontation||. Don't press those if you haven't seen it!",
    },
    {
      name: 'Ivan Petrov',
      ago: 20 * HOUR,
      body: 'Is the ending as bleak as the beginning? I need to know what kind of evening I am signing up for.',
      replies: [
        {
          name: 'Oksana Bondar',
          ago: 19 * HOUR,
          spoiler: true,
          body: 'No: it is cathartic rather than bleak. She gets what she came for, and the film does not punish her for it.',
        },
      ],
    },
    {
      name: 'Mina Seo',
      ago: 6 * HOUR,
      spoiler: true,
      body: 'A spoiler comment with a spoiler inside it: even after you open this one, ||**Choi Pro** never sees it coming, see [the review](https://dramas.example/reviews/ballerina)|| stays hidden until you press it.',
    },
    {
      name: 'Sam Lee',
      ago: 2 * HOUR,
      body: 'Markers that are never closed stay as typed: ||this is not a spoiler, just two pipes.',
    },
  ];
}

/** A reply chain seven deep (each answering the one before), and one comment beside it. */
export function deepChain(): SeedComment[] {
  const chain: [string, string][] = [
    ['Hana Kim', 'Hot take: the film is twenty minutes too short, not too long.'],
    [
      'Marcus Webb',
      'Disagree. The lean runtime is the point; any longer and the revenge would start to feel like a chore.',
    ],
    ['Hana Kim', 'But the villain needs more room. Right now he is a silhouette with a phone.'],
    [
      'Priya Natarajan',
      'Isn’t that deliberate? Men like him are interchangeable, and the film refuses to make him interesting.',
    ],
    ['Marcus Webb', 'That is a generous reading, but I think it is the right one.'],
    ["Tom O'Brien", 'Coming back to this a week later: I watched it again, and Priya’s reading holds up.'],
    ['Hana Kim', 'Fine, fine. I’ll watch it again too. “Twenty minutes too short” is now ten.'],
  ];
  let reply: SeedComment | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const [name, body] = chain[i];
    reply = { name, body, ago: 7 * DAY - i * 9 * HOUR, ...(reply ? { replies: [reply] } : {}) };
  }
  return [
    reply!,
    { name: 'Lena Fischer', ago: HOUR, body: 'Reading this thread is more fun than most film criticism.' },
  ];
}

/** A 10 000-character word (the longest body the API accepts), long paragraphs, a long URL, long CJK text. */
export function longTextThread(): SeedComment[] {
  const word = `A${'a'.repeat(9991)}rgh!!!!!`;
  const paragraphs = [
    'I want to write down properly why this film worked for me when so many revenge thrillers leave me cold, because I think the review gets close to it without quite saying it. Most films in this genre treat the wronged woman as a pretext: something terrible happens to her in the first act, and from then on the film is really about the avenger’s competence, the gadgets, the set pieces, the body count. Ballerina is built the other way round. Every fight is staged as an argument with the memory of Min-hee, and the film keeps cutting back to small, unremarkable moments between the two friends, so that the violence never quite becomes the point.',
    'The second thing is the colour. The review mentions the pink and red palette, and on a second watch I noticed how carefully it is rationed: the warm colours belong to the friendship, and the cold blues and greens to everything Choi Pro touches. When Ok-ju walks into his world, the frame drains; when she remembers Min-hee, it fills again. It is not subtle, but it does not need to be. It turns a very simple plot into something that feels like a piece of choreography, which is fitting for a film with this title.',
    'Third, and this is where I part ways with some of the other comments: I do not think the villain is underwritten. He is written exactly as much as he deserves. The film is not interested in his childhood or his reasons, and neither am I. What it is interested in is the system around him, the customers, the app, the people who look away, and the film is angriest about them. That anger is the reason the final act lands. By the time it arrives, it is not about one man any more; it is about taking up space that was never offered.',
    'Finally, a word for the sound design, which nobody seems to talk about. The quiet scenes are genuinely quiet. There is a stretch in the middle where the only sounds are footsteps and a fridge humming, and it is more tense than any of the shoot-outs. If you can, watch it with good headphones.',
  ];
  return [
    { name: 'Aleksandr Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh de la Fuente', ago: 2 * DAY, body: word },
    { name: 'Mariam Haddad', ago: DAY, body: paragraphs.join('\n\n') },
    {
      name: 'Link Collector',
      ago: 5 * HOUR,
      body: 'The full interview is here: https://dramas.example/interviews/2023/ballerina/the-stunt-team-on-the-hallway-fight-and-how-they-rehearsed-it-for-six-weeks?utm_source=newsletter&utm_medium=email&utm_campaign=korean-cinema-weekly-edition-forty-two',
    },
    {
      name: '林美玲',
      ago: 2 * HOUR,
      body: '这部电影的动作场面非常出色，每一场打斗都像是在跳舞，而不是单纯的暴力展示。'.repeat(8),
    },
  ];
}

/**
 * Text that would be dangerous if it were ever treated as HTML or as a link: every comment must
 * show exactly these characters, run nothing, load nothing and keep the layout.
 */
export function hostileThread(): SeedComment[] {
  return [
    {
      name: '<script>alert("name")</script>',
      ago: 3 * HOUR,
      body: '<script>alert("xss")</script>\n<img src=x onerror="alert(\'img\')">\n<svg onload=alert(1)></svg>',
    },
    {
      name: 'Mallory',
      ago: 2 * HOUR,
      body: '[a harmless link](javascript:alert(\'link\'))\n\njavascript:alert(document.cookie)\n\n<a href="javascript:alert(1)">click me</a>\n\n[data link](data:text/html,<script>alert(1)</script>)',
    },
    {
      name: 'Eve\u202E',
      ago: HOUR,
      body: 'An override character in the text: invoice\u202Efdp.exe, and in the name of this author.',
    },
    {
      name: 'Trudy',
      ago: 30,
      body: '<style>* { display: none !important }</style>\n<iframe src="https://example.com"></iframe>\n</textarea><b>not bold</b> &lt;b&gt;entities&lt;/b&gt; {{constructor.constructor("alert(1)")()}} ${alert(1)}',
    },
    {
      name: 'Z̴̢̛a̶͎͝l̷̙̈g̸̱̓o̵̰͌',
      ago: 10,
      body: 'T̶̡̛h̷̙͝ḯ̵͜s̴̱̈ ̷̢̛c̶͎͝ö̷̙m̸̱̓m̵̰͌e̴̢̛n̶͎͝ẗ̷̙ stacks combining marks above and below the line.',
    },
  ];
}

const VIEWERS = [
  'Hana Kim',
  'Marcus Webb',
  'Priya Natarajan',
  "Tom O'Brien",
  'Sofía Ramírez',
  '박민서',
  'Devika S.',
  'Alex Morgan',
  'Lena Fischer',
  '林美玲',
  'Yuna Choi',
  'Ivan Petrov',
  'ليلى حداد',
  'Greta Lindqvist',
  'Amara Okafor',
  '王思远',
  'Chris Park',
  'Nikolai Petrov',
  '이지안',
  'Pierre-Étienne Beaumont',
];
const OPENERS = [
  'Just finished it.',
  'Second watch tonight.',
  'Finally got round to this one.',
  'Saw it at a festival screening.',
  'Watched it with my book club.',
  'Late to this, but:',
  'Put it on expecting background noise.',
  'Third time now.',
];
const TAKES = [
  'The hallway fight is the best choreography I have seen this year.',
  'The pink and red palette is doing a lot of the storytelling.',
  'Jeon Jong-seo carries every scene without raising her voice.',
  'The villain is meant to be forgettable, and that is the point.',
  'It is shorter than it looks, and it never drags.',
  'The friendship flashbacks are what make the fights matter.',
  'The score is sparse and all the better for it.',
  'I wish the middle act had one more quiet scene.',
  'The review is right about the catharsis.',
  'It is a simple story told with real conviction.',
];
const CLOSERS = [
  '',
  ' Great review, by the way.',
  ' Curious what others think.',
  ' **Recommended.**',
  ' *Not for everyone*, though.',
  ' Five stars from me.',
];

/** A small deterministic random sequence, so the generated thread (and its screenshots) never change. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 200 generated comments: 160 top-level (eight pages of 20) and 40 replies. The third comment has
 * eight replies ("Show 3 more replies"); every fifth has one.
 */
export function twoHundredComments(): SeedComment[] {
  const next = random(2023);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const say = () => `${pick(OPENERS)} ${pick(TAKES)}${pick(CLOSERS)}`;
  const top: SeedComment[] = [];
  for (let i = 0; i < 160; i++) {
    const ago = (160 - i) * 4 * HOUR;
    const replyCount = i === 2 ? 8 : (i + 1) % 5 === 0 ? 1 : 0;
    const replies = Array.from({ length: replyCount }, (_, k) => ({
      name: pick(VIEWERS),
      ago: ago - (k + 1) * 17,
      body: say(),
    }));
    top.push({ name: pick(VIEWERS), ago, body: say(), replies });
  }
  return top;
}

// ---------------------------------------------------------------------------------------------
// The reviews the stories' comments API knows.
// ---------------------------------------------------------------------------------------------

const variant =
  (id: string, title: string, open = true) =>
  (): ReviewInput => ({
    ...docs.ballerina(),
    id,
    title,
    comments: { open },
  });

export interface KnownReview {
  document: () => ReviewInput;
  seed: () => SeedComment[];
}

/** Review ids the comments API knows, each with its document and its first comments. */
export const REVIEWS: Record<string, KnownReview> = {
  ballerina: { document: docs.ballerina, seed: ballerinaConversation },
  'past-lives': { document: docs.pastLives, seed: () => [] },
  'the-glory': { document: docs.theGlory, seed: oneComment },
  closed: {
    document: variant('closed', 'Ballerina (comments closed)', false),
    seed: () => ballerinaConversation().slice(0, 2),
  },
  spoilers: { document: variant('spoilers', 'Ballerina: the spoiler thread'), seed: spoilerThread },
  'deep-nesting': { document: variant('deep-nesting', 'Ballerina: a long argument'), seed: deepChain },
  'long-text': { document: variant('long-text', 'Ballerina: long comments'), seed: longTextThread },
  hostile: { document: variant('hostile', 'Ballerina: hostile comments'), seed: hostileThread },
  'two-hundred': { document: variant('two-hundred', 'Ballerina: 200 comments'), seed: twoHundredComments },
};
