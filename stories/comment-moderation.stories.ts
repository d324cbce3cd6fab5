import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import '../src/admin.js';
import { AdminClient } from '../src/admin/admin-client.js';
import { ADMIN_API, adminHandlers, resetAdminApi } from './support/admin-api.js';

interface ModerationArgs {
  status: string;
  lang: string;
  width: string;
}

const client = new AdminClient(ADMIN_API, 'story-admin-token');

const meta = {
  title: 'Owner/comment-moderation',
  component: 'comment-moderation',
  render: (args) => html`<div lang=${args.lang} style=${`inline-size: ${args.width}`}>
    <comment-moderation .client=${client} status=${args.status} @moderation-change=${action('moderation-change')}></comment-moderation>
  </div>`,
  args: { status: 'pending', lang: 'en', width: '100%' },
  argTypes: {
    status: { control: 'select', options: ['pending', 'reported', 'published', 'rejected', 'spam'] },
    lang: { control: 'inline-radio', options: ['en', 'ko', 'zh-Hans'], table: { category: 'story' } },
    width: { control: 'text', table: { category: 'story' } },
  },
  parameters: { msw: { handlers: { story: adminHandlers } } },
  beforeEach: () => resetAdminApi(),
} satisfies Meta<ModerationArgs>;

export default meta;
type Story = StoryObj<ModerationArgs>;

/**
 * Three comments waiting: the reported one first (two reports of spam), each shown as readers see
 * it (markdown, a quote, an inline spoiler). Select some and approve, reject, mark spam, delete or
 * remove for good; ban an email or an address for a chosen time.
 */
export const Waiting: Story = {};

/** Only the reported comments. */
export const Reported: Story = { args: { status: 'reported' } };

/** Nothing in this list. */
export const Empty: Story = { args: { status: 'rejected' } };

/** At 390 px. */
export const Narrow: Story = { args: { width: '390px' } };

/** In Korean. */
export const Korean: Story = { args: { lang: 'ko' } };

/** In Simplified Chinese. */
export const Chinese: Story = { args: { lang: 'zh-Hans' } };
