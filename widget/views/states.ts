import { html } from 'lit';
import { msg } from '@lit/localize';
import type { PortalElement } from '../portal-element.js';

export const renderSkeleton = () =>
  html`<div class="skeleton" aria-busy="true" aria-label=${msg('Loading…')} role="status">
    <div></div>
    <div></div>
  </div>`;

/** Offline or failed, with a way to try again. */
export const renderError = (p: PortalElement, e: unknown) =>
  html`<div role="alert" class="stack">
    <p>${p.describe(e)}</p>
    <div><button part="button" @click=${() => p.retry()}>${msg('Try again')}</button></div>
  </div>`;

export const renderEmpty = (text: string) => html`<p class="muted">${text}</p>`;
