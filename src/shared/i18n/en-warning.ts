/**
 * English strings of <content-warning> and its settings, in a module of their own so that a page without that element
 * does not load them (modules, not exports, are what the CDN build splits into chunks).
 */
import type { WarningTopic } from '../vocabulary.js';

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
