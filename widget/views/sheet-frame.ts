import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../localize.js';

/** The modal side sheet around a step: a scrim that closes it, and the focus trap's keys. */
export const sheetDialog = (content: TemplateResult, close: () => void, keydown: (e: KeyboardEvent) => void) =>
  html`<div class="sheet-wrap">
    <div class="scrim" @click=${close}></div>
    <section part="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" @keydown=${keydown}>${content}</section>
  </div>`;

/** Title, close button and the error line every sheet step shares. */
export const sheetFrame = (title: string, body: TemplateResult, problem: string, close: () => void) =>
  html`<div class="row">
      <h2 id="sheet-title" class="grow" tabindex="-1">${title}</h2>
      <button part="button" aria-label=${msg('Close')} @click=${close}>✕</button>
    </div>
    ${problem ? html`<p role="alert" class="err">${problem}</p>` : nothing}
    <div class="stack">${body}</div>`;

/** Read a submitted form's fields. */
export function formValues(e: Event): Record<string, string> {
  e.preventDefault();
  return Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>;
}

export const back = (to: () => void, label = msg('Back')) => html`<button part="button" type="button" @click=${to}>${label}</button>`;
