import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  API,
  ERROR_API,
  LOADING_API,
  REVIEW_IDS,
  allHandlers,
  errorHandler,
  loadingHandler,
  reviewsHandler,
} from './support/review-api.js';
import {
  forgetContentWarningChoices,
  renderAgeGate,
  renderContentWarning,
  renderWithRenderAgain,
  warningContent,
  type ContentWarningArgs,
} from './support/render.js';

const meta = {
  title: 'Elements/content-warning',
  component: 'content-warning',
  render: renderContentWarning,
  args: {
    topics: 'suicide sexual-violence image-based-abuse',
    'from-review': false,
    mode: 'collapse',
    remember: 'none',
    content: 'plot',
  },
  argTypes: {
    topics: {
      control: 'text',
      description:
        'Space-separated topic ids, e.g. `suicide self-harm`; unknown ids show as words (`ferry-disaster` → “Ferry disaster”).',
    },
    'from-review': { control: 'boolean' },
    src: { control: 'text', description: 'With `from-review`: a static review document, e.g. `data/the-glory.json`.' },
    api: {
      control: 'select',
      options: [API, LOADING_API, ERROR_API],
      description:
        'With `from-review`: base URL of the review API. The stories mock three: working, never answering, failing.',
    },
    review: { control: 'select', options: [...REVIEW_IDS, 'does-not-exist'] },
    // The `note` slot and the `note` attribute share a name, so custom-elements.json's slot row
    // would replace the attribute's: keep the attribute here, and the slot as `noteSlot`.
    note: { control: 'text', table: { category: 'attributes' }, description: 'A note about what the content shows.' },
    noteSlot: {
      name: 'note (slot)',
      control: 'text',
      table: { category: 'slots' },
      description: 'Story only: a paragraph in the `note` slot (used instead of the `note` attribute).',
    },
    mode: { control: 'inline-radio', options: ['collapse', 'blur'] },
    remember: { control: 'inline-radio', options: ['none', 'session', 'always'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    content: {
      control: 'inline-radio',
      options: ['plot', 'fallback', 'poster'],
      table: { category: 'story' },
      description: 'Story only: what the warning wraps.',
    },
  },
  parameters: {
    // Every scenario's handler for the docs page (all stories at once); each story also carries
    // the ones it needs under `story`, as the addon resets handlers per story.
    msw: { handlers: { all: allHandlers } },
  },
} satisfies Meta<ContentWarningArgs>;

export default meta;
type Story = StoryObj<ContentWarningArgs>;

const working = { msw: { handlers: { story: [reviewsHandler] } } };
/** The Ballerina review's own warnings, from the mocked API. */
const ballerinaWarnings: ContentWarningArgs = { topics: '', 'from-review': true, api: API, review: 'ballerina' };

/**
 * `topics="suicide sexual-violence image-based-abuse"` around a paragraph about Ballerina's plot:
 * the paragraph is replaced by the notice until "Show content"; then "Hide again".
 */
export const Collapse: Story = {};

/**
 * `mode="blur"` around the poster (an `<img>` with `width`/`height`): a blurred, inert preview
 * sits behind the notice.
 */
export const Blur: Story = { args: { mode: 'blur', topics: 'violence', content: 'poster' } };

/**
 * The markup the embed builder writes: the content inside a native `<details>`, the only child.
 * Before the script runs (slow, blocked, failed, JavaScript off) the page shows the closed
 * disclosure — see **Before the script** — and the reader can open it. Once the element runs it
 * opens the disclosure, hides its summary and shows its own notice; Show and Hide work as ever.
 */
export const FallbackDisclosure: Story = { args: { content: 'fallback' } };

/**
 * What a reader sees of **Fallback disclosure** when the script never runs: the browser's own
 * closed disclosure, with the summary's words. (The story renders the markup without the element.)
 */
export const BeforeTheScript: Story = { render: () => warningContent.fallback() };

/** `from-review`: Ballerina's five warnings from the review, each with its severity in words and its note. */
export const FromReview: Story = { args: ballerinaWarnings, parameters: working };

/** While the review's warnings load (the API never answers), the content stays hidden behind a generic notice. */
export const FromReviewLoading: Story = {
  args: { ...ballerinaWarnings, api: LOADING_API },
  parameters: { msw: { handlers: { story: [loadingHandler] } } },
};

/**
 * The review could not be loaded (500): the topics are unknown, so the content stays hidden
 * behind the generic notice; the reader can still choose to show it.
 */
export const FromReviewError: Story = {
  args: { ...ballerinaWarnings, api: ERROR_API },
  parameters: { msw: { handlers: { story: [errorHandler] } } },
};

/** `from-review` on Past Lives, which has no warnings: the content shows untouched, with no notice. */
export const NoWarnings: Story = { args: { ...ballerinaWarnings, review: 'past-lives' }, parameters: working };

/** A topic id outside the vocabulary (`ferry-disaster`) shows as words, “Ferry disaster”, beside a known one. */
export const UnknownTopic: Story = { args: { topics: 'violence ferry-disaster' } };

/**
 * `contentWarnings: "not-warned"`: the author chose not to warn (AO3's "Choose Not To Use Archive
 * Warnings"). There is nothing to name, and no promise that nothing is there: the content stays
 * hidden behind a notice that says so.
 */
export const NotWarned: Story = { args: { ...ballerinaWarnings, review: 'not-warned' }, parameters: working };

/**
 * "Warning settings" on the notice opens the reader's own settings in a dialog (no `settings`
 * page given): each topic's choice there — always show, always ask, always hide — holds for every
 * warning on the site, whatever its `remember`.
 */
export const SettingsLink: Story = {
  args: { topics: 'suicide ferry-disaster' },
  beforeEach: () => {
    forgetContentWarningChoices();
    return forgetContentWarningChoices;
  },
};

/** A paragraph in the `note` slot, under the topics (instead of the `note` attribute). */
export const WithNoteSlot: Story = {
  args: {
    noteSlot:
      'The summary below names who dies and how, and describes the blackmail; the review itself does not show any images.',
  },
};

/**
 * `remember="always"`: "Show content" becomes the reader's "always show" for these topics, in the
 * one settings store (`localStorage`, `review-elements:content-warning-settings`) that every
 * warning honours; "Always hide these topics" is kept whatever `remember` says.
 *
 * To see the remembered state: press **Show content**, then **Render again, as on the next
 * page** (below the warning). The new element reads the choice and shows the content at once,
 * saying why, with "Ask me again next time". Likewise **Always hide these topics**, then Render
 * again, shows the notice with "You chose to always hide these topics".
 *
 * The story forgets the choice when it renders and when you leave it, so other stories (and
 * Storybook's own re-renders: a control change, Remount) start from a first visit.
 */
export const Remembered: Story = {
  args: { remember: 'always' },
  render: (args) => renderWithRenderAgain(args),
  beforeEach: () => {
    forgetContentWarningChoices();
    return forgetContentWarningChoices;
  },
};

/**
 * An age gate: the page cancels `content-warning-reveal` (`preventDefault()`) and asks the reader
 * to confirm their age; the confirm button calls `el.reveal()`.
 */
export const AgeGate: Story = { render: (args) => renderAgeGate(args) };

/** `theme="dark"` on the warning, on a dark page; the severe topics' red edge stays visible. */
export const Dark: Story = {
  args: { ...ballerinaWarnings, theme: 'dark' },
  globals: { theme: 'dark' },
  parameters: working,
};

/** Inside `dir="rtl"`: the notice's thick edge and the list bullets move to the right. */
export const RTL: Story = { args: ballerinaWarnings, globals: { direction: 'rtl' }, parameters: working };

export const English: Story = { args: ballerinaWarnings, globals: { locale: 'en' }, parameters: working };

/** The notice, topic names and severities in Simplified Chinese (the review's own notes stay in English). */
export const ChineseSimplified: Story = {
  name: 'Chinese (zh-Hans)',
  args: ballerinaWarnings,
  globals: { locale: 'zh-Hans' },
  parameters: working,
};

/** The notice, topic names and severities in Korean (the review's own notes stay in English). */
export const Korean: Story = {
  name: 'Korean (ko)',
  args: ballerinaWarnings,
  globals: { locale: 'ko' },
  parameters: working,
};

/** In Arabic, right to left (the toolbar's direction follows the locale). */
export const Arabic: Story = {
  name: 'Arabic (ar)',
  args: ballerinaWarnings,
  globals: { locale: 'ar' },
  parameters: working,
};

/** In Japanese. */
export const Japanese: Story = {
  name: 'Japanese (ja)',
  args: ballerinaWarnings,
  globals: { locale: 'ja' },
  parameters: working,
};
