import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { forgetContentWarningChoices } from './support/render.js';

interface SettingsArgs {
  topics: string;
  'heading-level': number;
  theme?: 'light' | 'dark';
}

const meta = {
  title: 'Elements/content-warning-settings',
  component: 'content-warning-settings',
  render: (args) =>
    html`<content-warning-settings topics=${args.topics} heading-level=${args['heading-level']} theme=${args.theme ?? ''}></content-warning-settings>
      <content-warning remember="session" topics="violence ferry-disaster" style="display: block; margin-block-start: 1.5rem">
        <p>A paragraph about the film's fight scenes. Change "Violence" above and this warning follows at once.</p>
      </content-warning>`,
  args: { topics: '', 'heading-level': 2 },
  argTypes: {
    topics: { control: 'text', description: 'Topic ids to list first; every known topic follows.' },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  // Each story starts from a first visit, and leaves nothing behind for the others.
  beforeEach: () => {
    forgetContentWarningChoices();
    return forgetContentWarningChoices;
  },
} satisfies Meta<SettingsArgs>;

export default meta;
type Story = StoryObj<SettingsArgs>;

/**
 * Every known topic as a radio group — always show, always ask, always hide — saved at once in
 * this browser and announced ("Saved."). Beside it, a warning with `remember="session"` that
 * honours the settings all the same.
 */
export const Default: Story = {};

/** A warning's own topics first (what its dialog shows), an unknown id as words. */
export const TopicsFirst: Story = { args: { topics: 'ferry-disaster suicide' } };

export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };

/** In Arabic, right to left. */
export const Arabic: Story = { name: 'Arabic (ar)', globals: { locale: 'ar' } };

/** In German (long words). */
export const German: Story = { name: 'German (de)', globals: { locale: 'de' } };
