import type { PortalSubscription } from '../contract/portal.js';

/**
 * Across the trip to a checkout and back (a full page load in this tab, or a popup): which
 * subscriptions the customer had when they left, so the new one is recognised on return. Kept in
 * sessionStorage, per tab, until the new one is seen or the element gives up looking; ids only,
 * nothing a customer typed.
 */
const KEY = 'creem-portal:checkout';
/** The popup's window name. */
export const CHECKOUT_WINDOW = 'creem-checkout';
/** Marks a return URL as a popup's: the page it lands on tells the opener and closes. */
const POPUP_MARK = 'creem_checkout';

interface Note {
  customer: string;
  ids: string[];
}

const read = (): Note | undefined => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};
/** Given up waiting (the checkout was left unpaid): the next visit is a plain one. */
export const forgetCheckout = (): void => {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: nothing was kept
  }
};

/** Where the checkout sends the customer back: this page (the server drops an earlier checkout's redirect parameters). */
export function checkoutReturnUrl(popup: boolean): string {
  const url = new URL(location.href.split('#')[0]!);
  url.searchParams.delete(POPUP_MARK);
  if (popup) url.searchParams.set(POPUP_MARK, 'popup');
  return url.href;
}

/** Leaving for a checkout: the subscriptions there are now. */
export function leaveForCheckout(customer: string, subscriptions: PortalSubscription[]) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ customer, ids: subscriptions.map((s) => s.id) } satisfies Note));
  } catch {
    // storage unavailable (private mode): the new subscription still shows, only unannounced
  }
}

/**
 * Back: the subscription that was not there before, or the one a popup named (the note is spent);
 * `'waiting'` while one is expected but not seen yet (the payment provider may tell the server a
 * moment later), else undefined.
 */
export function backFromCheckout(customer: string, subscriptions: PortalSubscription[], named?: string): PortalSubscription | 'waiting' | undefined {
  if (named) {
    const sub = subscriptions.find((s) => s.id === named);
    if (sub) forgetCheckout();
    return sub ?? 'waiting';
  }
  const note = read();
  if (!note || note.customer !== customer) return undefined;
  const fresh = subscriptions.find((s) => !note.ids.includes(s.id));
  if (fresh) forgetCheckout();
  return fresh ?? 'waiting';
}

/**
 * In the checkout's popup, back on the merchant's page: tell the page that opened it which
 * subscription started, and close. A checkout page's opener policy may have cut the popup off from
 * its opener, so the word goes over a same-origin channel, not `window.opener`.
 */
export function closeCheckoutWindow() {
  const params = new URLSearchParams(location.search);
  if (params.get(POPUP_MARK) !== 'popup' || !params.has('checkout_id')) return;
  const channel = new BroadcastChannel(KEY);
  channel.postMessage({ subscription_id: params.get('subscription_id') });
  channel.close();
  window.close();
}

/**
 * In the opener: `back` with the subscription a popup's return page named, until the returned stop
 * is called. The name is only looked up among the customer's own subscriptions.
 */
export function listenForCheckout(back: (subscriptionId: string | undefined) => void): () => void {
  const channel = new BroadcastChannel(KEY);
  channel.onmessage = (e: MessageEvent<{ subscription_id?: unknown } | null>) => {
    const id = e.data?.subscription_id;
    back(typeof id === 'string' ? id : undefined);
  };
  return () => channel.close();
}
