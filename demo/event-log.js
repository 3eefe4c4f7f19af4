// Shows every creem-* event the element fires. Listening on the element's container works because the
// element's events bubble and are composed, and it keeps working when the playground swaps the element.
export const PORTAL_EVENTS = [
  'creem-ready',
  'creem-subscription-created',
  'creem-subscription-canceled',
  'creem-subscription-resumed',
  'creem-subscription-paused',
  'creem-subscription-changed',
  'creem-refund-requested',
  'creem-support-requested',
  'creem-invoice-requested',
  'creem-token-expired',
  'creem-error',
  'creem-request-cancel',
  'creem-request-pause',
  'creem-request-change',
  'creem-request-refund',
];

/** A one-line summary of a detail, so the log stays readable. */
function summarize(detail) {
  if (!detail || typeof detail !== 'object') return '';
  const sub = detail.subscription;
  if (sub) return `${sub.id} → ${sub.status}${detail.reason ? ` (${detail.reason})` : ''}${detail.transaction ? `, ${detail.transaction.id}` : ''}`;
  if (detail.customer) return `${detail.customer.email}: ${detail.subscriptions?.length ?? 0} subscription(s)`;
  if ('status' in detail && 'message' in detail) return `${detail.status} ${detail.message}`;
  const text = JSON.stringify(detail);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function attachEventLog(container, list, clearButton) {
  for (const name of PORTAL_EVENTS) {
    container.addEventListener(name, (e) => {
      const li = document.createElement('li');
      li.dataset.event = name;
      const time = document.createElement('time');
      time.textContent = new Date().toLocaleTimeString();
      const code = document.createElement('code');
      code.textContent = name;
      const detail = document.createElement('span');
      detail.textContent = summarize(e.detail);
      li.append(time, ' ', code, ' ', detail);
      list.prepend(li);
      while (list.children.length > 50) list.lastElementChild.remove();
    });
  }
  clearButton.addEventListener('click', () => list.replaceChildren());
}
