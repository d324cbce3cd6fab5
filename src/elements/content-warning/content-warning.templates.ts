import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Review, Severity } from '../../api/index.js';
import type { enWarning } from '../../shared/i18n/index.js';
import { formatList } from '../../shared/format.js';
import { topicLabel } from '../../shared/vocabulary.js';

export interface Topic {
  id: string;
  severity?: Severity;
  note?: string;
}

/** Topics from the attribute, then the review's (with severity and notes), without duplicates. */
export function mergeTopics(attribute: string, warnings: Review['contentWarnings'] | undefined): Topic[] {
  const fromAttribute = attribute
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => ({ id }));
  const fromReview = Array.isArray(warnings)
    ? warnings.map((w) => ({ id: w.topic, severity: w.severity, note: w.note }))
    : [];
  const merged = new Map<string, Topic>();
  for (const topic of [...fromAttribute, ...fromReview]) merged.set(topic.id, { ...merged.get(topic.id), ...topic });
  return [...merged.values()];
}

const WARNING_ICON = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z"/></svg>`;
const SEVERITY_ORDER: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** What the notice shows, decided by the element. */
export interface NoticeView {
  topics: Topic[];
  locale: string;
  w: typeof enWarning;
  /** The review's author chose not to warn. */
  notWarned: boolean;
  /** The language of the review the topic notes come from. */
  noteLang: string | undefined;
  note: string | undefined;
  /** The reader's settings keep these topics hidden. */
  kept: boolean;
  /** Offer "Always hide these topics". */
  rememberable: boolean;
  onReveal: () => void;
  onAlwaysHide: () => void;
  settingsLink: TemplateResult;
}

/** The notice shown in place of concealed content: the topics in words, and the reader's choices. */
export function noticeTemplate(v: NoticeView): TemplateResult {
  const { w, locale, topics } = v;
  const topicName = (id: string) => topicLabel(w.topics, id, locale);
  // The topic is isolated in a <bdi>: a bidi control in it (U+202E) cannot reorder the words the
  // translation puts around it ("(moderate)"). The translation still decides where it goes.
  const label = (topic: Topic) => {
    const name = html`<bdi>${topicName(topic.id)}</bdi>`;
    if (!topic.severity) return name;
    const [before, after = ''] = w.topicWithSeverity('\u0000', w.severity[topic.severity]).split('\u0000');
    return html`${before}${name}${after}`;
  };
  const worst = topics.reduce((max, topic) => Math.max(max, topic.severity ? SEVERITY_ORDER[topic.severity] : 1), 0);
  return html`<section part="notice" class=${worst === 2 ? 'high' : ''} aria-labelledby="title">
      <p part="title" id="title">${WARNING_ICON}<span>${w.title}</span></p>
      ${
        topics.length
          ? html`<p>${w.intro}</p>
            <ul part="topics" aria-label=${formatList(
              locale,
              topics.map((topic) => topicName(topic.id)),
            )}>
              ${topics.map(
                (topic) =>
                  html`<li class=${topic.severity ? `severity-${topic.severity}` : ''}>
                    ${label(topic)}${
                      topic.note
                        ? html`<span class="topic-note" lang=${ifDefined(v.noteLang)} dir="auto">${topic.note}</span>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : html`<p>${v.notWarned ? w.notWarned : w.unknown}</p>`
      }
      <slot name="note">${v.note ? html`<p part="note">${v.note}</p>` : nothing}</slot>
      ${v.kept ? html`<p>${w.keptHidden}</p>` : nothing}
      <div part="actions">
        <button part="reveal-button" class="button primary" type="button" aria-expanded="false" aria-controls="content" @click=${v.onReveal}>
          ${w.show}
        </button>
        ${
          v.rememberable
            ? html`<button part="always-hide-button" class="button" type="button" @click=${v.onAlwaysHide}>${w.alwaysHide}</button>`
            : nothing
        }
        ${v.settingsLink}
      </div>
    </section>`;
}

/** "Hide again" and the remembered choice, under revealed content. */
export function controlsTemplate(
  w: typeof enWarning,
  v: { remembered: boolean; acted: boolean; onHide: () => void; onForget: () => void; settingsLink: TemplateResult },
): TemplateResult {
  return html`<div part="controls">
      <button part="hide-button" class="button" type="button" aria-expanded="true" aria-controls="content" @click=${v.onHide}>${w.hide}</button>
      ${v.remembered && !v.acted ? html`<span>${w.rememberedShow}</span>` : nothing}
      ${v.remembered ? html`<button part="forget-button" class="button" type="button" @click=${v.onForget}>${w.forget}</button>` : nothing}
      ${v.settingsLink}
    </div>`;
}
