import { useState } from 'react';
import type { ReviewCard } from 'review-elements';

/**
 * The article's elements in React 19. React 19 sets a prop as a property when the element has
 * one (`layout`, `limit`, `api`), as an attribute otherwise (`from-review`, `heading-level`), and
 * `onreview-load` adds a listener for the element's `review-load` event. Types: types/react.d.ts.
 */
export function App() {
  const [layout, setLayout] = useState<ReviewCard['layout']>('full');
  const [loadedTitle, setLoadedTitle] = useState<string>();
  const next = layout === 'full' ? 'compact' : 'full';

  return (
    <main>
      <header className="host-bar">
        <h1>React 19 host</h1>
        <button id="toggle-layout" type="button" onClick={() => setLayout(next)}>
          Show the {next} card
        </button>
        <p id="loaded-title" role="status">
          {loadedTitle ? `Loaded: ${loadedTitle}` : 'Loading…'}
        </p>
      </header>

      <review-source api="/v1" review="ballerina">
        <article>
          <p className="byline">
            <comment-count href="#comments" />
          </p>
          <review-card
            layout={layout}
            heading-level={2}
            onreview-load={(event) => setLoadedTitle(event.review.work.title)}
          />
          <content-warning from-review>
            <p>
              The review's paragraphs about the suicide, the recorded abuse and the blackmail would sit here, hidden
              until the reader chooses to see them.
            </p>
          </content-warning>
          <h2>The cast</h2>
          <cast-list limit={6} />
          <h2 id="comments">What readers say</h2>
          <comment-thread headingLevel={3} />
        </article>
      </review-source>
    </main>
  );
}
