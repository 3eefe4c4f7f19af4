import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from './localize.js';
import { negotiate, textDirection } from '../contract/locales.js';
import type { OverviewResponse } from '../contract/portal.js';
import { ApiError, describeError } from './api.js';
import { applyBrand } from './brand.js';
import { emit } from './events.js';
import { backFromCheckout, closeCheckoutWindow, forgetCheckout, leaveForCheckout, listenForCheckout } from './checkout-return.js';
import { FocusTrap } from './focus-trap.js';
import { useLocale, warmFormatters } from './i18n.js';
import { createActions, type Stored } from './portal-actions.js';
import { createPortalClient, serverOrigin } from './portal-client.js';
import { isFlow, isSubscriptionSheet, type Flow, type Sheet, type Theme, type View, type ViewState } from './portal-types.js';
import { styles } from './portal.styles.js';
import { RemoteController } from './remote-controller.js';
import { TokenController } from './token-controller.js';
import { renderBilling } from './views/billing-view.js';
import { loadCountries } from './views/country-field.js';
import { renderPaymentSheet } from './views/payment-sheet.js';
import { renderPayments } from './views/payments-view.js';
import { sheetDialog } from './views/sheet-frame.js';
import { renderConfirmSignIn, renderSignedOut } from './views/sign-in-view.js';
import { renderError, renderSkeleton } from './views/states.js';
import { renderSubscriptionSheet } from './views/subscription-sheet.js';
import { renderSubscriptions } from './views/subscriptions-view.js';

export type { Flow, Theme, View } from './portal-types.js';

const state = { state: true } as const;
/**
 * How long the first screen waits for its data before it shows a skeleton (ms), a tenth of a
 * second, what still reads as instant. Until then nothing is drawn: a quick answer is drawn at once,
 * without a skeleton flashing before it. The first render stays cheap, and the browser sends the
 * overview request only once the task that made it (connecting, first render included) has ended.
 */
const SKELETON_DELAY = 100;
/**
 * Internal reactive state: a change re-renders; no attribute, not public. Spread into `properties`
 * rather than listed there: the manifest analyzer documents listed entries as attributes.
 */
const internalState = { sheet: state, busy: state, problem: state, live: state, expired: state, signIn: state, manageUrl: state, draftCountry: state };

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
    checkoutTarget: { attribute: 'checkout-target' },
    ...internalState,
  };
  static override styles = styles;

  /** A widget token minted by the merchant's backend (`POST /v1/widget-tokens`). */
  token?: string;
  /** A same-origin URL answering `{token}`; fetched at start and shortly before each expiry. */
  tokenUrl?: string;
  /** Origin of the Creem portal server. Default: where the classic script was loaded from, else this page. */
  apiBase?: string;
  /** BCP 47 locale. Default: the `lang` of the closest ancestor (`<html lang>`), then the browser's languages. */
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
  /** Where a checkout for a new subscription opens: `self` (this tab, the default) or `popup`. */
  checkoutTarget: 'self' | 'popup' = 'self';

  private sheet?: Sheet;
  /** A change is on its way. */
  private busy = false;
  /** Error shown inside the sheet or a form. */
  private problem = '';
  /** Text for the polite live region. */
  private live = '';
  private expired = false;
  /** Sign-in state: link sent to this address, or an error. */
  private signIn: { sent?: string; error?: string } = {};
  /** The payment provider's page, when the browser blocked opening it. */
  private manageUrl?: string;
  /** The country picked in the billing form, not saved yet. */
  private draftCountry?: string;
  /** Formatting locale: the catalog's, or the exact regional tag asked for. */
  #loc = 'en';
  #conn?: AbortController;
  #deepLinked = false;
  /** Looks again for a subscription expected back from a checkout, a few times. */
  #lookAgain = 0;
  #stopListening: (() => void) | undefined;
  /** Until SKELETON_DELAY after first connecting: nothing is drawn while the overview is on its way. */
  #holding = true;

  #client = createPortalClient({
    base: () => serverOrigin(this.apiBase),
    token: () => this.#auth.token,
    signal: () => this.#conn!.signal,
    refused: () => this.#auth.expire(),
    lang: () => this.#loc,
  });
  #auth = new TokenController(this, {
    attributes: () => ({ token: this.token, tokenUrl: this.tokenUrl }),
    preview: (code, signal) => this.#client.previewSession({ code }, signal),
    exchange: (code, signal) => this.#client.exchangeSession({ code }, signal),
    ready: () => {
      this.expired = false;
      this.#reload();
    },
    expired: () => this.#tokenExpired(),
    failed: (e, link) => {
      this.signIn = { error: link ? msg('This sign-in link has expired or was already used. Request a new one.') : describeError(e) };
      this.#fail(e);
    },
  });
  #trap = new FocusTrap(this, () => this.#closeSheet());
  /** The first screen's data, with what the server has changed since. */
  #overview = new RemoteController(this, (signal) => this.#client.overview(signal), {
    complete: (o) => this.#loaded(o),
    error: (e) => this.#fail(e),
  });
  #payments = new RemoteController(this, async (signal) => (await this.#client.transactions(signal)).items, {
    error: (e) => this.#fail(e),
  });
  /** Country codes and hints for the billing form: fetched the first time it shows. */
  #countries = new RemoteController(this, () => loadCountries(serverOrigin(this.apiBase)));
  #actions = createActions({
    client: this.#client,
    host: this,
    locale: () => this.#loc,
    merchantName: () => this.#overview.value?.merchant.name ?? '',
    run: (work) => this.#run(work),
    open: (sheet) => this.#openSheet(sheet),
    close: () => this.#closeSheet(),
    say: (text) => (this.live = text),
    store: (record) => this.#store(record),
    offerLink: (url) => (this.manageUrl = url),
    wantsPopup: () => this.checkoutTarget === 'popup',
    leaving: (popup) => {
      const o = this.#overview.value;
      if (o) leaveForCheckout(o.customer.id, o.subscriptions);
      this.#lookAgain = 0;
      if (!popup) return;
      this.#stopListening?.();
      this.#stopListening = listenForCheckout((id) => {
        this.#lookAgain = 0;
        void this.#refresh(id);
      });
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback() {
    closeCheckoutWindow();
    this.#conn = new AbortController();
    // Before the controllers start: the first request already says which language is shown.
    this.#pickLocale();
    super.connectedCallback();
    addEventListener('online', () => this.#retry(), { signal: this.#conn.signal });
    // After this task, so the first request has gone out: Intl's data loads while it is in flight.
    const locale = this.#loc;
    setTimeout(() => warmFormatters(locale), 0);
    if (this.#holding)
      setTimeout(() => {
        this.#holding = false;
        // Only if it was holding: drawing the same screen again would format every card again.
        if (this.#overview.status === 'pending') this.requestUpdate();
      }, SKELETON_DELAY);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#conn?.abort();
    this.#stopListening?.();
    this.#stopListening = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') && this.hasUpdated) this.#pickLocale();
    if (this.view === 'billing' && this.#countries.status === 'initial') void this.#countries.run();
    if (!this.hasUpdated) return;
    if (changed.has('token') || changed.has('tokenUrl')) this.#auth.start();
    else if (changed.has('apiBase')) this.#reload();
    if (changed.has('view') && this.view === 'payments' && this.#auth.token && this.#payments.status === 'initial') void this.#payments.run();
  }

  /**
   * The attribute, else the page's language where the element sits, else the browser's languages.
   * Text comes from the catalog; numbers and dates keep the regional variant asked for.
   */
  #pickLocale() {
    const { locale, tag } = negotiate(this.locale, this.closest<HTMLElement>('[lang]')?.lang ?? document.documentElement.lang, ...navigator.languages);
    this.#loc = tag;
    void useLocale(locale, serverOrigin(this.apiBase));
  }

  #tokenExpired() {
    this.expired = true;
    this.#closeSheet();
    this.#overview.abort();
    this.#payments.abort();
    emit(this, 'creem-token-expired', {});
  }

  /** Load everything again (new token, new server, retry). */
  #reload() {
    this.#closeSheet();
    if (!this.#auth.token) return;
    void this.#overview.run();
    if (this.#payments.status !== 'initial' || this.view === 'payments') void this.#payments.run();
  }

  #retry() {
    if (this.#overview.status === 'error') this.#reload();
    else if (this.#payments.status === 'error') void this.#payments.run();
  }

  #loaded(o: OverviewResponse) {
    applyBrand(this, o.merchant.brand_color);
    emit(this, 'creem-ready', { customer: o.customer, subscriptions: o.subscriptions });
    // After the first screen is drawn: a page's first sessionStorage read costs it a millisecond or two.
    void this.updateComplete.then(() => this.#checkBack(o));
    const sub = o.subscriptions.find((s) => s.id === this.subscriptionId);
    if (sub && isFlow(this.flow) && !this.#deepLinked) {
      this.#deepLinked = true;
      this.#openSheet({ step: this.flow, sub });
    }
  }

  /** Back from a checkout: announce the new subscription, or look again quietly while it is on its way. */
  #checkBack(o: OverviewResponse, named?: string) {
    const back = backFromCheckout(o.customer.id, o.subscriptions, named);
    if (back === 'waiting') {
      // Paid, but the server may hear of it from the payment provider a moment later.
      if (this.#lookAgain++ < 10) setTimeout(() => void this.#refresh(named), 2000);
      else forgetCheckout();
    } else if (back) {
      this.live = msg(str`You are subscribed to ${back.product.name}.`);
      emit(this, 'creem-subscription-created', { subscription: back });
    }
  }

  /** The overview again, in place: no loading state, no second creem-ready. */
  async #refresh(named?: string) {
    if (this.#conn?.signal.aborted || !this.#auth.token) return;
    try {
      const o = await this.#client.overview();
      this.#overview.set(o);
      this.#checkBack(o, named);
    } catch (e) {
      this.#fail(e);
    }
  }

  /** Keep a record as the server now has it. */
  #store(record: Stored) {
    const o = this.#overview.value;
    const txs = this.#payments.value;
    if ('transaction' in record) {
      if (txs) this.#payments.set(txs.map((t) => (t.id === record.transaction.id ? record.transaction : t)));
    } else if (o) {
      this.#overview.set(
        'customer' in record
          ? { ...o, customer: record.customer }
          : { ...o, subscriptions: o.subscriptions.map((s) => (s.id === record.subscription.id ? record.subscription : s)) },
      );
    }
  }

  /** Report a failure to the page (aborts are not failures). */
  #fail(e: unknown) {
    if ((e as Error)?.name === 'AbortError' || this.#conn?.signal.aborted) return;
    const status = e instanceof ApiError ? e.status : 0;
    if (status !== 401) emit(this, 'creem-error', { status, message: String((e as Error)?.message ?? e) });
  }

  /** Run a change: busy while pending, errors shown in place. */
  async #run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.problem = '';
    try {
      return await work();
    } catch (e) {
      if (!this.#conn?.signal.aborted) this.problem = describeError(e);
      this.#fail(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  #openSheet(sheet: Sheet) {
    if (!this.sheet) this.#trap.open();
    // A new step moves focus to its heading; the same step shown again (with a hint) leaves focus where it is.
    else if (sheet.step !== this.sheet.step) this.#trap.step();
    this.sheet = sheet;
    this.problem = '';
  }

  #closeSheet() {
    if (!this.sheet) return;
    this.sheet = undefined;
    this.problem = '';
    this.#trap.closed();
  }

  #show(view: View) {
    this.view = view;
    this.problem = '';
    this.draftCountry = undefined;
  }

  protected override render() {
    if (this.#holding && this.#overview.status === 'pending') return nothing;
    const tab = (v: View, label: string) =>
      html`<button part="button tab" aria-current=${this.view === v ? 'page' : 'false'} @click=${() => this.#show(v)}>${label}</button>`;
    const theme = this.theme === 'dark' || this.theme === 'auto' ? this.theme : '';
    return html`<div part="base" class="base ${theme}" dir=${textDirection(this.#loc)} lang=${this.#loc}>
      <header part="header" ?inert=${!!this.sheet}>
        <h2 tabindex="-1">${this.#overview.value?.merchant.name ?? msg('Customer portal')}</h2>
        ${this.#auth.token && !this.expired
          ? html`<nav aria-label=${msg('Customer portal')} class="row">
              ${tab('subscriptions', msg('Subscriptions'))} ${tab('payments', msg('Payments'))} ${tab('billing', msg('Billing details'))}
            </nav>`
          : nothing}
      </header>
      <div class="sr" role="status" aria-live="polite">${this.live}</div>
      <main ?inert=${!!this.sheet}>${this.#renderBody()}</main>
      ${this.sheet ? this.#renderSheet(this.sheet) : nothing}
    </div>`;
  }

  get #viewState(): ViewState {
    return { locale: this.#loc, busy: this.busy, problem: this.problem };
  }

  #renderBody(): TemplateResult {
    if (this.expired || !this.#auth.token) {
      const requestLink = async (email: string) => {
        if (await this.#actions.requestLink(this.merchant!, email)) this.signIn = { sent: email };
      };
      const offer = !!this.merchant && !this.tokenUrl && !this.token;
      const offered = this.#auth.offered;
      if (offered) {
        const decline = () => {
          this.#auth.decline();
          this.signIn = {};
        };
        return renderConfirmSignIn({ ...this.#viewState, ...offered.account, accept: () => this.#auth.accept(), decline: offer ? decline : undefined });
      }
      if (this.#auth.checking) return renderSkeleton();
      return renderSignedOut({ ...this.#viewState, ...this.signIn, offer, expired: this.expired, requestLink, restart: () => (this.signIn = {}) });
    }
    const o = this.#overview.value;
    if (this.#overview.status === 'error') return renderError(describeError(this.#overview.error), () => this.#retry());
    if (!o || this.#overview.status === 'pending') return renderSkeleton();
    // The views' own error line shows only while no sheet is open (the sheet shows it then).
    const props = { ...this.#viewState, ...this.#actions, problem: this.sheet ? '' : this.problem };
    if (this.view === 'payments') {
      const txs = this.#payments;
      if (txs.status === 'error') return renderError(describeError(txs.error), () => this.#retry());
      return txs.status === 'complete' && txs.value ? renderPayments({ ...props, transactions: txs.value }) : renderSkeleton();
    }
    if (this.view === 'billing')
      return renderBilling({
        ...props,
        customer: o.customer,
        merchant: o.merchant,
        manageUrl: this.manageUrl,
        draftCountry: this.draftCountry,
        countries: this.#countries.value,
        pickCountry: (code) => (this.draftCountry = code),
      });
    return renderSubscriptions({ ...props, subscriptions: o.subscriptions, plans: o.plans });
  }

  #renderSheet(sheet: Sheet) {
    const o = this.#overview.value!;
    const props = { ...this.#viewState, ...this.#actions };
    return sheetDialog(
      isSubscriptionSheet(sheet)
        ? renderSubscriptionSheet({ ...props, sheet, settings: o.merchant.settings, plans: o.plans, seats: o.merchant.settings.units })
        : renderPaymentSheet({ ...props, sheet, merchant: o.merchant, subscriptions: o.subscriptions }),
      () => this.#closeSheet(),
      this.#trap.keydown,
    );
  }
}
