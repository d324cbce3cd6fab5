import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderRating, type ReviewRatingArgs } from './support/render.js';

const meta = {
  title: 'Elements/review-rating',
  component: 'review-rating',
  render: renderRating,
  args: { value: 3.5, best: 5, display: 'stars' },
  argTypes: {
    value: { control: { type: 'number', step: 0.5 } },
    best: { control: { type: 'number', min: 1, step: 1 } },
    display: { control: 'inline-radio', options: ['stars', 'number'] },
    label: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
} satisfies Meta<ReviewRatingArgs>;

export default meta;
type Story = StoryObj<ReviewRatingArgs>;

/** 3.5 out of 5: three full stars, a half star and an empty one. */
export const Default: Story = {};

export const Whole: Story = { args: { value: 4 } };

/** 2.5: two full stars and a half star. (Other values round to the nearest half star.) */
export const Half: Story = { args: { value: 2.5 } };

export const Zero: Story = { args: { value: 0 } };

export const Full: Story = { args: { value: 5 } };

/** Scales up to ten still show stars. */
export const OutOf10: Story = { name: 'Out of 10', args: { value: 6.6, best: 10 } };

/** Scales above ten (here a percentage) always show as a number. */
export const OutOf100: Story = { name: 'Out of 100', args: { value: 91, best: 100 } };

export const NumberDisplay: Story = { args: { value: 4.5, display: 'number' } };

/** `label` replaces the spoken name, e.g. to say whose score it is. */
export const CustomLabel: Story = { args: { value: 4, label: "The reviewer's score: 4 out of 5" } };

/** Inside `dir="rtl"`: the stars fill from the right. */
export const RTL: Story = { globals: { direction: 'rtl' } };

export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };

export const English: Story = { globals: { locale: 'en' } };

/** The accessible name in Simplified Chinese. */
export const ChineseSimplified: Story = { name: 'Chinese (zh-Hans)', globals: { locale: 'zh-Hans' } };

/** The accessible name in Korean. */
export const Korean: Story = { name: 'Korean (ko)', globals: { locale: 'ko' } };
