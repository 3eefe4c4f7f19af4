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
    border-bottom: 1px solid var(--_border);
  }
`;
