import { BlockList, isIP } from 'node:net';

export interface AddressPolicy {
  allowHttp: boolean;
  allowPrivateAddresses: boolean;
}

/**
 * Addresses a webhook must not reach unless configured (SSRF): loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, unspecified and unique-local ranges.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) {
    return PRIVATE.check(mapped[1], 'ipv4');
  }
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why an endpoint URL is refused, or null when it is acceptable as written. Host names are
 * resolved again at each delivery (`isPrivateAddress` on every address), since DNS can change.
 */
export function urlProblem(raw: string, policy: AddressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    return policy.allowHttp ? 'must start with https:// or http://' : 'must start with https://';
  }
  if (url.username || url.password) {
    return 'must not contain a user name or password';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !policy.allowPrivateAddresses &&
    (isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost'))
  ) {
    return 'must not point at a private or loopback address';
  }
  return null;
}
