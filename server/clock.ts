/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
export const iso = (ms: number) => new Date(ms).toISOString();
