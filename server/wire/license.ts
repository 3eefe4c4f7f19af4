import type { License } from '../store/schema.js';
import { activeInstances, licenseStatus } from '../domain/licenses.js';

/** Creem's LicenseEntity; `instanceId` adds that device's instance (activate and validate answer with it). */
export function wireLicense(l: License, now: number, instanceId?: string) {
  const instance = instanceId ? l.instances.find((i) => i.id === instanceId) : undefined;
  return {
    id: l.id,
    mode: l.mode,
    object: 'license',
    product_id: l.product_id,
    status: licenseStatus(l, now),
    key: l.key,
    activation: activeInstances(l),
    activation_limit: l.activation_limit,
    expires_at: l.expires_at,
    created_at: l.created_at,
    instance: instance ? wireInstance(l, instance) : null,
  };
}

export const wireInstance = (l: License, i: License['instances'][number]) => ({ id: i.id, mode: l.mode, object: 'license-instance', name: i.name, status: i.status, created_at: i.created_at });
