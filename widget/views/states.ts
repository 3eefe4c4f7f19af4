import { html } from 'lit';
import { msg } from '../localize.js';

export const renderSkeleton = () =>
  html`<div class="skeleton" aria-busy="true" aria-label=${msg('Loading…')} role="status">
    <div></div>
    <div></div>
  </div>`;

/** Offline or failed, with a way to try again. */
export const renderError = (message: string, retry: () => void) =>
  html`<div role="alert" class="stack">
    <p>${message}</p>
    <div><button part="button" @click=${retry}>${msg('Try again')}</button></div>
  </div>`;

export const renderEmpty = (text: string) => html`<p class="muted">${text}</p>`;
