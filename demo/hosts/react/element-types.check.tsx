/**
 * Compiled (never run) by `npx tsc -p demo/hosts`: what the generated types/react.d.ts refuses
 * (App.tsx, compiled alongside, shows what it accepts).
 */
export const refused = (
  <>
    {/* @ts-expect-error: a misspelled attribute (TypeScript leaves names with a dash unchecked) */}
    <review-card layuot="compact" />
    {/* @ts-expect-error: not a layout of the card */}
    <review-card layout="huge" />
    {/* @ts-expect-error: limit is a number */}
    <cast-list limit={{ six: 6 }} />
    {/* @ts-expect-error: React 19 only listens to `on` + the exact event name */}
    <review-card onReviewLoad={() => {}} />
    {/* @ts-expect-error: a review-load event's detail holds the review, not comments */}
    <review-card onreview-load={(event) => event.detail.comments} />
  </>
);

export const accepted = (
  <>
    <review-card onreview-loadCapture={(event) => event.currentTarget.layout} no-structured-data />
    <cast-list oncast-select={(event) => event.preventDefault()} layout="row" />
    <content-warning fromReview oncontent-warning-reveal={(event) => event.type} />
  </>
);
