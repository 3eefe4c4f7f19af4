import { css } from 'lit';
import { formStyles } from './views/forms.styles.js';
import { paymentsStyles } from './views/payments.styles.js';
import { sheetStyles } from './views/sheet.styles.js';
import { subscriptionsStyles } from './views/subscriptions.styles.js';

const dark = css`
  --_bg: var(--creem-portal-bg, #16181d);
  --_fg: var(--creem-portal-fg, #f3f4f6);
  --_muted: var(--creem-portal-muted, #a1a7b3);
  --_border: var(--creem-portal-border, #3a3f4b);
  --_surface: #1f232b;
  --_accent: var(--creem-portal-accent, var(--_brand, #a5b4fc));
  --_on-accent: var(--creem-portal-accent-fg, var(--_brand-fg, #111318));
  --_ok: #4ade80;
  --_warn: #fbbf24;
  --_bad: #f87171;
  color-scheme: dark;
`;

/**
 * The shell and what every view shares: tokens, themes, type, buttons, loading and error states.
 * The --creem-portal-* names are documented on the element (creem-portal.ts).
 */
const shell = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    --_bg: var(--creem-portal-bg, #fff);
    --_fg: var(--creem-portal-fg, #15171c);
    --_muted: var(--creem-portal-muted, #555c69);
    --_border: var(--creem-portal-border, #d6d9df);
    --_surface: #f6f7f9;
    --_accent: var(--creem-portal-accent, var(--_brand, #4338ca));
    --_on-accent: var(--creem-portal-accent-fg, var(--_brand-fg, #fff));
    --_ok: #15803d;
    --_warn: #b45309;
    --_bad: #b91c1c;
    --_r: var(--creem-portal-radius, 8px);
    --_s: var(--creem-portal-spacing, 1rem);
    color-scheme: light;
    background: var(--_bg);
    color: var(--_fg);
    font: 1rem/1.5 var(--creem-portal-font, system-ui, sans-serif);
    border: 1px solid var(--_border);
    border-radius: var(--_r);
    padding: var(--_s);
  }
  .dark {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .auto {
      ${dark}
    }
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  p {
    margin: 0.25rem 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_s) / 2);
    align-items: center;
  }
  .grow {
    flex: 1;
  }
  header {
    margin-bottom: var(--_s);
  }
  nav {
    margin-top: calc(var(--_s) / 2);
  }
  button,
  .btn {
    font: inherit;
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.375rem 0.875rem;
    border-radius: var(--_r);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .danger {
    background: var(--_bad);
    border-color: var(--_bad);
    color: var(--_bg);
  }
  nav button[aria-current='page'] {
    border-color: var(--_fg);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .err {
    color: var(--_bad);
  }
  .skeleton div {
    height: 4.5rem;
    border-radius: var(--_r);
    background: var(--_surface);
    margin-bottom: 0.5rem;
  }
  .stack {
    display: grid;
    gap: 0.75rem;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton div {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;

/** Every stylesheet of the element's one shadow root, in cascade order. */
export const styles = [shell, subscriptionsStyles, formStyles, paymentsStyles, sheetStyles];
