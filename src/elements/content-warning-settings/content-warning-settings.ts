import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { heading } from '../../shared/heading.js';
import { ReviewElement } from '../../shared/review-element.js';
import { LocaleController } from '../../shared/locale-controller.js';
import { enWarning } from '../../shared/i18n/index.js';
import { topicLabel, WARNING_TOPICS } from '../../shared/vocabulary.js';
import {
  onSettingsChange,
  persistent,
  readSettings,
  setSetting,
  type Setting,
} from '../content-warning/choices-store.js';
import { styles } from './content-warning-settings.styles.js';

const SETTINGS: readonly Setting[] = ['show', 'ask', 'hide'];
/**
 * @tag content-warning-settings
 * @summary The reader's own content-warning settings: for each topic, always show, always ask or always hide.
 *
 * Every `<content-warning>` on the site honours these settings, whatever its `remember` mode. Put
 * this element on a settings page (and point warnings at it with their `settings` attribute or
 * `<meta name="content-warning-settings" content="…">`); without such a page, each warning opens
 * it in a dialog. Each topic is a group of three radio buttons named by the topic (arrow keys move
 * within a group, Tab between groups); a change is saved at once and announced.
 *
 * @fires {Event} change - The reader changed a setting (bubbles). Every warning on the page follows by itself.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence that says what the settings do.
 * @csspart topics - The list of topics.
 * @csspart topic - One topic's group (a `fieldset`).
 * @csspart status - "Saved." and storage notices (a live region).
 */
export class ContentWarningSettings extends ReviewElement {
  protected override readonly localize = new LocaleController(this, { warning: enWarning });
  static override styles = [ReviewElement.styles, styles];

  /** Topic ids to list first (the warning that opened the settings); every known topic follows. */
  @property() topics = '';
  /** The heading's level, 1–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private settings: Record<string, Setting> = {};
  @state() private status = '';
  #stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.settings = readSettings();
    this.#stopListening = onSettingsChange(() => {
      this.settings = readSettings();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  /** The topics listed: the given ones, every known one, then any other the reader has a setting for. */
  get topicIds(): string[] {
    const first = this.topics.split(/\s+/).filter(Boolean);
    return [...new Set([...first, ...WARNING_TOPICS, ...Object.keys(this.settings)])];
  }

  /**
   * On click, not change: choosing the checked "Always ask" (the default) again must still be
   * kept, since an explicit "always ask" also overrides this tab's "shown" memory. Arrow keys and
   * Space click a radio too.
   */
  #onChange(topic: string, setting: Setting) {
    setSetting([topic], setting);
    this.settings = readSettings();
    const w = this.localize.t.warning;
    this.status = persistent() ? w.saved : w.notSaved;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render() {
    const { t, locale } = this.localize;
    const w = t.warning;
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, w.settingsTitle, 'title')}
      <p part="intro">${w.settingsIntro}</p>
      <ul part="topics" role="list">
        ${this.topicIds.map((topic, i) => {
          const current = Object.hasOwn(this.settings, topic) ? this.settings[topic] : 'ask';
          return html`<li>
            <fieldset part="topic" data-topic=${topic}>
              <legend><bdi>${topicLabel(w.topics, topic, locale)}</bdi></legend>
              <div class="options">
                ${SETTINGS.map(
                  (setting) =>
                    html`<label
                      ><input
                        type="radio"
                        name=${`topic-${i}`}
                        value=${setting}
                        .checked=${current === setting}
                        @click=${() => this.#onChange(topic, setting)}
                      />${w.choice[setting]}</label
                    >`,
                )}
              </div>
            </fieldset>
          </li>`;
        })}
      </ul>
      <p part="status" role="status">${this.status || nothing}</p>
    </section>`;
  }
}
