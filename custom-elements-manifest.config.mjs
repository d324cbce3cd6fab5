/**
 * custom-elements.json for editors, Storybook and framework type generators. `--litelement` reads
 * lit's decorators; the plugin below fills `@cssstate` (not yet a built-in tag) into the manifest.
 */
export default {
  globs: ['src/elements/**/*.ts', 'src/shared/review-element.ts', 'src/data/review-data-element.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.templates.ts', 'src/**/index.ts', 'src/elements/**/structured-data.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [
    {
      name: 'review-elements-css-states',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const decl = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
        if (!decl) return;
        const states = [];
        for (const doc of node.jsDoc ?? []) {
          for (const tag of doc.tags ?? []) {
            if (tag.tagName.getText() !== 'cssstate') continue;
            const text =
              typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((c) => c.text).join('');
            const [name, ...rest] = text.trim().split(/\s+-\s+|\s+/);
            states.push({ name, description: rest.join(' ') });
          }
        }
        if (states.length) decl.cssStates = states;
      },
    },
    {
      // The analyzer also lists every `this.dispatchEvent(new SomeEvent())` it sees, without the
      // event's name. Our events are documented with @fires; keep only those.
      name: 'review-elements-documented-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name && e.description);
            if (decl.events?.length === 0) delete decl.events;
          }
        }
      },
    },
  ],
};
