/**
 * Reading an export file: plain or gzipped (Disqus mails a .xml.gz, Remark42 backups are .gz),
 * as a stream of text for the XML formats and as a whole for the JSON ones.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** The first bytes of the file, ungzipped when the file is gzip. */
export function head(file: string, bytes = 4096): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export const isGzip = (start: Buffer) => start[0] === 0x1f && start[1] === 0x8b;
export const isSqlite = (start: Buffer) => start.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

export function textStream(file: string): Readable {
  const stream = createReadStream(file);
  const text = isGzip(head(file, 2)) ? stream.pipe(createGunzip()) : stream;
  text.setEncoding('utf8');
  return text;
}

export function readText(file: string): string {
  const raw = readFileSync(file);
  return (isGzip(raw) ? gunzipSync(raw) : raw).toString('utf8').replace(/^\uFEFF/, '');
}

/** Guesses the format from the file's first bytes, for a `--from` left out. */
export function sniffFormat(file: string): string | undefined {
  let start = head(file);
  if (isSqlite(start)) return 'isso';
  if (isGzip(start)) start = gunzipSync(readFileSync(file)).subarray(0, 4096);
  const text = start
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) {
    if (/<disqus[\s>]/.test(text)) return 'disqus';
    if (/xmlns:wp=|<wp:wxr_version/.test(text)) return 'wordpress';
    return undefined;
  }
  if (/^\{\s*"(version|users|posts)"/.test(text)) return 'remark42';
  if (/"format"\s*:\s*"review-elements"/.test(text)) return 'review-elements';
  if (/"type"\s*:\s*"waline"/.test(text) || /"tables"\s*:\s*\[\s*"Comment"/.test(text)) return 'waline';
  if (text.startsWith('[') && /"page_key"/.test(text)) return 'artalk';
  return undefined;
}
