/**
 * Schema migrations, applied in order on start inside one transaction each. Append new ones;
 * never edit one that has shipped.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    published_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX reviews_published ON reviews (published_at DESC, id);

  CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES comments (id),
    root_id TEXT NOT NULL,
    depth INTEGER NOT NULL,
    author_name TEXT NOT NULL,
    author_email TEXT,
    body TEXT NOT NULL,
    spoiler INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'rejected')),
    created_at TEXT NOT NULL,
    edited_at TEXT,
    edit_token_hash TEXT NOT NULL
  );
  CREATE INDEX comments_top_level ON comments (review_id, parent_id, status, seq);
  CREATE INDEX comments_thread ON comments (root_id, seq);
  CREATE INDEX comments_review_status ON comments (review_id, status);
  CREATE INDEX comments_status ON comments (status, seq);

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX idempotency_created ON idempotency_keys (created_at);
  `,
  `
  -- Comment imports (server/import): where each imported comment came from, so a re-run imports
  -- nothing twice, and the author's email kept only as emailHash() for bans, never in clear.
  ALTER TABLE comments ADD COLUMN author_email_hash TEXT;
  CREATE TABLE import_sources (
    format TEXT NOT NULL,
    source_id TEXT NOT NULL,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (format, source_id)
  );
  `,
  `
  -- Hardening against abuse (issue 13): a maintained reply score for sort=top, an index that walks
  -- a thread without reading comment bodies, no comment text or edit token kept for idempotent
  -- replays (the comment id instead; old keys are dropped, they were unscoped), and nothing left of
  -- deleted comments but the row their replies hang on.
  ALTER TABLE comments ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
  UPDATE comments SET score = (SELECT count(*) FROM comments r
    WHERE r.root_id = comments.id AND r.id != comments.id AND r.status = 'published') WHERE parent_id IS NULL;
  CREATE INDEX comments_top ON comments (review_id, parent_id, score DESC, seq);
  CREATE INDEX comments_tree ON comments (review_id, parent_id, status, seq, id);
  CREATE INDEX comments_root_status ON comments (root_id, status);
  CREATE INDEX comments_children ON comments (review_id, parent_id, seq);
  DELETE FROM idempotency_keys;
  ALTER TABLE idempotency_keys ADD COLUMN comment_id TEXT;
  UPDATE comments SET body = '', author_name = '', author_email = NULL, edit_token_hash = '' WHERE status = 'deleted';
  `,
  `
  -- The owner's desk (#14): review drafts, spam and the poster's address on comments, reader
  -- reports, bans, admin sessions and settings.
  ALTER TABLE reviews ADD COLUMN state TEXT NOT NULL DEFAULT 'published' CHECK (state IN ('draft', 'published'));
  CREATE INDEX reviews_state ON reviews (state, published_at DESC, id);
  ALTER TABLE comments ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN client_ip TEXT;

  CREATE TABLE comment_reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    reader_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    UNIQUE (comment_id, reader_key)
  );
  CREATE INDEX comment_reports_open ON comment_reports (comment_id) WHERE resolved_at IS NULL;

  CREATE TABLE bans (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'network')),
    value TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT
  );

  CREATE TABLE admin_sessions (
    id_hash TEXT PRIMARY KEY,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
];
