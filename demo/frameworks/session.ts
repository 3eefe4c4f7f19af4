/**
 * The framework pages' stand-in for a merchant's login: sign in as `?customer=` (or the first demo customer),
 * then ask the merchant backend for a widget token, exactly as a real page would hand one to the element.
 */
export async function demoToken(): Promise<string> {
  const wanted = new URLSearchParams(location.search).get('customer');
  if (!wanted) {
    const existing = await fetch('/demo/api/token');
    if (existing.ok) return ((await existing.json()) as { token: string }).token;
  }
  const { customers } = (await (await fetch('/demo/api/customers')).json()) as { customers: { id: string }[] };
  const customerId = wanted ?? customers[0]?.id;
  const signIn = await fetch('/demo/api/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_id: customerId }),
  });
  if (!signIn.ok) throw new Error(`demo sign-in failed: ${signIn.status}`);
  const res = await fetch('/demo/api/token');
  if (!res.ok) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** "creem-ready: 2 subscriptions" — what the framework's handler saw, shown outside the element. */
export function describeEvent(e: Event): string {
  const d = (e as CustomEvent).detail ?? {};
  if (d.subscriptions) return `${e.type}: ${d.subscriptions.length} subscription(s) for ${d.customer?.email}`;
  if (d.subscription) return `${e.type}: ${d.subscription.id} is ${d.subscription.status}`;
  return e.type;
}
