import { css } from 'lit';

/** The manage sheet: side sheet (full screen when narrow), its scrim, motion, detail lists and print. */
export const sheetStyles = css`
  @media (prefers-reduced-motion: no-preference) {
    [part~='sheet'] {
      animation: slide 0.2s ease-out;
    }
    /* In right-to-left layouts the sheet sits on the left: slide in from that side. */
    [dir='rtl'] [part~='sheet'] {
      animation-name: slide-rtl;
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
