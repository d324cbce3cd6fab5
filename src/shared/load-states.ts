import { css, html, svg } from 'lit';
import { buttonStyles } from './button.styles.js';
import type { Translation } from './i18n/index.js';
import { own } from './own.js';

const ERROR_ICON = svg`<svg class="error-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z"/></svg>`;

/** What went wrong, in the reader's words: by the error's stable `code`, never its message. */
export function errorMessage(error: Error | undefined, t: Pick<Translation, 'errors' | 'retry' | 'retrying'>): string {
  const code = (error as { code?: string } | undefined)?.code ?? 'generic';
  return own(t.errors, code) || t.errors.generic;
}

/**
 * The error state every data element shows: a title, what went wrong and a Retry that stays
 * focusable while it works (`aria-disabled`, not `disabled`, so focus is not lost).
 */
export function errorTemplate(
  title: string,
  error: Error | undefined,
  retrying: boolean,
  onRetry: () => void,
  t: Pick<Translation, 'errors' | 'retry' | 'retrying'>,
) {
  return html`<div class="error" part="error">
    ${ERROR_ICON}
    <p part="error-title"><strong>${title}</strong></p>
    <p part="error-message">${errorMessage(error, t)}</p>
    <button part="retry-button" class="button primary" type="button" aria-disabled=${retrying ? 'true' : 'false'} @click=${() => !retrying && onRetry()}>
      ${retrying ? t.retrying : t.retry}
    </button>
  </div>`;
}

export const loadStateStyles = [
  buttonStyles,
  css`
  .error {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .error p {
    margin: 0;
  }
  .error [part~='error-title'] {
    font-size: 1em;
  }
  .error-icon {
    inline-size: 1.5em;
    block-size: 1.5em;
    fill: var(--_danger);
  }
  .bone {
    display: inline-block;
    max-inline-size: 100%;
    border-radius: 0.25em;
    background: var(--_skeleton);
    color: transparent;
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`,
];
