import { css } from 'lit';

/** Forms: the cancel survey, plan and quantity choice, payment requests, billing details, sign-in. */
export const formStyles = css`
  form,
  fieldset {
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
`;
