export declare const INTERNAL_NAMES: string[];
