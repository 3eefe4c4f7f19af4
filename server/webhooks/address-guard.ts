import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook must never reach in production: this host, its network, cloud metadata. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/** IPv4 carried inside IPv6 (`::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`): judge the IPv4 inside. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2], 16);
  const lo = Number.parseInt(m[3], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True for loopback, private, link-local and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(address.toLowerCase());
    return v4 ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

export type Lookup = (hostname: string) => Promise<string[]>;

export const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export class UnsafeWebhookUrlError extends Error {}

export interface GuardOptions {
  /** config.allowPrivateWebhooks: development and tests deliver to 127.0.0.1. */
  allowPrivate: boolean;
  lookup?: Lookup;
}

/**
 * Refuses a URL whose host is, or resolves to, a non-public address (every address it resolves
 * to is checked, so one public record cannot smuggle in a private one). Runs at registration and
 * again before each delivery, because DNS can change in between.
 */
export async function assertPublicUrl(url: URL, { allowPrivate, lookup = systemLookup }: GuardOptions): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await lookup(host);
    } catch (e) {
      throw new UnsafeWebhookUrlError(`the host ${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (addresses.length === 0) throw new UnsafeWebhookUrlError(`the host ${host} has no address`);
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new UnsafeWebhookUrlError(`the host ${host} is a private, loopback or link-local address (${bad})`);
}
