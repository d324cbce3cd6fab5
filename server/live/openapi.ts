/** The OpenAPI description of GET /reviews/{id}/events (kept beside the code it describes). */
export const eventsPath = {
  get: {
    summary: "The thread's changes as Server-Sent Events",
    description: [
      'text/event-stream. Events: `comment-created` and `comment-updated` (data: a Comment), `comment-removed` (data: {id, parentId}),',
      '`count` (data: {count}, after each change), and `reset` (a reconnect too far behind: reload the thread).',
      'Every event has an increasing `id`; the first line of a new stream carries only an id, the position it starts from.',
      'A reconnect sends Last-Event-ID (browsers do) and receives what it missed (kept for an hour on PostgreSQL,',
      'the last 200 per review in memory on SQLite). A comment line every 25 s keeps proxies from closing the stream.',
      'At most 6 streams per client address and process (429 rate-limited). Readable from any origin.',
    ].join(' '),
    parameters: [
      { name: 'id', in: 'path', required: true, description: 'Review id', schema: { type: 'string' } },
      {
        name: 'Last-Event-ID',
        in: 'header',
        description: 'Resume after this event id',
        schema: { type: 'string', pattern: '^\\d{1,16}$' },
      },
      {
        name: 'lastEventId',
        in: 'query',
        description:
          "The same, for a first connection that already has one: a comments page's `eventId`, so nothing posted after the page is missed",
        schema: { type: 'string' },
      },
    ],
    responses: {
      '200': { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      '400': {
        description: 'invalid-query',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
      '404': {
        description: 'not-found',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
      '429': {
        description: 'rate-limited: too many streams open (Retry-After)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
  },
};
