// The demo merchant's account page: "sign in" as a seeded customer (a cookie, as a real site's
// login would set), then let <creem-portal> fetch its token from the site's own token-url.
const select = document.getElementById('customer');
const portal = document.getElementById('portal');

async function signIn(customerId) {
  await fetch('/demo/api/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_id: customerId }),
  });
  // Re-setting token-url makes the element fetch a token for the new customer.
  portal.removeAttribute('token-url');
  portal.setAttribute('token-url', '/demo/api/token');
}

const { customers } = await (await fetch('/demo/api/customers')).json();
for (const c of customers) select.append(new Option(`${c.name} <${c.email}>`, c.id));
const initial = new URLSearchParams(location.search).get('customer') ?? customers[0]?.id;
if (initial) {
  select.value = initial;
  await signIn(initial);
}
select.addEventListener('change', () => signIn(select.value));
