/** Every message in widget/, keyed as catalogs key it (see write-locales.mjs). */
export declare function extractMessages(dir?: string): Map<string, string | { one: string; other: string }>;
