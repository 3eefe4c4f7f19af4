import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TokenResponse } from '../contract/portal.js';

/** What the token controller reads and tells: callbacks, so it needs nothing else of the element. */
export interface TokenSource {
  /** The element's `token` and `token-url` as they are now. */
  attributes(): { token?: string; tokenUrl?: string };
  /** Exchange a sign-in code for a portal session token. */
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
 */
export class TokenController implements ReactiveController {
  token?: string;
  private session?: [token: string, exp: number];
  private timer?: ReturnType<typeof setTimeout>;
  private ctl?: AbortController;
  private fetchedAt = 0;

  constructor(
    private host: ReactiveControllerHost,
    private source: TokenSource,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.start();
  }

  hostDisconnected() {
    this.stop();
  }

  private stop() {
    clearTimeout(this.timer);
    this.ctl?.abort();
  }

  /** (Re)derive the token from the element's attributes. */
  start() {
    this.stop();
    this.ctl = new AbortController();
    const { token, tokenUrl } = this.source.attributes();
    const code = /[#&]creem_code=([^&]*)/.exec(location.hash);
    if (tokenUrl) void this.fetchToken(true);
    else if (token) this.use(token, jwtExp(token), true);
    else if (code) void this.exchange(safeDecode(code[1]));
    else if (this.session) this.use(...this.session, true);
    else {
      this.token = undefined;
      this.host.requestUpdate();
    }
  }

  private use(token: string, exp: number | undefined, load: boolean) {
    const refetch = !!this.source.attributes().tokenUrl;
    this.token = token;
    if (exp) {
      const wait = exp * 1000 - Date.now() - (refetch ? REFRESH_EARLY : 0);
      this.timer = setTimeout(() => (refetch ? this.fetchToken(false) : this.expire()), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    }
    if (load) this.source.ready();
  }

  private async fetchToken(load: boolean) {
    const signal = this.ctl!.signal;
    this.fetchedAt = Date.now();
    try {
      const url = new URL(this.source.attributes().tokenUrl!, location.href);
      if (url.origin !== location.origin) throw new Error('token-url must be same-origin');
      const res = await fetch(url, { credentials: 'same-origin', signal });
      if (!res.ok) throw new Error(`token-url: ${res.status}`);
      const { token } = (await res.json()) as { token: string };
      clearTimeout(this.timer);
      this.use(token, jwtExp(token), load);
    } catch (e) {
      if (!signal.aborted) this.source.failed(e, false);
    }
  }

  private async exchange(code: string) {
    // Drop the single-use code from the address bar before anything else can copy it.
    const rest = location.hash.slice(1).split('&').filter((p) => !p.startsWith('creem_code=')).join('&');
    history.replaceState(history.state, '', location.href.split('#')[0] + (rest ? `#${rest}` : ''));
    try {
      const r = await this.source.exchange(code, this.ctl!.signal);
      this.session = [r.token, Date.parse(r.expires_at) / 1000];
      this.use(...this.session, true);
    } catch (e) {
      if (!this.ctl!.signal.aborted) this.source.failed(e, true);
    }
  }

  /** A plain token ran out, or the server answered 401. */
  expire() {
    clearTimeout(this.timer);
    // After a 401 a token-url gets one fresh try; a token just fetched and still refused means signed out.
    if (this.source.attributes().tokenUrl && Date.now() - this.fetchedAt > 5000) {
      void this.fetchToken(true);
      return;
    }
    this.token = this.session = undefined;
    this.source.expired();
  }
}

/** A mangled code (bad percent-encoding) is just an invalid code: the exchange refuses it. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
