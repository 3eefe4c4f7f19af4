import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PortalElement } from '../portal-element.js';

/** Title, close button and the error line every sheet step shares. */
export const sheetFrame = (p: PortalElement, title: string, body: TemplateResult) =>
  html`<div class="row">
      <h2 id="sheet-title" class="grow" tabindex="-1">${title}</h2>
      <button part="button" aria-label=${msg('Close')} @click=${() => p.closeSheet()}>✕</button>
    </div>
    ${p.problem ? html`<p role="alert" class="err">${p.problem}</p>` : nothing}
    <div class="stack">${body}</div>`;

/** Read a submitted form's fields. */
export function formValues(e: Event): Record<string, string> {
  e.preventDefault();
  return Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>;
}

export const back = (p: PortalElement, to: () => void, label = msg('Back')) =>
  html`<button part="button" type="button" @click=${to}>${label}</button>`;
