import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { worthRetrying } from '../api/errors.js';
import { retryLater } from '../shared/retry-later.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What an element knows about its data at any moment. The object changes identity only when its content does. */
export interface DataState<T> {
  readonly status: LoadStatus;
  readonly value: T | undefined;
  readonly error: Error | undefined;
  /** Load again (after an error, or to revalidate). */
  readonly reload: () => void;
}

/** The element's own request: compared item by item, so a change of any item starts a new load. */
export type Request = readonly unknown[];

/** What one kind of data needs; `ReviewDataController` and the thread's pages fill it in. */
export interface DataSpec<T> {
  /** The element's own request, or undefined when its data comes from elsewhere. */
  request(): Request | undefined;
  load(request: Request, signal: AbortSignal | undefined, revalidate: boolean): Promise<T>;
  /** The state someone else loads for it (a `<review-source>`), used when it has no request. */
  provided?(): DataState<T> | undefined;
  /** Turns preloaded JSON (a property, or a `<script type="application/json">` child) into data; throws when it is not valid. */
  parse(json: unknown): T;
  /** Whether preloaded data answers this request (the same review), so it need not be made. */
  answers?(value: T, request: Request): boolean;
  /** For an element without a Retry: after a failure that may pass, load again by itself (`retryLater`). */
  autoRetry?: boolean;
  loadEvent?(value: T): Event;
  errorEvent?(error: Error): Event;
  /** Fired after the load event when the value came with a note (a malformed optional field left out). */
  warningEvent?(value: T): Event | undefined;
}

type Plan = 'request' | 'provided' | 'preloaded' | 'idle';
type Host = ReactiveControllerHost & HTMLElement;

/** A load whose plan is not a request: nothing to load, the state goes back to idle. */
const NONE = Symbol();
/** Changed as lit's `notEqual` says (NaN equals NaN). */
const changed = (a: Request, b: Request) =>
  a.length !== b.length || a.some((x, i) => x !== b[i] && (x === x || b[i] === b[i]));

/**
 * How every element gets its data, written once: where it comes from (its own request, else what
 * a provider gives, else preloaded data), the load (a superseded run is aborted and its result
 * dropped, as `@lit/task` does: written here because that is all we used of it, for ~0.6 KB gzip
 * less in every element that loads data), reload and automatic retry, and one load or error event per load.
 * What a reader sees of it (Retry, the held height, focus, custom states, `render()`) is
 * `DataView`'s, which `<review-source>` and `<content-warning>` do without.
 */
export class DataController<T> implements ReactiveController {
  readonly #host: Host;
  readonly #spec: DataSpec<T>;
  /** The load: the arguments it ran with, which run is current, and what it gave. */
  #args: Request | undefined;
  #run = 0;
  #abort: AbortController | undefined;
  #status: LoadStatus = 'idle';
  #value: T | undefined;
  #error: Error | undefined;
  #plan: Plan = 'idle';
  #revalidate = false;
  #preloadedRaw: unknown;
  #preloaded: { value?: T; error?: Error } | undefined;
  /** The request preloaded data answered; once the request changes, or on reload, it is used no more. */
  #answered: Request | undefined;
  #preloadSpent = false;
  #state: DataState<T> | undefined;
  #announced: unknown;
  #attempt = 0;
  #cancelRetry: (() => void) | undefined;

  constructor(host: Host, spec: DataSpec<T>) {
    this.#host = host;
    this.#spec = spec;
    host.addController(this);
  }

  #currentArgs(): Request {
    return this.#plan === 'request' ? ['request', ...this.#spec.request()!] : [this.#plan];
  }

  /** Runs the load with `args`; a newer run aborts this one and its result is dropped. */
  async #load(args: Request): Promise<void> {
    this.#args = args;
    if (this.#status === 'loading') this.#abort?.abort();
    this.#status = 'loading';
    this.#host.requestUpdate();
    const run = ++this.#run;
    const abort = (this.#abort = new AbortController());
    let result: T | typeof NONE | undefined;
    let error: unknown;
    let failed = false;
    try {
      const [plan, ...request] = args;
      if (plan !== 'request') result = NONE;
      else {
        const revalidate = this.#revalidate;
        this.#revalidate = false;
        result = await this.#spec.load(request, abort.signal, revalidate);
      }
    } catch (e) {
      failed = true;
      error = e;
    }
    if (run !== this.#run) return;
    if (result === NONE) this.#status = 'idle';
    else {
      this.#status = failed ? 'error' : 'ready';
      this.#value = result;
      this.#error = error as Error | undefined;
    }
    this.#host.requestUpdate();
  }

  /** Data given without a request (the element's property; a JSON script child is read by itself). */
  set preloaded(raw: unknown) {
    if (raw === this.#preloadedRaw) return;
    this.#preloadedRaw = raw;
    this.#preloaded = undefined;
    this.#preloadSpent = false;
    this.#host.requestUpdate();
  }

  /** The data given with the element: the `preloaded` property, else a `<script type="application/json">` child (what a server-rendered page holds). */
  #preloadedData(): { value?: T; error?: Error } | undefined {
    const raw = this.#preloadedRaw;
    // A server render (@lit-labs/ssr) has no light DOM to read: there, only the property counts.
    const script =
      raw === undefined && !this.#preloaded && !isServer
        ? this.#host.querySelector(':scope > script[type="application/json"]')
        : null;
    if (!this.#preloaded && (script || raw !== undefined)) {
      try {
        this.#preloaded = { value: this.#spec.parse(script ? JSON.parse(script.textContent!) : raw) };
      } catch (error) {
        this.#preloaded = { error: error as Error };
      }
    }
    return this.#preloaded;
  }

  /** Where the data comes from: the element's own request, else a provider, else preloaded data. */
  #decide(): Plan {
    const request = this.#spec.request();
    const pre = this.#preloadSpent ? undefined : this.#preloadedData();
    if (request) {
      if (this.#answered?.some((x, i) => x !== request[i])) {
        this.#preloadSpent = true;
        this.#answered = undefined;
        return 'request';
      }
      if (pre?.value !== undefined && this.#spec.answers?.(pre.value, request)) {
        this.#answered = request;
        return 'preloaded';
      }
      return 'request';
    }
    if (this.#spec.provided?.()) return 'provided';
    return pre ? 'preloaded' : 'idle';
  }

  /** The state to render. */
  get state(): DataState<T> {
    // Server rendering (@lit-labs/ssr) runs render() without the update cycle, so hostUpdate never
    // decided: decide here, so given data renders as content, not as the empty state.
    if (isServer) this.#plan = this.#decide();
    let status: LoadStatus = 'idle';
    let value: T | undefined;
    let error: Error | undefined;
    if (this.#plan === 'provided') return this.#spec.provided?.() ?? this.#memo('idle', undefined, undefined);
    if (this.#plan === 'preloaded') {
      const pre = this.#preloaded;
      status = pre?.error ? 'error' : 'ready';
      value = pre?.value;
      error = pre?.error;
    } else if (this.#plan === 'request') {
      // On the server nothing is fetched: what will load renders as loading, as the browser's first
      // update does, so the skeleton hydrates (never the empty text, which would not match).
      status = isServer ? 'loading' : this.#status;
      value = this.#value;
      error = this.#error;
    }
    return this.#memo(status, value, error);
  }

  #memo(status: LoadStatus, value: T | undefined, error: Error | undefined): DataState<T> {
    const prev = this.#state;
    if (prev && prev.status === status && prev.value === value && prev.error === error) return prev;
    this.#state = { status, value, error, reload: () => this.reload() };
    return this.#state;
  }

  /** Loads again, asking the server whether the data changed. */
  reload(): void {
    if (this.#plan === 'provided') {
      this.#spec.provided?.()?.reload();
      return;
    }
    this.#revalidate = true;
    if (this.#plan === 'request') void this.#load(this.#currentArgs());
    else if (this.#plan === 'preloaded' && this.#spec.request()) {
      // Preloaded data that answered the element's request: a reload asks the server.
      this.#preloadSpent = true;
      this.#host.requestUpdate();
    }
  }

  hostConnected(): void {
    // Taken out and put back after a failure: leaving cancelled its retry, so it asks again now.
    if (this.#status === 'error' && this.#plan === 'request') this.reload();
  }

  hostDisconnected(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
  }

  hostUpdate(): void {
    this.#plan = this.#decide();
    const args = this.#currentArgs();
    if (!this.#args || changed(this.#args, args)) void this.#load(args);
  }

  hostUpdated(): void {
    const { status, value, error } = this.state;
    const spec = this.#spec;
    const settled = status === 'ready' ? value : status === 'error' ? error : undefined;
    if (settled === undefined || settled === this.#announced) return;
    this.#announced = settled;
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
    if (status === 'ready') this.#attempt = 0;
    // Only the element's own load: a provider's state is the provider's to retry.
    else if (spec.autoRetry && this.#plan === 'request' && this.#host.isConnected && worthRetrying(error)) {
      this.#cancelRetry = retryLater(this.#attempt++, () => this.reload(), error);
    }
    const event = status === 'ready' ? spec.loadEvent?.(value!) : spec.errorEvent?.(error!);
    if (event) this.#host.dispatchEvent(event);
    const warning = status === 'ready' ? spec.warningEvent?.(value!) : undefined;
    if (warning) this.#host.dispatchEvent(warning);
  }
}
