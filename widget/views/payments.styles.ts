import { css } from 'lit';

/** The payments table. */
export const paymentsStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem 0.25rem;
    /* Order IDs and long headings break rather than push the table past a 320 px screen. */
    overflow-wrap: anywhere;
    border-bottom: 1px solid var(--_border);
  }
`;
