/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setupWorker } from 'msw/browser';
import { publicManifest } from './manifest.js';
import '../src/index.js';

// custom-elements.json is generated (`npm run analyze`, run by the storybook scripts) and
// git-ignored; a glob rather than an import keeps `tsc` and Storybook working on a fresh clone.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicManifest(manifest));
else console.warn('custom-elements.json is missing: run `npm run analyze` for the docs tables.');

/**
 * MSW, started once per preview. The worker is served at the root (main.ts `staticDirs`) and
 * registered by a relative URL, so a Storybook deployed under a sub-path still finds it. Only
 * requests to the stories' API (`story-api/…`, the real routes over an in-memory store) are answered; anything else
 * (the preview's own modules, /data files, images) goes to the network without a warning.
 */
async function startWorker() {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.includes('/story-api/')) print.warning();
    },
  });
  return worker;
}

type Theme = 'light' | 'dark' | 'system';

/** Locales written right to left: "Follow the locale" sets `dir="rtl"` for them. */
const RTL_LOCALES = new Set(['ar']);

const PAGE: Record<Theme, Record<string, string>> = {
  light: { '--review-color-scheme': 'light', 'color-scheme': 'light', background: '#ffffff', color: '#1f1c24' },
  dark: { '--review-color-scheme': 'dark', 'color-scheme': 'dark', background: '#121016', color: '#ece8f1' },
  // No pin: the elements follow the OS / browser `prefers-color-scheme`.
  system: {
    'color-scheme': 'light dark',
    background: 'light-dark(#ffffff, #121016)',
    color: 'light-dark(#1f1c24, #ece8f1)',
  },
};

/**
 * Applies the toolbar's theme, locale and direction. The elements read the nearest `lang` and
 * `dir`, and inherit `--review-color-scheme`, so one wrapper drives every element in the story.
 * In story view the page behind it takes the same background; on docs pages only the wrapper does.
 */
const withReviewGlobals: Decorator = (story, context) => {
  const theme = (context.globals.theme ?? 'light') as Theme;
  const locale = String(context.globals.locale ?? 'en');
  const direction = String(context.globals.direction ?? 'auto');
  const dir = direction === 'auto' ? (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr') : direction;
  const page = PAGE[theme] ?? PAGE.light;
  const docs = context.viewMode === 'docs';
  // The preview iframe is reused between stories and docs: set or clear the page colours each time.
  document.documentElement.style.colorScheme = docs ? '' : page['color-scheme'];
  document.body.style.background = docs ? '' : page.background;
  document.body.style.color = docs ? '' : page.color;
  return html`<div
    class="story-root"
    data-theme=${theme}
    lang=${locale}
    dir=${dir}
    style=${styleMap({
      ...page,
      // A typical blog's text font: the elements inherit the page's font unless --review-font is set.
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      display: 'block',
      padding: docs ? '1rem' : '0',
      'border-radius': docs ? '0.5rem' : '0',
    })}
  >
    ${story()}
  </div>`;
};

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * custom-elements.json gives types as TypeScript text (`'full' | 'compact'`, `number`); Storybook
 * maps args from the URL and checks controls by `type.name`, and drops args of a type it does
 * not know. So: string-literal unions become enums (with their options), the rest the plain type.
 */
function argType(text: unknown): { type?: { name: string; value?: string[] }; options?: string[] } {
  if (typeof text !== 'string') return {};
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  const literals = parts.map((p) => /^'([^']*)'$|^"([^"]*)"$/.exec(p)).map((m) => (m ? (m[1] ?? m[2]) : undefined));
  if (parts.length && literals.every((l) => l !== undefined)) {
    const value = literals as string[];
    return { type: { name: 'enum', value }, options: value };
  }
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0])) return { type: { name: parts[0] } };
  return {};
}

/**
 * Controls for what custom-elements.json describes: stories set attributes, so a property that
 * mirrors an attribute (`headingLevel` ↔ `heading-level`) and read-only properties (`data`) are
 * listed without a control; CSS custom properties get a text control (stories apply them as
 * inline styles); parts and events get none. A story's own argTypes always win.
 */
const manifestControls: ArgTypesEnhancer = ({ argTypes }) => {
  const attributeFields = new Set(
    Object.values(argTypes)
      .filter((a) => a?.table?.category === 'attributes')
      .map((a) => camel(String(a.name))),
  );
  return Object.fromEntries(
    Object.entries(argTypes).map(([key, original]) => {
      if (!original) return [key, original];
      const category = original.table?.category;
      let next = { ...original };
      if (category === 'attributes' || category === 'properties') {
        const inferred = argType(original.table?.type?.summary);
        if (inferred.type) next = { ...next, type: inferred.type as typeof next.type };
        if (inferred.options && !next.options) next.options = inferred.options;
      }
      if (category === 'css custom properties') next = { ...next, type: { name: 'string' } };
      if (next.control === undefined) {
        if (category === 'properties' && (attributeFields.has(key) || key === 'data')) next.control = false;
        else if (category === 'css custom properties') next.control = { type: 'text' };
        else if (category === 'css shadow parts' || category === 'events') next.control = false;
      }
      return [key, next];
    }),
  ) as typeof argTypes;
};

const preview: Preview = {
  // Every element gets a generated docs page, built from custom-elements.json.
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
  loaders: [mswLoader(startWorker)],
  decorators: [withReviewGlobals],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the elements and the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'Follow the OS', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The `lang` the elements inherit',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'zh-Hans', title: '简体中文', right: 'zh-Hans' },
          { value: 'ko', title: '한국어', right: 'ko' },
          { value: 'zh-Hant', title: '繁體中文', right: 'zh-Hant' },
          { value: 'ja', title: '日本語', right: 'ja' },
          { value: 'es', title: 'Español', right: 'es' },
          { value: 'fr', title: 'Français', right: 'fr' },
          { value: 'de', title: 'Deutsch', right: 'de' },
          { value: 'pt-BR', title: 'Português (Brasil)', right: 'pt-BR' },
          { value: 'ar', title: 'العربية', right: 'ar' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction (`dir`) around the elements',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Follow the locale', right: 'auto' },
          { value: 'ltr', title: 'Left to right', right: 'ltr' },
          { value: 'rtl', title: 'Right to left', right: 'rtl' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', direction: 'auto' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Accessibility checks run on every story; violations fail a story under the test runner.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
