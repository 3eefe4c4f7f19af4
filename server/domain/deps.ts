import type { Clock } from '../clock.js';
import type { Store } from '../store/interface.js';

/** What every rule needs: the store it reads and changes, and the time. */
export interface DomainDeps {
  store: Store;
  clock: Clock;
}
