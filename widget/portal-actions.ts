import { msg, str } from './localize.js';
import type {
  BillingUpdate,
  ChangePreview,
  ChangeRequest,
  InvoiceRequest,
  PortalCustomer,
  PortalProduct,
  PortalSubscription,
  PortalTransaction,
  RefundRequest,
  SupportRequest,
} from '../contract/portal.js';
import { emit } from './events.js';
import { day, money } from './i18n.js';
import type { PortalClient } from './portal-client.js';
import type { CancelAnswers, Sheet } from './portal-types.js';
import { txRows } from './views/format.js';
import { CHECKOUT_WINDOW, checkoutReturnUrl } from './checkout-return.js';

/** A record as the server now has it. */
export type Stored = { subscription: PortalSubscription } | { transaction: PortalTransaction } | { customer: PortalCustomer };

/** What the actions need of the element, as callbacks: they see nothing else of it. */
export interface ActionContext {
  client: PortalClient;
  /** Where events are fired. */
  host: HTMLElement;
  /** The formatting locale. */
  locale(): string;
  merchantName(): string;
  /** Run a change: busy while pending; a failure is shown in place and reported, and gives undefined. */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  open(sheet: Sheet): void;
  close(): void;
  /** Announce a status change to assistive technology. */
  say(text: string): void;
  store(record: Stored): void;
  /** A link to show because the browser did not open it (a blocked pop-up); undefined clears it. */
  offerLink(url: string | undefined): void;
  /** Whether a checkout opens in a popup (else in this tab). */
  wantsPopup(): boolean;
  /** Off to a checkout: remember what there is now; a popup's return page is listened for. */
  leaving(popup: Window | null): void;
}

/**
 * What the customer can do, one function each: ask the page where it may object (a cancelable
 * `creem-request-…` event), call the portal API, keep what the server answered, say what happened.
 */
export function createActions(ctx: ActionContext) {
  const { client, host } = ctx;
  /** The server changed a subscription: keep it, close the sheet, say so. */
  const settled = (subscription: PortalSubscription, text: string) => {
    ctx.store({ subscription });
    ctx.close();
    ctx.say(text);
  };
  /** Show a request's outcome in the sheet and announce it. */
  const done = (tx: PortalTransaction | undefined, text: string) => {
    ctx.open({ step: 'done', tx, text });
    ctx.say(text);
  };
  return {
    open: ctx.open,
    close: ctx.close,

    /** Resume a paused subscription or undo a scheduled cancel. */
    async resume(sub: PortalSubscription) {
      const r = await ctx.run(() => client.resume(sub.id));
      if (!r) return;
      settled(r.subscription, msg(str`${sub.product.name} is active again.`));
      emit(host, 'creem-subscription-resumed', { subscription: r.subscription });
    },

    async pause(sub: PortalSubscription) {
      if (!emit(host, 'creem-request-pause', { subscription: sub }, true)) return ctx.close();
      const r = await ctx.run(() => client.pause(sub.id));
      if (!r) return;
      settled(r.subscription, msg(str`${sub.product.name} is paused.`));
      emit(host, 'creem-subscription-paused', { subscription: r.subscription });
    },

    async cancel(sub: PortalSubscription, { mode, reason, comment }: CancelAnswers) {
      if (!emit(host, 'creem-request-cancel', { subscription: sub, mode, reason }, true)) return ctx.close();
      const r = await ctx.run(() => client.cancel(sub.id, { mode, reason, ...(comment ? { comment } : {}) }));
      if (!r) return;
      const s = r.subscription;
      settled(
        s,
        s.status === 'canceled'
          ? msg(str`${sub.product.name} is canceled.`)
          : msg(str`${sub.product.name} will end on ${day(s.current_period_end_date, ctx.locale())}.`),
      );
      emit(host, 'creem-subscription-canceled', { subscription: s });
    },

    /** Ask the server what the change costs today and next time, then show it for confirmation. */
    async preview(sub: PortalSubscription, change: ChangeRequest, from: 'switch' | 'units') {
      const preview = await ctx.run(() => client.preview(sub.id, change));
      if (preview) ctx.open({ step: 'preview', sub, change, preview, from });
    },

    async change(sub: PortalSubscription, change: ChangeRequest, preview: ChangePreview) {
      if (!emit(host, 'creem-request-change', { subscription: sub, preview }, true)) return ctx.close();
      const r = await ctx.run(() => client.change(sub.id, change));
      if (!r) return;
      settled(r.subscription, msg('Your subscription was updated.'));
      emit(host, 'creem-subscription-changed', { subscription: r.subscription, transaction: r.transaction });
    },

    async copyDetails(tx: PortalTransaction) {
      const text = txRows(tx, ctx.locale())
        .map(([k, v]) => msg(str`${k}: ${v}`))
        .join('\n');
      if (await ctx.run(() => navigator.clipboard.writeText(text).then(() => true))) ctx.say(msg('Payment details copied.'));
    },

    async requestInvoice(tx: PortalTransaction, body: InvoiceRequest) {
      const r = await ctx.run(() => client.requestInvoice(body));
      if (!r) return;
      emit(host, 'creem-invoice-requested', r);
      done(tx, msg(str`Invoice requested. Reference: ${r.reference}`));
    },

    async contactSupport(tx: PortalTransaction | undefined, body: SupportRequest) {
      const r = await ctx.run(() => client.support(body));
      if (!r) return;
      emit(host, 'creem-support-requested', r);
      done(tx, msg(str`Message sent. Your reference number is ${r.reference}.`));
    },

    async requestRefund(tx: PortalTransaction, body: RefundRequest) {
      if (!emit(host, 'creem-request-refund', { transaction: tx }, true)) return ctx.close();
      const r = await ctx.run(() => client.requestRefund(body));
      if (!r) return;
      const refunded = r.outcome === 'refunded';
      ctx.store({ transaction: { ...tx, refund_request: { reference: r.reference, status: r.outcome }, status: refunded ? 'refunded' : tx.status } });
      emit(host, 'creem-refund-requested', { ...r, transaction_id: tx.id });
      const ended = r.canceled_subscription;
      if (ended) {
        ctx.store({ subscription: ended });
        emit(host, 'creem-subscription-canceled', { subscription: ended });
      }
      done(
        tx,
        refunded
          ? msg(str`Refunded ${money(r.refund_amount, tx.currency, ctx.locale())}. It can take 5 to 10 days to show on your statement.`) +
              (ended ? ` ${msg(str`${ended.product.name} is canceled.`)}` : '')
          : msg(str`Your request ${r.reference} was sent to ${ctx.merchantName()}. You will get an answer by email.`),
      );
    },

    /** Send only what changed; the server starts a confirmation by link for a new email. */
    async saveBilling(update: BillingUpdate) {
      if (Object.keys(update).length) {
        const r = await ctx.run(() => client.updateBilling(update));
        if (!r) return;
        ctx.store({ customer: r.customer });
        if (update.email && r.customer.pending_email)
          return ctx.say(msg(str`Confirmation sent to ${r.customer.pending_email}. Your email changes once you confirm.`));
      }
      ctx.say(msg('Billing details saved.'));
    },

    /** The payment provider's own page, in a new tab; where a pop-up is blocked, a link to follow instead. */
    async manageBilling() {
      // Opened now, while the click still counts as the customer's: one opened after the request would be blocked.
      const win = window.open('', '_blank');
      const r = await ctx.run(() => client.manageLink());
      const url = r && /^https?:\/\//i.test(r.url) ? r.url : undefined;
      if (!url || !win) {
        win?.close();
        return ctx.offerLink(url);
      }
      win.opener = null;
      win.location.href = url;
      ctx.offerLink(undefined);
    },

    /** A checkout for a new subscription to `plan`, coming back to this page once paid. */
    async subscribe(plan: PortalProduct) {
      // Opened now, while the click still counts as the customer's; blocked, the checkout takes this tab.
      const popup = ctx.wantsPopup() ? window.open('', CHECKOUT_WINDOW, 'popup,width=520,height=760') : null;
      const r = await ctx.run(() => client.subscribe({ product_id: plan.id, return_url: checkoutReturnUrl(!!popup) }));
      if (!r || !/^https?:\/\//i.test(r.checkout_url)) return void popup?.close();
      ctx.leaving(popup);
      if (popup) popup.location.href = r.checkout_url;
      else location.assign(r.checkout_url);
    },

    /** Ask for a sign-in link by email; the link brings the customer back here with `#creem_code=…`. */
    async requestLink(merchantId: string, email: string) {
      const body = { merchant_id: merchantId, email, return_url: location.href.split('#')[0], locale: ctx.locale() };
      const sent = !!(await ctx.run(() => client.requestMagicLink(body).then(() => true)));
      if (sent) ctx.say(msg('Check your email'));
      return sent;
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
