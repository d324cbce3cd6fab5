import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataController, DataState, LoadStatus } from './data-controller.js';

/** What `render()` turns each state into. */
export interface StateTemplates<T> {
  loading(): unknown;
  error(error: Error | undefined, retrying: boolean): unknown;
  empty(value: T | undefined): unknown;
  ready(value: T): unknown;
}

export interface DataViewOptions<T> {
  /** What takes focus once a reader's Retry brought the data: the element's heading. */
  focusTarget(): HTMLElement | null | undefined;
  /** Sets the host's CSS custom states (`ReviewElement#setStates`). */
  setStates(states: Record<string, boolean>): void;
  /** Ready, but with nothing to show (`:state(empty)`). */
  empty?(value: T | undefined): boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * What a reader sees of a `DataController`, the same in every element that shows its data: one
 * template per state (`render()`), a Retry that keeps the error box (and its height) while it
 * works and then moves focus to the element's heading, the skeleton's height held while an error
 * replaces it, and the CSS custom states (`:state(loading)`, `error`, `empty`) set after each
 * render, never inside it.
 */
export class DataView<T> implements ReactiveController {
  readonly #host: Host;
  readonly #data: DataController<T>;
  readonly #options: DataViewOptions<T>;
  #retryFrom: DataState<T> | undefined;
  #focusAfterRetry = false;
  #rendered: LoadStatus = 'idle';
  #held = false;

  /** Add it after the data controller, so it sees the state that controller's update settled. */
  constructor(host: Host, data: DataController<T>, options: DataViewOptions<T>) {
    this.#host = host;
    this.#data = data;
    this.#options = options;
    host.addController(this);
  }

  /** True while a reader's Retry is loading: the error box stays, its button saying "Trying again…". */
  get retrying(): boolean {
    return this.#retryFrom !== undefined;
  }

  /** The reader's Retry. */
  readonly retry = (): void => {
    if (this.#retryFrom) return;
    this.#retryFrom = this.#data.state;
    this.#focusAfterRetry = true;
    this.#data.reload();
    this.#host.requestUpdate();
  };

  /** The element's template for the current state. */
  render(templates: StateTemplates<T>): unknown {
    const { status, value, error } = this.#data.state;
    if (status === 'error' || this.retrying) return templates.error(error ?? this.#retryFrom?.error, this.retrying);
    if (status === 'loading') return templates.loading();
    if (status === 'ready' && value !== undefined && !this.#options.empty?.(value)) return templates.ready(value);
    return templates.empty(value);
  }

  hostUpdate(): void {
    const state = this.#data.state;
    const { status } = state;
    if (this.#retryFrom && state !== this.#retryFrom && status !== 'loading') this.#retryFrom = undefined;
    // An error box is shorter than the skeleton it replaces: the host keeps the skeleton's height
    // while the error (or a retry) shows, so the page below does not jump twice.
    const host = this.#host;
    if (status === 'error' && this.#rendered === 'loading' && !this.#held && host.isConnected) {
      this.#held = true;
      host.style.minBlockSize = `${host.getBoundingClientRect().height}px`;
    } else if (this.#held && status !== 'error' && status !== 'loading') {
      this.#held = false;
      host.style.minBlockSize = '';
    }
  }

  hostUpdated(): void {
    const { status, value } = this.#data.state;
    const options = this.#options;
    this.#rendered = status;
    options.setStates({
      loading: status === 'loading',
      error: status === 'error',
      empty: status === 'idle' || (status === 'ready' && (options.empty?.(value) ?? false)),
    });
    if (this.#focusAfterRetry && !this.retrying && status !== 'loading') {
      this.#focusAfterRetry = false;
      // The Retry button is gone: keyboard and screen-reader users continue from the heading.
      if (status !== 'error') options.focusTarget()?.focus();
    }
  }
}
