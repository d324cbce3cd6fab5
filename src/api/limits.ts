/**
 * The limits of the v1 API, in one place: the reference server enforces them (server/schemas.ts,
 * server/http.ts), the client's form checks them before sending, and the JSON schemas of the
 * response shapes use them. Change one here and both sides follow.
 */

/** Characters of a comment's body. */
export const MAX_COMMENT_BODY = 10_000;
/** Characters of an author's name. */
export const MAX_AUTHOR_NAME = 80;
/** Bytes of a request body (a comment, an edit, a review document). */
export const MAX_BODY_BYTES = 64 * 1024;
/** How deep replies nest: a reply to a comment at this depth is refused. */
export const MAX_REPLY_DEPTH = 8;
/** How deep the brackets of a JSON body may nest (no request needs more than a handful). */
export const MAX_JSON_DEPTH = 64;
