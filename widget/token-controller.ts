import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionPreview, TokenResponse } from '../contract/portal.js';

/** What the token controller reads and tells: callbacks, so it needs nothing else of the element. */
export interface TokenSource {
  /** The element's `token` and `token-url` as they are now. */
  attributes(): { token?: string; tokenUrl?: string };
  /** Whom a sign-in code signs in as, without spending it. */
  preview(code: string, signal: AbortSignal): Promise<SessionPreview>;
  /** Exchange a sign-in code for a portal session token (spends it). */
  exchange(code: string, signal: AbortSignal): Promise<TokenResponse>;
  /** A (new) token is in hand: load with it. */
  ready(): void;
  /** No usable token any more. */
  expired(): void;
  /** Getting a token failed: from token-url, or (`link`) exchanging a sign-in code. */
  failed(e: unknown, link: boolean): void;
}

/** Seconds since epoch of a JWT's `exp`, decoded without verifying (the server verifies). */
export function jwtExp(token: string): number | undefined {
  try {
    const exp = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

const REFRESH_EARLY = 60_000;

/**
 * Where the element's token comes from: the `token` property, a same-origin `token-url` (fetched at start and
 * ~60 s before expiry), or a sign-in code in the URL fragment exchanged for a session. Kept in memory only.
 *
 * A code from the fragment is never spent on arrival: a page elsewhere may send the visitor here with a link to
 * another account (login CSRF), and mail scanners run scripts. It is looked up (`offered`: whose account, masked)
 * and exchanged only when the customer accepts.
 */
export class TokenController implements ReactiveController {
  token?: string;
  /** A sign-in code from the link, and whom it signs in as, waiting for the customer to accept or decline. */
  offered?: { code: string; account: SessionPreview };
  /** A sign-in code is being looked up or exchanged. */
  checking = false;
  #session?: [token: string, exp: number];
  #timer?: ReturnType<typeof setTimeout>;
  #ctl?: AbortController;
  #fetchedAt = 0;

  #host: ReactiveControllerHost;
  #source: TokenSource;

  constructor(host: ReactiveControllerHost, source: TokenSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected() {
    this.start();
  }

  hostDisconnected() {
    this.#stop();
  }

  #stop() {
    clearTimeout(this.#timer);
    this.#ctl?.abort();
  }

  /** (Re)derive the token from the element's attributes. */
  start() {
    this.#stop();
    this.#ctl = new AbortController();
    const { token, tokenUrl } = this.#source.attributes();
    if (tokenUrl) void this.#fetchToken(true);
    else if (token) this.#use(token, jwtExp(token), true);
    else if (CODE.test(location.hash)) void this.#lookUp(takeCode());
    else if (this.offered) this.#host.requestUpdate();
    else if (this.#session) this.#use(...this.#session, true);
    else {
      this.token = undefined;
      this.#host.requestUpdate();
    }
  }

  #use(token: string, exp: number | undefined, load: boolean) {
    const refetch = !!this.#source.attributes().tokenUrl;
    this.token = token;
    if (exp) {
      const wait = exp * 1000 - Date.now() - (refetch ? REFRESH_EARLY : 0);
      this.#timer = setTimeout(() => (refetch ? this.#fetchToken(false) : this.expire()), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    }
    if (load) this.#source.ready();
  }

  async #fetchToken(load: boolean) {
    const signal = this.#ctl!.signal;
    this.#fetchedAt = Date.now();
    try {
      const url = new URL(this.#source.attributes().tokenUrl!, location.href);
      if (url.origin !== location.origin) throw new Error('token-url must be same-origin');
      const res = await fetch(url, { credentials: 'same-origin', signal });
      if (!res.ok) throw new Error(`token-url: ${res.status}`);
      const { token } = (await res.json()) as { token: string };
      clearTimeout(this.#timer);
      this.#use(token, jwtExp(token), load);
    } catch (e) {
      if (!signal.aborted) this.#source.failed(e, false);
    }
  }

  async #lookUp(code: string) {
    await this.#checkCode(async (signal) => {
      this.offered = { code, account: await this.#source.preview(code, signal) };
    });
  }

  /** The customer accepted the account offered: now the code is spent. */
  accept() {
    const offered = this.offered;
    this.offered = undefined;
    if (!offered) return;
    void this.#checkCode(async (signal) => {
      const r = await this.#source.exchange(offered.code, signal);
      this.#session = [r.token, Date.parse(r.expires_at) / 1000];
      this.#use(...this.#session, true);
    });
  }

  /** Not their account (or not now): the code is forgotten, unspent. */
  decline() {
    this.offered = undefined;
    this.#host.requestUpdate();
  }

  async #checkCode(work: (signal: AbortSignal) => Promise<void>) {
    const signal = this.#ctl!.signal;
    this.checking = true;
    this.#host.requestUpdate();
    try {
      await work(signal);
    } catch (e) {
      if (!signal.aborted) this.#source.failed(e, true);
    } finally {
      this.checking = false;
      this.#host.requestUpdate();
    }
  }

  /** A plain token ran out, or the server answered 401. */
  expire() {
    clearTimeout(this.#timer);
    // After a 401 a token-url gets one fresh try; a token just fetched and still refused means signed out.
    if (this.#source.attributes().tokenUrl && Date.now() - this.#fetchedAt > 5000) {
      void this.#fetchToken(true);
      return;
    }
    this.token = this.#session = undefined;
    this.#source.expired();
  }
}

const CODE = /[#&]creem_code=([^&]*)/;

/**
 * The sign-in code in the fragment, taken out of the address bar (and history) before anything
 * else can copy it; the rest of the fragment stays.
 */
function takeCode(): string {
  const match = CODE.exec(location.hash)!;
  const rest = location.hash.slice(1).split('&').filter((p) => !p.startsWith('creem_code=')).join('&');
  history.replaceState(history.state, '', location.href.split('#')[0] + (rest ? `#${rest}` : ''));
  return safeDecode(match[1]);
}

/** A mangled code (bad percent-encoding) is just an invalid code: the server refuses it. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
