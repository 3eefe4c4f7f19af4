/** Every message in widget/, keyed as catalogs key it (see write-locales.mjs). */
export declare function extractMessages(dir?: string): Map<string, string | { one: string; other: string }>;
/** A catalog as the element fetches it: only the messages the code uses, keyed by messageKey(). */
export declare function shipped(catalog: Record<string, unknown>, messages: Map<string, unknown>): Promise<Record<string, unknown>>;
