import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { LIMITS } from '../../contract/values.js';
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
      <p>${msg(str`We sent a sign-in link to ${p.sent}. It expires in 10 minutes.`)}</p>
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
