import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { LIMITS } from '../../contract/values.js';
import type { PortalElement } from '../portal-element.js';
import { formValues } from './sheet-frame.js';

/** Ask for a sign-in link by email; the link brings the customer back here with `#creem_code=…`. */
async function requestLink(p: PortalElement, e: Event) {
  const { email } = formValues(e);
  const body = { merchant_id: p.merchant!, email, return_url: location.href.split('#')[0], locale: p.loc };
  if (await p.act(() => p.client.requestMagicLink(body).then(() => true))) {
    p.signIn = { sent: email };
    p.say(msg('Check your email'));
  }
}

export function renderSignIn(p: PortalElement) {
  const s = p.signIn;
  if (s.sent)
    return html`<div class="stack">
      <h3>${msg('Check your email')}</h3>
      <p>${msg(str`We sent a sign-in link to ${s.sent}. It expires in 10 minutes.`)}</p>
      <div><button part="button" @click=${() => ((p.signIn = {}), p.requestUpdate())}>${msg('Use another email')}</button></div>
    </div>`;
  return html`<form @submit=${(e: Event) => requestLink(p, e)}>
    <h3>${msg('Sign in to manage your subscriptions')}</h3>
    ${p.expired ? html`<p role="alert">${msg('Your session has expired.')}</p>` : nothing}
    ${s.error || p.problem ? html`<p role="alert" class="err">${s.error || p.problem}</p>` : nothing}
    <label>${msg('Email')}<input name="email" type="email" required autocomplete="email" maxlength=${LIMITS.email} /></label>
    <div><button part="button" class="primary" ?disabled=${p.busy}>${msg('Email me a sign-in link')}</button></div>
  </form>`;
}
