import type { ReactiveController } from 'lit';
import type { PortalClient } from './portal-client.js';

/** What the token controller needs from its element. */
export interface TokenHost extends HTMLElement {
  addController(c: ReactiveController): void;
  requestUpdate(): void;
  token?: string;
  tokenUrl?: string;
  readonly client: PortalClient;
  /** A (new) token is in hand: load with it. */
  tokenReady(): void;
  /** No usable token any more. */
  tokenExpired(): void;
  /** Getting a token failed: from token-url, or (`link`) exchanging a sign-in code. */
  tokenFailed(e: unknown, link: boolean): void;
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

  constructor(private host: TokenHost) {
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
    const h = this.host;
    const code = /[#&]creem_code=([^&]*)/.exec(location.hash);
    if (h.tokenUrl) void this.fetchToken(true);
    else if (h.token) this.use(h.token, jwtExp(h.token), true);
    else if (code) void this.exchange(safeDecode(code[1]));
    else if (this.session) this.use(...this.session, true);
    else {
      this.token = undefined;
      h.requestUpdate();
    }
  }

  private use(token: string, exp: number | undefined, load: boolean) {
    const h = this.host;
    this.token = token;
    if (exp) {
      const wait = exp * 1000 - Date.now() - (h.tokenUrl ? REFRESH_EARLY : 0);
      this.timer = setTimeout(() => (h.tokenUrl ? this.fetchToken(false) : this.expire()), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    }
    if (load) h.tokenReady();
  }

  private async fetchToken(load: boolean) {
    const h = this.host;
    const signal = this.ctl!.signal;
    this.fetchedAt = Date.now();
    try {
      const url = new URL(h.tokenUrl!, location.href);
      if (url.origin !== location.origin) throw new Error('token-url must be same-origin');
      const res = await fetch(url, { credentials: 'same-origin', signal });
      if (!res.ok) throw new Error(`token-url: ${res.status}`);
      const { token } = (await res.json()) as { token: string };
      clearTimeout(this.timer);
      this.use(token, jwtExp(token), load);
    } catch (e) {
      if (!signal.aborted) h.tokenFailed(e, false);
    }
  }

  private async exchange(code: string) {
    const h = this.host;
    // Drop the single-use code from the address bar before anything else can copy it.
    const rest = location.hash.slice(1).split('&').filter((p) => !p.startsWith('creem_code=')).join('&');
    history.replaceState(history.state, '', location.href.split('#')[0] + (rest ? `#${rest}` : ''));
    try {
      const r = await h.client.exchangeSession({ code }, this.ctl!.signal);
      this.session = [r.token, Date.parse(r.expires_at) / 1000];
      this.use(...this.session, true);
    } catch (e) {
      if (!this.ctl!.signal.aborted) h.tokenFailed(e, true);
    }
  }

  /** A plain token ran out, or the server answered 401. */
  expire() {
    const h = this.host;
    clearTimeout(this.timer);
    // After a 401 a token-url gets one fresh try; a token just fetched and still refused means signed out.
    if (h.tokenUrl && Date.now() - this.fetchedAt > 5000) {
      void this.fetchToken(true);
      return;
    }
    this.token = this.session = undefined;
    h.tokenExpired();
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
