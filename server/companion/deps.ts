import type { RequestDeps } from '../domain/customer-requests.js';
import type { CreemAccount } from './creem-account.js';

/** What the companion backend works with: the domain's dependencies plus the merchant's Creem account. */
export interface CompanionDeps extends RequestDeps {
  account: CreemAccount;
}
