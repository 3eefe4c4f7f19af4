import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RemoteStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * One remote value and where getting it stands (initial → pending → complete or error), for the host
 * to render explicitly. A new run aborts the one still pending and only the latest run's answer
 * counts; disconnecting aborts too. (What `@lit/task` does for us, without its auto-run and render
 * helpers, which the element does not use: about 0.5 KB less in the bundle.)
 */
export class RemoteController<T> implements ReactiveController {
  status: RemoteStatus = 'initial';
  value?: T;
  error?: unknown;
  #ctl?: AbortController;

  #host: ReactiveControllerHost;
  #load: (signal: AbortSignal) => Promise<T>;
  #settled: { complete?(value: T): void; error?(e: unknown): void };

  constructor(host: ReactiveControllerHost, load: (signal: AbortSignal) => Promise<T>, settled: { complete?(value: T): void; error?(e: unknown): void } = {}) {
    this.#host = host;
    this.#load = load;
    this.#settled = settled;
    host.addController(this);
  }

  async run() {
    this.#ctl?.abort();
    const ctl = (this.#ctl = new AbortController());
    this.status = 'pending';
    this.#host.requestUpdate();
    // The update is asked for before the host hears of the outcome: what it sets then still lands
    // in that render, and its `updateComplete` is the render that shows the outcome.
    try {
      const value = await this.#load(ctl.signal);
      if (ctl !== this.#ctl) return;
      [this.value, this.status] = [value, 'complete'];
      this.#host.requestUpdate();
      this.#settled.complete?.(value);
    } catch (e) {
      if (ctl !== this.#ctl) return;
      [this.error, this.status] = [e, 'error'];
      this.#host.requestUpdate();
      this.#settled.error?.(e);
    }
  }

  /** Keep what the server answered to a change, in place of the loaded value. */
  set(value: T) {
    this.value = value;
    this.#host.requestUpdate();
  }

  abort() {
    if (this.status === 'pending') this.#ctl?.abort();
  }

  hostDisconnected() {
    this.abort();
  }
}
