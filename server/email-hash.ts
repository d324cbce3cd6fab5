import { createHash } from 'node:crypto';

/**
 * The one way an email address is kept where it is needed only for matching (bans, imported
 * comments): hex SHA-256 of the trimmed, lower-cased address. Comparing two hashes tells whether
 * two comments came from one address without the server holding the address.
 */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
