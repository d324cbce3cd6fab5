/**
 * The way from every warning to the reader's settings. Where the settings live is said by the
 * warning's `settings` attribute or, for a whole site, `<meta name="content-warning-settings"
 * content="/settings#warnings">`; without either, the settings open in a dialog in place, and
 * their code is loaded only then.
 */
import { html } from 'lit';
import { loadSettingsElement } from './settings-loader.js';

/** The settings page's URL (http(s) only), or undefined for the in-place dialog. */
export function settingsHref(host: Element, attribute: string | undefined): string | undefined {
  // No document in a server render (@lit-labs/ssr): only an absolute `settings` attribute counts.
  const doc = host.ownerDocument as Document | null;
  const href = attribute ?? doc?.querySelector<HTMLMetaElement>('meta[name="content-warning-settings"]')?.content;
  if (!href) return undefined;
  try {
    const url = new URL(href, doc?.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Labels {
  settings: string;
  settingsTitle: string;
  close: string;
}

/**
 * Opens `<content-warning-settings>` in a modal dialog in the warning's shadow root, this warning's
 * topics first. Built with DOM calls, not a template: it lives outside the warning's render and is
 * removed when closed (the browser returns focus to the button that opened it).
 */
export async function openSettingsDialog(root: ShadowRoot, labels: Labels, topics: readonly string[]): Promise<void> {
  await loadSettingsElement();
  root.querySelector('dialog[part~="settings-dialog"]')?.remove();
  const dialog = document.createElement('dialog');
  dialog.setAttribute('part', 'settings-dialog');
  dialog.setAttribute('aria-label', labels.settingsTitle);
  const settings = document.createElement('content-warning-settings');
  settings.setAttribute('topics', topics.join(' '));
  const form = document.createElement('form');
  form.method = 'dialog';
  const close = document.createElement('button');
  close.className = 'button';
  close.setAttribute('part', 'settings-close-button');
  close.textContent = labels.close;
  form.append(close);
  dialog.append(settings, form);
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  dialog.showModal();
}

/** The link (or, without a settings page, the button) shown on every warning. */
export function settingsLinkTemplate(href: string | undefined, labels: Labels, open: () => void) {
  return href
    ? html`<a part="settings-link" class="settings-link" href=${href}>${labels.settings}</a>`
    : html`<button part="settings-link" class="button settings-link" type="button" aria-haspopup="dialog" @click=${open}>${labels.settings}</button>`;
}
