// Deprecated re-export for server/ files not yet moved to contract/ (the widget no longer imports it). Delete with the last of them.
export type * from '../contract/portal.js';
export type * from '../contract/values.js';
