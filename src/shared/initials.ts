/**
 * Initials and a colour for a person without a photo. The same name always gets the same colour
 * (a hash of the name picks the hue), and every hue keeps white initials above 4.5:1.
 */
let segmenter: Intl.Segmenter | undefined;

function firstGrapheme(word: string): string {
  // Below U+0300 no character joins the one before or after it (combining marks, joiners and
  // prepended signs all come later): the first letter is the first character, and a Segmenter,
  // whose data takes Chromium 40 ms or more to load, is made only for a name that needs one.
  if (/^[\0-\u02ff](?![^\0-\u02ff])/.test(word) || typeof Intl.Segmenter !== 'function') return word.charAt(0);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(word)) return segment;
  return '';
}

/** "Jeon Jong-seo" → "JJ", "Park Yu-rim" → "PY", "김지훈" → "김", "" → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters =
    words.length === 1 ? [firstGrapheme(words[0])] : [firstGrapheme(words[0]), firstGrapheme(words[words.length - 1])];
  return letters.join('').toLocaleUpperCase();
}

/** A hue from 0 to 359 from the name (FNV-1a), stable across pages and sessions. */
export function hueFor(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}
