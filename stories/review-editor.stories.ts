import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import '../src/admin.js';
import { AdminClient } from '../src/admin/admin-client.js';
import { ADMIN_API, adminHandlers, resetAdminApi } from './support/admin-api.js';

interface EditorArgs {
  'review-id': string;
  lang: string;
  width: string;
}

// The stories' fake API takes any token; a page of the reference server uses its session instead.
const client = new AdminClient(ADMIN_API, 'story-admin-token');

const meta = {
  title: 'Owner/review-editor',
  component: 'review-editor',
  render: (args) => html`<div lang=${args.lang} style=${`inline-size: ${args.width}`}>
    <review-editor .client=${client} review-id=${args['review-id']} @review-editor-save=${action('review-editor-save')} @review-editor-delete=${action('review-editor-delete')}></review-editor>
  </div>`,
  args: { 'review-id': 'ballerina', lang: 'en', width: '100%' },
  argTypes: {
    'review-id': { control: 'text', description: 'The review to edit; empty for a new one.' },
    lang: { control: 'inline-radio', options: ['en', 'ko', 'zh-Hans'], table: { category: 'story' } },
    width: { control: 'text', table: { category: 'story' } },
  },
  parameters: { msw: { handlers: { story: adminHandlers } } },
  beforeEach: () => resetAdminApi(),
} satisfies Meta<EditorArgs>;

export default meta;
type Story = StoryObj<EditorArgs>;

/** Ballerina, published: every field filled, the live preview beside the form (stacked under 60rem). */
export const EditPublished: Story = {};

/** A new review: empty but for the defaults; Publish names each field that needs attention. */
export const NewReview: Story = { args: { 'review-id': '' } };

/** At 390 px: the preview goes below the form, every control keeps its label. */
export const Narrow: Story = { args: { width: '390px' } };

/** In Korean: every label, button and message from the admin catalogue. */
export const Korean: Story = { args: { lang: 'ko' } };

/** In Simplified Chinese. */
export const Chinese: Story = { args: { lang: 'zh-Hans', 'review-id': '' } };
