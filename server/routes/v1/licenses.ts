import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { activateLicense, deactivateLicense, findLicense, validateLicense } from '../../domain/licenses.js';
import { paginate } from '../../domain/pagination.js';
import { wireInstance, wireLicense } from '../../wire/license.js';
import { Id, IdempotencyHeaders, LicenseEntity, LicenseInstanceEntity, PageQuery, json, jsonBody, listOf, pageOf, v1Errors } from './schemas.js';

export const licenses = createRouter();

const Key = z.string().trim().min(1).max(64);
const one = json(LicenseEntity, 'The license, with the device instance the request is about');

licenses.openapi(
  createRoute({
    method: 'post',
    path: '/activate',
    tags: ['Licenses'],
    summary: 'Activate a license key on a new device (refused past its activation limit)',
    request: { headers: IdempotencyHeaders, body: jsonBody(z.object({ key: Key, instance_name: z.string().trim().min(1).max(200) }).strict().openapi('ActivateLicenseRequestEntity')) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const { deps, scope } = c.var;
    const { license, instanceId } = await activateLicense(deps, scope, b.key, b.instance_name);
    return c.json(wireLicense(license, deps.clock(), instanceId), 200);
  },
);

const OnDevice = z.object({ key: Key, instance_id: Id('instance') }).strict();

licenses.openapi(
  createRoute({
    method: 'post',
    path: '/validate',
    tags: ['Licenses'],
    summary: 'Check that a license key is good on a device',
    request: { headers: IdempotencyHeaders, body: jsonBody(OnDevice.openapi('ValidateLicenseRequestEntity')) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const { deps, scope } = c.var;
    return c.json(wireLicense(await validateLicense(deps, scope, b.key, b.instance_id), deps.clock(), b.instance_id), 200);
  },
);

licenses.openapi(
  createRoute({
    method: 'post',
    path: '/deactivate',
    tags: ['Licenses'],
    summary: "Free a device's activation",
    request: { headers: IdempotencyHeaders, body: jsonBody(OnDevice.openapi('DeactivateLicenseRequestEntity')) },
    responses: { ...one, ...v1Errors },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const { deps, scope } = c.var;
    return c.json(wireLicense(await deactivateLicense(deps, scope, b.key, b.instance_id), deps.clock(), b.instance_id), 200);
  },
);

licenses.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/instances',
    tags: ['Licenses'],
    summary: "A license's device instances",
    request: { params: z.object({ id: Id('license') }), query: PageQuery },
    responses: { ...json(listOf(LicenseInstanceEntity, 'LicenseInstanceListEntity'), 'A page of instances'), ...v1Errors },
  }),
  async (c) => {
    const { deps, scope } = c.var;
    const l = await findLicense(deps, scope, c.req.valid('param').id);
    const page = paginate([...l.instances].reverse(), pageOf(c.req.valid('query')));
    return c.json({ items: page.items.map((i) => wireInstance(l, i)), pagination: page.pagination }, 200);
  },
);
