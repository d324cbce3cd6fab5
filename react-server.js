/**
 * What a React Server Component gets when it imports an element entry (the `react-server` export
 * condition). There the element's code would run on the server only and never reach the browser,
 * so the tag would stay undefined in the page, silently. This says so, once, and defines nothing.
 * Hand-written (not built): it has no code of the library in it.
 */
const key = Symbol.for('review-elements/server-component-warning');
if (!globalThis[key]) {
  globalThis[key] = true;
  console.warn(
    'review-elements: an element was imported in a React Server Component, where it never reaches the browser ' +
      '(the tag stays undefined there). Import it from a "use client" module instead; see docs/frameworks.md.',
  );
}
