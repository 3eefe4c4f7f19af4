/** The demo merchant's own site (never in production): whose customers it lists, and the key its backend mints tokens with. */
export interface DemoSite {
  /** Server-side only: the merchant's API key, as a merchant's backend holds it. */
  apiKey: string;
  merchantId(): Promise<string | null>;
  customers(): Promise<{ id: string; name: string | null; email: string }[]>;
  /** One of the merchant's customers, or undefined. */
  customer(id: string): Promise<{ id: string } | undefined>;
}
