import { css } from 'lit';

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

/** @cssprop names are documented on the element (creem-portal.ts). */
export const styles = css`
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
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_s) / 2);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_r);
    padding: calc(var(--_s) * 0.75);
    background: var(--_bg);
  }
  .card > * + * {
    margin-top: 0.375rem;
  }
  .banner {
    background: var(--_surface);
    border-inline-start: 4px solid var(--_warn);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
    border-radius: var(--_r);
  }
  [part~='badge'] {
    display: inline-block;
    font-size: 0.8125rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_c, var(--_muted));
    background: color-mix(in srgb, var(--_c, var(--_muted)) 12%, var(--_bg));
  }
  .ok {
    --_c: var(--_ok);
  }
  .warn {
    --_c: var(--_warn);
  }
  .bad {
    --_c: var(--_bad);
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
  @media (prefers-reduced-motion: no-preference) {
    .skeleton div {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
    [part~='sheet'] {
      animation: slide 0.2s ease-out;
    }
    /* In right-to-left layouts the sheet sits on the left: slide in from that side. */
    [dir='rtl'] [part~='sheet'] {
      animation-name: slide-rtl;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  @keyframes slide {
    from {
      transform: translateX(2rem);
    }
  }
  @keyframes slide-rtl {
    from {
      transform: translateX(-2rem);
    }
  }
  .scrim {
    position: fixed;
    inset: 0;
    background: rgb(0 0 0 / 0.45);
    z-index: 9998;
  }
  [part~='sheet'] {
    position: fixed;
    inset: 0 0 0 auto;
    width: min(30rem, 100%);
    box-sizing: border-box;
    overflow: auto;
    z-index: 9999;
    background: var(--_bg);
    color: var(--_fg);
    padding: var(--_s);
    box-shadow: 0 0 2rem rgb(0 0 0 / 0.3);
  }
  [dir='rtl'] [part~='sheet'] {
    inset: 0 auto 0 0;
  }
  @media (max-width: 40rem) {
    [part~='sheet'] {
      inset: 0;
      width: 100%;
    }
  }
  form,
  fieldset,
  .stack {
    display: grid;
    gap: 0.75rem;
  }
  .cols {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
    gap: 0.75rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_r);
    margin: 0;
    gap: 0.25rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
  }
  label:has(> [type='radio']) {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_r);
    background: var(--_bg);
    color: var(--_fg);
    box-sizing: border-box;
  }
  [type='radio'] {
    accent-color: var(--_accent);
    min-height: 0;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem 0.25rem;
    border-bottom: 1px solid var(--_border);
  }
  @media print {
    .base > :not(.sheet-wrap),
    .scrim,
    button {
      display: none;
    }
    [part~='sheet'] {
      position: static;
      box-shadow: none;
    }
  }
`;
