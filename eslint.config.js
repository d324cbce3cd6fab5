// ESLint for the library, its tests, stories, demo and server. Formatting is Prettier's (see
// .prettierrc.json), so nothing here is about layout. `npm run lint` runs both and lit-analyzer.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'custom-elements.json',
      'types/*.d.ts',
      'demo/hosts/*/dist/',
      'bench/results*',
      '**/*.svelte',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_token` and friends: fields taken out of an object on purpose (`{ editToken: _token, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // The elements: lit's and custom elements' rules.
  { files: ['src/**/*.ts', 'stories/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/**/*.ts'], ...wc.configs['flat/recommended'] },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Registration is `defineElement()` in each folder's index.ts (never `@customElement`), and
      // a class's constructor only sets fields: the rules that assume otherwise are off.
      'wc/guard-super-call': 'off',
      // Untrusted text only through bindings (DESIGN.md): never innerHTML, never unsafeHTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Render through lit bindings, never innerHTML.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Untrusted text goes through bindings only.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // Chai's `expect(x).to.exist` is an expression statement.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
