/** A Server-Sent Events reader for tests: fetch's streamed body, parsed as the spec says. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseStream {
  response: Response;
  events: SseEvent[];
  /** The last id the server sent (what a browser would send back as Last-Event-ID). */
  lastId: () => string | undefined;
  /** Resolves with the first event (already received or still to come) that matches. */
  next: (match: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
  /** Resolves once the server has said where the stream starts (its first id). */
  ready: (timeoutMs?: number) => Promise<void>;
  close: () => void;
}

export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  let lastId: string | undefined;
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            let id: string | undefined;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              const [field, ...rest] = line.split(':');
              const value = rest.join(':').replace(/^ /, '');
              if (field === 'event') event = value;
              else if (field === 'data') data.push(value);
              else if (field === 'id') id = value;
            }
            if (id !== undefined) lastId = id;
            if (data.length) events.push({ id, event, data: data.join('\n') });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // closed by close()
      }
    })();
  }
  return {
    response,
    events,
    lastId: () => lastId,
    next: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    ready: (timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (lastId === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const timer = setTimeout(() => reject(new Error('the stream sent no id')), timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => abort.abort(),
  };
}
