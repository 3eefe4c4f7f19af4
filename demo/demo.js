// Acme Cloud's account page. "Signing in" as a seeded customer sets a session cookie, as the merchant's own
// login would; <creem-portal token-url> then gets its widget token from the merchant's backend, which mints
// it server-side with the secret API key. Signed out, the element offers sign-in by emailed link.
import { attachEventLog } from './event-log.js';
import { applyDeepLink, applyLive, fillLocales, loadQuery, readState, snippet } from './playground.js';

const SIGNED_OUT = 'signed-out';
const $ = (id) => document.getElementById(id);
const select = $('customer');
const slot = $('portal-slot');
const form = $('playground');
const params = new URLSearchParams(location.search);

const config = await (await fetch('/demo/api/customers')).json();
fillLocales(form.elements.locale, config.locales);
let signedIn = '';

attachEventLog(slot, $('event-log'), $('clear-log'));

/**
 * Configure the element for the current customer and playground state. At start the page's own element is
 * kept (it may already be exchanging a magic-link code); a new customer or deep link gets a fresh one.
 */
function mount({ reuse = false } = {}) {
  const state = readState(form);
  const el = reuse ? $('portal') : document.createElement('creem-portal');
  el.id = 'portal';
  if (signedIn) {
    el.removeAttribute('merchant');
    el.setAttribute('token-url', '/demo/api/token');
  } else {
    el.removeAttribute('token-url');
    el.setAttribute('merchant', config.merchant_id);
  }
  applyLive(el, state);
  applyDeepLink(el, state);
  if (!reuse) slot.replaceChildren(el);
  render();
}

function render() {
  const state = readState(form);
  applyLive($('portal'), state);
  $('snippet').textContent = snippet(state, config.widget.versioned_url);
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(state)) {
    if (v && !(k === 'theme' && v === 'light') && !(k === 'view' && v === 'subscriptions')) url.searchParams.set(k, v);
    else url.searchParams.delete(k);
  }
  history.replaceState(history.state, '', url);
}

async function signIn(customerId, { first = false } = {}) {
  const res =
    customerId === SIGNED_OUT
      ? await fetch('/demo/api/sign-out', { method: 'POST' })
      : await fetch('/demo/api/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customer_id: customerId }),
        });
  signedIn = res.ok && customerId !== SIGNED_OUT ? customerId : '';
  const url = new URL(location.href);
  url.searchParams.set('customer', customerId);
  history.replaceState(history.state, '', url);
  mount({ reuse: first });
}

// The subscriptions the element loaded feed the deep-link picker.
slot.addEventListener('creem-ready', (e) => {
  const picker = form.elements.subscription;
  const keep = picker.value;
  picker.replaceChildren(new Option('none', ''));
  for (const s of e.detail.subscriptions) picker.append(new Option(`${s.product.name} (${s.status})`, s.id));
  picker.value = [...picker.options].some((o) => o.value === keep) ? keep : '';
});

for (const c of config.customers) select.append(new Option(`${c.name} <${c.email}>`, c.id));
select.append(new Option('Signed out (sign in by email)', SIGNED_OUT));
$('hosted-link').href = `/portal/login?merchant=${encodeURIComponent(config.merchant_id ?? '')}`;

loadQuery(form, params);
form.addEventListener('input', (e) => {
  if (e.target.name === 'radius') form.elements.radiusOut.value = `${e.target.value}px`;
  if (!['subscription', 'flow'].includes(e.target.name)) render();
});
form.addEventListener('submit', (e) => e.preventDefault());
$('open-deep-link').addEventListener('click', () => mount());
$('copy-snippet').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copy-status').textContent = 'Copied.';
  } catch {
    $('copy-status').textContent = 'Select the text and copy it.';
  }
});
select.addEventListener('change', () => signIn(select.value));

// Coming back from a magic link (#creem_code=…): stay signed out so the element exchanges the code itself.
const initial = /[#&]creem_code=/.test(location.hash)
  ? SIGNED_OUT
  : (params.get('customer') ?? config.customers[0]?.id ?? SIGNED_OUT);
select.value = [...select.options].some((o) => o.value === initial) ? initial : SIGNED_OUT;
await signIn(select.value, { first: true });
