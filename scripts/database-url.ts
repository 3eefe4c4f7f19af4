/** What the maintenance scripts say about a database: where it is, never its password. */

/** `host:port/db` (and the schema, when one is given): enough to recognise the database, nothing to log in with. */
export function describeDatabase(url: string, schema?: string): string {
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
}

/** A message with the URL, and its password wherever else it may appear, taken out. */
export function redact(message: string, url: string): string {
  let out = message.split(url).join('[DATABASE_URL]');
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) out = out.split(password).join('[password]');
  } catch {
    /* not a URL: nothing more to take out */
  }
  return out.replace(/\s*\n\s*/g, ' ');
}
