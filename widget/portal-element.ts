import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { ApiError } from './api.js';
import { emit } from './events.js';
import { FocusTrap } from './focus-trap.js';
import { textDirection } from '../contract/locales.js';
import { resolveLocale, useLocale } from './i18n.js';
import type { OverviewResponse, PortalSubscription, PortalTransaction, TransactionsResponse } from '../contract/portal.js';
import { createPortalClient } from './portal-client.js';
import { styles } from './portal.styles.js';
import { TokenController } from './token-controller.js';
import { renderBilling } from './views/billing-view.js';
import { renderPaymentSheet, type PaymentStep } from './views/payment-sheet.js';
import { renderPayments } from './views/payments-view.js';
import { renderSignIn } from './views/sign-in-view.js';
import { renderError, renderSkeleton } from './views/states.js';
import { renderSubscriptionSheet, type SubscriptionStep } from './views/subscription-sheet.js';
import { renderSubscriptions } from './views/subscriptions-view.js';

export type View = 'subscriptions' | 'payments' | 'billing';
export type Flow = 'cancel' | 'switch' | 'units' | 'pause';
export type Theme = 'light' | 'dark' | 'auto';

/** The open sheet: one subscription or one payment, and the step shown. */
export interface Sheet {
  sub?: PortalSubscription;
  tx?: PortalTransaction;
  step: SubscriptionStep | PaymentStep;
  /** Data the current step carries forward (chosen mode, reason, preview…). */
  data?: Record<string, unknown>;
}

// Where the classic script came from, known only while it first runs; the ES module falls back to the page.
const scriptOrigin = (() => {
  try {
    return new URL((document.currentScript as HTMLScriptElement).src).origin;
  } catch {
    return undefined;
  }
})();

/** Logic of `<creem-portal>`; the public API is documented on `CreemPortalElement`. */
export class PortalElement extends LitElement {
  static override properties = {
    token: {},
    tokenUrl: { attribute: 'token-url' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: {},
    merchant: {},
    view: {},
    subscriptionId: { attribute: 'subscription-id' },
    flow: {},
  };
  static override styles = styles;

  /** A widget token minted by the merchant's backend (`POST /v1/widget-tokens`). */
  token?: string;
  /** A same-origin URL answering `{token}`; fetched at start and shortly before each expiry. */
  tokenUrl?: string;
  /** Origin of the Creem portal server. Default: where the classic script was loaded from, else this page. */
  apiBase?: string;
  /** BCP 47 locale. Default: the page's `<html lang>`, then the browser's language. */
  locale?: string;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: Theme = 'light';
  /** Merchant id: with no token, offers sign-in by emailed link. */
  merchant?: string;
  /** First view: `subscriptions`, `payments` or `billing`. */
  view: View = 'subscriptions';
  /** With `flow`, opens that subscription's flow straight away. */
  subscriptionId?: string;
  /** `cancel`, `switch`, `units` or `pause`, for `subscription-id`. */
  flow?: Flow;

  /** @internal The portal API, typed by the contract; a 401 for the current token ends the session. */
  client = createPortalClient({
    base: () => this.base,
    token: () => this.auth.token,
    signal: () => this.conn!.signal,
    refused: () => this.auth.expire(),
  });
  /** @internal */ auth = new TokenController(this);
  /** @internal */ trap = new FocusTrap(this, () => this.closeSheet());
  /** @internal */ overview = new Task<[], OverviewResponse>(this, {
    task: (_, { signal }) => this.client.overview(signal),
    autoRun: false,
    onComplete: (o) => this.loaded(o),
    onError: (e) => this.fail(e),
  });
  /** @internal */ payments = new Task<[], TransactionsResponse>(this, {
    task: (_, { signal }) => this.client.transactions(signal),
    autoRun: false,
    onError: (e) => this.fail(e),
  });
  /** @internal */ sheet?: Sheet;
  /** @internal */ busy = false;
  /** @internal Error shown inside the sheet or a form. */ problem = '';
  /** @internal Text for the polite live region. */ live = '';
  /** @internal */ expired = false;
  /** @internal Sign-in state: link sent to this address, or an error. */ signIn: { sent?: string; error?: string } = {};
  /** @internal Resolved locale. */ loc = 'en';
  private conn?: AbortController;
  private deepLinked = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** @internal */ get base() {
    return (this.apiBase || scriptOrigin || location.origin).replace(/\/+$/, '');
  }

  override connectedCallback() {
    this.conn = new AbortController();
    super.connectedCallback();
    addEventListener('online', () => this.retry(), { signal: this.conn.signal });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.conn?.abort();
    this.overview.abort();
    this.payments.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') || !this.hasUpdated) {
      // Text comes from the catalog; numbers and dates keep the regional variant asked for.
      const { catalog, format } = resolveLocale(this.locale || document.documentElement.lang || navigator.language);
      this.loc = format;
      void useLocale(catalog, this.base);
    }
    if (!this.hasUpdated) return;
    if (changed.has('token') || changed.has('tokenUrl')) this.auth.start();
    else if (changed.has('apiBase')) this.reload();
    if (changed.has('view')) this.loadView();
  }

  /** @internal */ tokenReady() {
    this.expired = false;
    this.reload();
  }

  /** @internal */ tokenExpired() {
    this.expired = true;
    this.sheet = undefined;
    this.overview.abort();
    this.payments.abort();
    emit(this, 'creem-token-expired', {});
    this.requestUpdate();
  }

  /** @internal */ tokenFailed(e: unknown, link: boolean) {
    this.signIn = { error: link ? msg('This sign-in link has expired or was already used. Request a new one.') : this.describe(e) };
    this.fail(e);
    this.requestUpdate();
  }

  /** @internal Load everything again (new token, new server, retry). */
  reload() {
    this.sheet = undefined;
    if (!this.auth.token) return;
    void this.overview.run();
    if (this.payments.status !== TaskStatus.INITIAL || this.view === 'payments') void this.payments.run();
  }

  /** @internal */ retry() {
    if (this.overview.status === TaskStatus.ERROR) this.reload();
    else if (this.payments.status === TaskStatus.ERROR) void this.payments.run();
  }

  private loadView() {
    if (this.view === 'payments' && this.auth.token && this.payments.status === TaskStatus.INITIAL) void this.payments.run();
  }

  private loaded(o: OverviewResponse) {
    const brand = o.merchant.brand_color;
    if (/^#[0-9a-f]{6}$/i.test(brand)) {
      // Custom properties on the host: no style attribute string, no inline <style>, CSP-safe.
      this.style.setProperty('--_brand', brand);
      this.style.setProperty('--_brand-fg', luminance(brand) > 0.18 ? '#111318' : '#fff');
    }
    emit(this, 'creem-ready', { customer: o.customer, subscriptions: o.subscriptions });
    const sub = o.subscriptions.find((s) => s.id === this.subscriptionId);
    if (sub && this.flow && !this.deepLinked) {
      this.deepLinked = true;
      this.openSheet({ sub, step: this.flow });
    }
  }

  /** @internal Report a failure to the page (aborts are not failures). */
  fail(e: unknown) {
    if ((e as Error)?.name === 'AbortError' || this.conn?.signal.aborted) return;
    const status = e instanceof ApiError ? e.status : 0;
    if (status !== 401) emit(this, 'creem-error', { status, message: String((e as Error)?.message ?? e) });
  }

  /** @internal What to tell the customer about an error. */
  describe(e: unknown): string {
    if ((e instanceof ApiError && e.offline) || !navigator.onLine) return msg('You appear to be offline. Check your connection and try again.');
    return [msg('Something went wrong.'), e instanceof ApiError ? e.message : ''].join(' ').trim();
  }

  /** @internal Run a change: busy while pending, errors shown in place. */
  async act<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.problem = '';
    this.requestUpdate();
    try {
      return await work();
    } catch (e) {
      if (!this.conn?.signal.aborted) this.problem = this.describe(e);
      this.fail(e);
      return undefined;
    } finally {
      this.busy = false;
      this.requestUpdate();
    }
  }

  /** @internal Put a subscription the server returned in place of the old one. */
  replace(sub: PortalSubscription) {
    const o = this.overview.value;
    if (o) o.subscriptions = o.subscriptions.map((s) => (s.id === sub.id ? sub : s));
    this.requestUpdate();
  }

  /** @internal Announce a status change to assistive technology. */
  say(text: string) {
    this.live = text;
    this.requestUpdate();
  }

  /** @internal */ openSheet(sheet: Sheet) {
    if (!this.sheet) this.trap.open();
    else this.trap.step();
    this.sheet = sheet;
    this.problem = '';
    this.requestUpdate();
  }

  /** @internal */ closeSheet() {
    if (!this.sheet) return;
    this.sheet = undefined;
    this.problem = '';
    this.trap.closed();
    this.requestUpdate();
  }

  /** @internal */ show(view: View) {
    this.view = view;
    this.problem = '';
  }

  protected override render() {
    const o = this.overview.value;
    const tab = (v: View, label: string) =>
      html`<button part="button tab" aria-current=${this.view === v ? 'page' : 'false'} @click=${() => this.show(v)}>
        ${label}
      </button>`;
    return html`<div
      part="base"
      class="base ${this.theme === 'dark' || this.theme === 'auto' ? this.theme : ''}"
      dir=${textDirection(this.loc)}
      lang=${this.loc}
    >
      <header part="header" ?inert=${!!this.sheet}>
        <h2 tabindex="-1">${o?.merchant.name ?? msg('Customer portal')}</h2>
        ${this.auth.token && !this.expired
          ? html`<nav aria-label=${msg('Customer portal')} class="row">
              ${tab('subscriptions', msg('Subscriptions'))} ${tab('payments', msg('Payments'))}
              ${tab('billing', msg('Billing details'))}
            </nav>`
          : nothing}
      </header>
      <div class="sr" role="status" aria-live="polite">${this.live}</div>
      <main ?inert=${!!this.sheet}>${this.renderBody()}</main>
      ${this.sheet
        ? html`<div class="sheet-wrap">
            <div class="scrim" @click=${() => this.closeSheet()}></div>
            <section part="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" @keydown=${this.trap.keydown}>
              ${this.sheet.sub ? renderSubscriptionSheet(this, this.sheet) : renderPaymentSheet(this, this.sheet)}
            </section>
          </div>`
        : nothing}
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    if (this.expired || !this.auth.token) {
      if (this.merchant && !this.tokenUrl && !this.token) return renderSignIn(this);
      return this.expired
        ? html`<p role="alert">${msg('Your session has expired.')}</p>`
        : this.signIn.error
          ? html`<p role="alert">${this.signIn.error}</p>`
          : renderSkeleton();
    }
    const o = this.overview.value;
    if (this.overview.status === TaskStatus.ERROR) return renderError(this, this.overview.error);
    if (!o || this.overview.status === TaskStatus.PENDING) return renderSkeleton();
    if (this.view === 'payments') {
      return this.payments.render({
        initial: renderSkeleton,
        pending: renderSkeleton,
        complete: (r) => renderPayments(this, o, r.items),
        error: (e) => renderError(this, e),
      }) as TemplateResult;
    }
    return this.view === 'billing' ? renderBilling(this, o) : renderSubscriptions(this, o);
  }
}

/** Relative luminance of a #rrggbb colour (WCAG), to pick readable text on the brand colour. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
