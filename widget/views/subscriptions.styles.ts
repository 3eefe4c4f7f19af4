import { css } from 'lit';

/** The subscription list: cards, status badges, the ending and pause banners. */
export const subscriptionsStyles = css`
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
`;
