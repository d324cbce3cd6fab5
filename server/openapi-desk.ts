/** The owner's desk (#14) in OpenAPI: merged into openapi.ts's document. */
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const adminErrors = {
  '401': problemResponse('unauthorized: neither the admin token nor a session'),
  '403': problemResponse(
    'forbidden (wrong token, or a session write without X-CSRF-Token from this site) or admin-disabled',
  ),
  '404': problemResponse('not-found'),
};
const id = (name: string, what: string) => ({
  name,
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string' },
});
const admin = [{ bearer: [] }, { session: [] }];
const limit = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } };
const cursor = { name: 'cursor', in: 'query', schema: { type: 'string' } };
const obj = (properties: Record<string, object>, required: string[] = []) => ({
  'application/json': { schema: { type: 'object', properties, required } },
});
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export const deskSecuritySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'review-admin',
    description:
      'The admin UI session from POST /admin/session; writes also need X-CSRF-Token and an Origin of this host',
  },
};

export const deskReviewOperations = {
  patch: {
    summary:
      'Change a review with a JSON Merge Patch (RFC 7396); the merged document must pass the Review schema (admin)',
    security: admin,
    parameters: [id('id', 'Review id')],
    requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { type: 'object' } } } },
    responses: {
      '200': {
        description: 'The review',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Review' } } },
      },
      '400': problemResponse('invalid-body, with errors[].path'),
      ...adminErrors,
    },
  },
  delete: {
    summary: 'Delete a review with every comment on it (admin)',
    security: admin,
    parameters: [id('id', 'Review id')],
    responses: { '204': { description: 'Deleted' }, ...adminErrors },
  },
};

const action = (summary: string) => ({
  post: {
    summary,
    security: admin,
    parameters: [id('id', 'Comment id')],
    responses: { '200': ok('The comment as moderators see it'), ...adminErrors },
  },
});

export const deskPaths = {
  '/admin/reviews': {
    get: {
      summary: 'Every review, drafts too, newest first; search titles and filter by state (admin)',
      security: admin,
      parameters: [
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
        { name: 'state', in: 'query', schema: { enum: ['draft', 'published'] } },
        limit,
        cursor,
      ],
      responses: {
        '200': ok('Page of { id, title, workTitle, state, publishedAt, commentCount, pendingCount }'),
        ...adminErrors,
      },
    },
  },
  '/admin/reviews/{id}': {
    get: {
      summary: 'One review, draft or not, with its state (admin)',
      security: admin,
      parameters: [id('id', 'Review id')],
      responses: { '200': ok('{ state, review }'), ...adminErrors },
    },
  },
  '/admin/reviews/{id}/publish': {
    post: {
      summary: 'Publish a draft (admin)',
      security: admin,
      parameters: [id('id', 'Review id')],
      responses: { '200': ok('{ id, state }'), ...adminErrors },
    },
  },
  '/admin/reviews/{id}/unpublish': {
    post: {
      summary: 'Turn a review back into a draft, off every public route (admin)',
      security: admin,
      parameters: [id('id', 'Review id')],
      responses: { '200': ok('{ id, state }'), ...adminErrors },
    },
  },
  '/admin/queue': {
    get: {
      summary: 'The moderation queue: comments with open reports first, then newest (admin)',
      security: admin,
      parameters: [
        {
          name: 'status',
          in: 'query',
          schema: { enum: ['pending', 'reported', 'published', 'rejected', 'spam'], default: 'pending' },
        },
        { name: 'review', in: 'query', description: 'Only this review', schema: { type: 'string' } },
        limit,
        cursor,
      ],
      responses: {
        '200': ok(
          'Page of comments with reviewId, reviewTitle, author (name, email, emailHash), clientIp, reports, reasons',
        ),
        ...adminErrors,
      },
    },
  },
  '/admin/comments/{id}/approve': action('Publish a comment; its open reports are closed (admin)'),
  '/admin/comments/{id}/reject': action('Reject a comment: never shown (admin)'),
  '/admin/comments/{id}/spam': action('Reject a comment as spam (admin)'),
  '/admin/comments/{id}/delete': action(
    'Delete a comment: its words and email are wiped; with replies it stays as [deleted] (admin)',
  ),
  '/admin/comments/{id}/purge': {
    post: {
      summary: 'Remove a comment and every reply under it, leaving nothing (admin)',
      security: admin,
      parameters: [id('id', 'Comment id')],
      responses: { '204': { description: 'Purged' }, ...adminErrors },
    },
  },
  '/admin/comments/bulk': {
    post: {
      summary: 'One action on many comments (admin)',
      security: admin,
      requestBody: {
        required: true,
        content: obj(
          {
            action: { enum: ['approve', 'reject', 'spam', 'delete', 'purge'] },
            ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 200 },
          },
          ['action', 'ids'],
        ),
      },
      responses: {
        '200': ok('{ action, results: [{ id, ok, status | code }] }'),
        '400': problemResponse('invalid-body'),
        ...adminErrors,
      },
    },
  },
  '/admin/bans': {
    get: {
      summary: 'Bans in force (admin)',
      security: admin,
      responses: { '200': ok('{ items: Ban[] }'), ...adminErrors },
    },
    post: {
      summary:
        "Ban an email (kept only as its hash) or a network, for some hours or until lifted. A banned poster's comments answer 201 pending and are kept as spam (admin)",
      security: admin,
      requestBody: {
        required: true,
        content: obj(
          {
            kind: { enum: ['email', 'network'] },
            email: { type: 'string' },
            emailHash: { type: 'string', pattern: '^[a-f0-9]{64}$' },
            network: { type: 'string', description: 'CIDR, e.g. 203.0.113.0/24' },
            commentId: { type: 'string', description: 'Take the email or address from this comment' },
            prefix: { type: 'integer', description: 'With commentId and kind network' },
            hours: { type: 'number' },
            reason: { type: 'string' },
          },
          ['kind'],
        ),
      },
      responses: { '201': ok('The ban'), '400': problemResponse('invalid-body'), ...adminErrors },
    },
  },
  '/admin/bans/{id}': {
    delete: {
      summary: 'Lift a ban (admin)',
      security: admin,
      parameters: [id('id', 'Ban id')],
      responses: { '204': { description: 'Lifted' }, ...adminErrors },
    },
  },
  '/admin/session': {
    post: {
      summary:
        'Sign in with the admin token: sets an HttpOnly, Secure, SameSite=Strict session cookie; 5 attempts per 15 minutes per address',
      requestBody: { required: true, content: obj({ token: { type: 'string' } }, ['token']) },
      responses: {
        '201': ok('{ csrfToken, expiresAt, csrfHeader }'),
        '403': problemResponse('forbidden or admin-disabled'),
        '429': problemResponse('rate-limited'),
      },
    },
    get: {
      summary: "The session's CSRF token and expiry",
      security: [{ session: [] }],
      responses: { '200': ok('{ csrfToken, expiresAt, csrfHeader }'), '401': problemResponse('unauthorized') },
    },
    delete: { summary: 'Sign out', security: [{ session: [] }], responses: { '204': { description: 'Signed out' } } },
  },
  '/admin/uploads': {
    post: {
      summary:
        'Upload an image (the raw bytes as the body): JPEG, PNG, WebP or AVIF by its bytes, never SVG; size and pixel limits (admin)',
      security: admin,
      requestBody: { required: true, content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '201': ok('{ url, type, width, height, bytes }'),
        '200': ok('Already uploaded: the same'),
        '413': problemResponse('payload-too-large'),
        '415': problemResponse('unsupported-image'),
        '422': problemResponse('image-too-large (pixels)'),
        ...adminErrors,
      },
    },
  },
  '/uploads/{name}': {
    get: {
      summary: 'An uploaded image, named by its SHA-256: cached for a year, immutable, usable from any site',
      parameters: [id('name', '<sha256>.<ext>')],
      responses: { '200': { description: 'The image' }, '404': problemResponse('not-found') },
    },
  },
  '/comments/{id}/reports': {
    post: {
      summary: 'Report a published comment: once per reader, 20 an hour; enough reports send it back to pending',
      parameters: [id('id', 'Comment id')],
      requestBody: {
        required: true,
        content: obj(
          {
            reason: { enum: ['spam', 'harassment', 'hate', 'spoiler', 'off-topic', 'other'] },
            note: { type: 'string', maxLength: 500 },
          },
          ['reason'],
        ),
      },
      responses: {
        '201': ok('{ commentId, reported: true }'),
        '200': ok('Reported before by this reader: the same'),
        '400': problemResponse('invalid-body'),
        '404': problemResponse('not-found'),
        '429': problemResponse('rate-limited'),
      },
    },
  },
};
