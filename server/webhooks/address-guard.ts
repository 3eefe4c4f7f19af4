import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook never reaches, in any mode: link-local networks, where every cloud keeps
 * its instance metadata service (169.254.169.254 on AWS, GCP, Azure, Oracle…), and the metadata
 * addresses outside them. A signed POST there, or a redirect we would follow, is how a webhook
 * URL reads a server's cloud credentials.
 */
const NEVER = new BlockList();
for (const [net, prefix] of [
  ['169.254.0.0', 16], // link-local: 169.254.169.254, Tencent's 169.254.0.23…
  ['100.100.100.200', 32], // Alibaba Cloud metadata
  ['168.63.129.16', 32], // Azure's platform (WireServer) address
] as const) NEVER.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['fe80::', 10], // link-local
  ['fd00:ec2::254', 128], // AWS metadata over IPv6
] as const) NEVER.addSubnet(net, prefix, 'ipv6');

/** Addresses a webhook must not reach in production: this host, its network, and the above. */
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
  ['168.63.129.16', 32], // see NEVER
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local (fd00:ec2::254 included)
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

/** Checks an address against a list, judging IPv4 carried in IPv6 as the IPv4 it carries; a non-address is "in". */
function listed(list: BlockList, address: string): boolean {
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names an interface, not another address
  const family = isIP(bare);
  if (family === 4) return list.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare.toLowerCase());
    return v4 ? list.check(v4, 'ipv4') : list.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** True for loopback, private, link-local and other non-public addresses. */
export const isPrivateAddress = (address: string): boolean => listed(BLOCKED, address);

/** True for link-local and cloud metadata addresses: refused whatever ALLOW_PRIVATE_WEBHOOKS says. */
export const isNeverAllowedAddress = (address: string): boolean => listed(NEVER, address);

/** Why a webhook may not connect to this address, or undefined when it may. */
export function refusalFor(address: string, allowPrivate: boolean): string | undefined {
  if (isNeverAllowedAddress(address)) return `a link-local or cloud metadata address (${address})`;
  if (!allowPrivate && isPrivateAddress(address)) return `a private, loopback or link-local address (${address})`;
  return undefined;
}

export type Lookup = (hostname: string) => Promise<string[]>;

export const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export class UnsafeWebhookUrlError extends Error {}

export interface GuardOptions {
  /** config.allowPrivateWebhooks: development and tests deliver to 127.0.0.1. Link-local and metadata addresses stay refused. */
  allowPrivate: boolean;
  lookup?: Lookup;
}

/**
 * Refuses a URL whose host is, or resolves to, an address a webhook may not reach (every address it
 * resolves to is checked, so one public record cannot smuggle in a private one): link-local and
 * metadata addresses always, private and loopback ones unless allowed. Runs at registration and
 * again before each delivery, because DNS can change in between; the transport checks once more
 * at connect time.
 */
export async function assertPublicUrl(url: URL, { allowPrivate, lookup = systemLookup }: GuardOptions): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await lookup(host);
    } catch (e) {
      // Where private targets are allowed, a name that does not resolve now may later (a local
      // receiver not started yet); the connect-time check still judges whatever it resolves to.
      if (allowPrivate) return;
      throw new UnsafeWebhookUrlError(`the host ${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (addresses.length === 0 && !allowPrivate) throw new UnsafeWebhookUrlError(`the host ${host} has no address`);
  for (const address of addresses) {
    const why = refusalFor(address, allowPrivate);
    if (why) throw new UnsafeWebhookUrlError(`the host ${host} is ${why}`);
  }
}
