/**
 * Streams an XML export through saxes (a conforming, non-validating parser; Disqus exports of a
 * big site run to hundreds of megabytes, so nothing holds the whole document). The callback gets
 * every element's path (`disqus/post/author/name`), attributes and collected text when it closes.
 */
import { SaxesParser } from 'saxes';
import { textStream } from './source-file.js';

export interface XmlElement {
  path: string;
  name: string;
  attributes: Record<string, string>;
  text: string;
}

export async function walkXml(
  file: string,
  handlers: { open?: (e: Omit<XmlElement, 'text'>) => void; close: (e: XmlElement) => void },
): Promise<void> {
  const parser = new SaxesParser();
  const stack: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const path = () => stack.map((e) => e.name).join('/');
  parser.on('opentag', (tag) => {
    stack.push({ name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' });
    handlers.open?.({ path: path(), name: tag.name, attributes: tag.attributes as Record<string, string> });
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const p = path();
    const element = stack.pop()!;
    handlers.close({ path: p, ...element });
  });
  for await (const chunk of textStream(file)) parser.write(chunk as string);
  parser.close();
}

/** An ISO date read as UTC when it carries no zone of its own (Disqus, WordPress's *_gmt). */
export function utc(value: string): string {
  const text = value.trim().replace(' ', 'T');
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`;
}
