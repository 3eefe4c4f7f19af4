import { html, nothing } from 'lit';
import { msg, str } from '../localize.js';
import { LIMITS, SIGN_IN_LINK_MINUTES } from '../../contract/values.js';
import { plural } from '../i18n.js';
import type { SessionPreview } from '../../contract/portal.js';
import type { ViewState } from '../portal-types.js';
import { formValues } from './sheet-frame.js';
import { renderSkeleton } from './states.js';

export interface SignInProps extends ViewState {
  /** Offer sign-in by email (a merchant id and no token source). */
  offer: boolean;
  /** The session ran out (rather than never started). */
  expired: boolean;
  /** A link was sent to this address. */
  sent?: string;
  /** Why signing in failed (an expired link…). */
  error?: string;
  requestLink(email: string): void;
  /** Back to the form, to use another address. */
  restart(): void;
}

/** No token (yet, or any more): the sign-in form when it is offered, else what is going on. */
export function renderSignedOut(p: SignInProps) {
  if (!p.offer) {
    if (p.expired) return html`<p role="alert">${msg('Your session has expired.')}</p>`;
    return p.error ? html`<p role="alert">${p.error}</p>` : renderSkeleton();
  }
  if (p.sent)
    return html`<div class="stack">
      <h3>${msg('Check your email')}</h3>
      <p>
        ${plural(p.locale, SIGN_IN_LINK_MINUTES, {
          one: 'We sent a sign-in link to {1}. It expires in {0} minute.',
          other: 'We sent a sign-in link to {1}. It expires in {0} minutes.',
        }, p.sent)}
      </p>
      <div><button part="button" @click=${p.restart}>${msg('Use another email')}</button></div>
    </div>`;
  return html`<form @submit=${(e: Event) => p.requestLink(formValues(e).email)}>
    <h3>${msg('Sign in to manage your subscriptions')}</h3>
    ${p.expired ? html`<p role="alert">${msg('Your session has expired.')}</p>` : nothing}
    ${p.error || p.problem ? html`<p role="alert" class="err">${p.error || p.problem}</p>` : nothing}
    <label>${msg('Email')}<input name="email" type="email" required autocomplete="email" maxlength=${LIMITS.email} /></label>
    <div><button part="button" class="primary" ?disabled=${p.busy}>${msg('Email me a sign-in link')}</button></div>
  </form>`;
}

export interface ConfirmSignInProps extends ViewState, SessionPreview {
  /** Sign in as this account (spends the link). */
  accept(): void;
  /** Not this account: back to the email form (absent when the element offers none). */
  decline?(): void;
}

/** Stands for the address while the translated label is split around it. */
const SLOT = '\u0000';

/**
 * A sign-in link brought the visitor here: whose account it opens, and nothing spent until they
 * accept. Another site may link here with a code for a different account, and mail scanners run
 * scripts; naming the account and waiting for a click stops both.
 */
export function renderConfirmSignIn(p: ConfirmSignInProps) {
  // The label is split around the address so that it sits in <bdi>, left to right inside Arabic.
  const [before, after = ''] = msg(str`Continue as ${SLOT}`).split(SLOT);
  return html`<div class="stack">
    <h3>${msg(str`Sign in to ${p.merchant_name}`)}</h3>
    <p>${msg('Continue only if you asked for this sign-in link yourself.')}</p>
    <div class="row">
      <button part="button" class="primary" ?disabled=${p.busy} @click=${p.accept}>${before}<bdi>${p.email_hint}</bdi>${after}</button>
      ${p.decline ? html`<button part="button" @click=${p.decline}>${msg('Use another email')}</button>` : nothing}
    </div>
  </div>`;
}
