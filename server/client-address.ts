import type { Context } from 'hono';
import { isIP } from 'node:net';
import type { TrustProxy } from './config.js';

/** `::ffff:1.2.3.4` is an IPv4 client: key it as one. Anything that is not an address: undefined. */
function normalise(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let address = raw.trim().replace(/^"|"$/g, '');
  // Forwarded: for="[2001:db8::1]:4711" / for=192.0.2.1:80; X-Forwarded-For may carry a port too.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.split(':')[0];
  address = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return isIP(address) ? address : undefined;
}

/** The first 64 bits of an IPv6 address: one household or phone gets a whole /64. */
function ipv6Prefix(address: string): string {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** The forwarded chain, client first: X-Forwarded-For, else the `for=` of Forwarded. */
function forwardedChain(c: Context): string[] {
  const xff = c.req.header('X-Forwarded-For');
  if (xff) return xff.split(',').map((s) => s.trim());
  const forwarded = c.req.header('Forwarded');
  if (!forwarded) return [];
  return forwarded.split(',').map((element) => /(?:^|;)\s*for=("[^"]*"|[^;,\s]*)/i.exec(element)?.[1] ?? '');
}

/**
 * The client's own address. Forwarding headers are believed only as far as TRUST_PROXY says:
 * with a hop count, the address that many hops before our peer; with a list, the nearest address
 * that is not a trusted proxy. Without it they are ignored, so a client cannot pick its own bucket.
 * Stored with a comment and matched against network bans (#14), which need the whole address.
 */
export function clientIp(c: Context, trust: TrustProxy): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = normalise(env?.incoming?.socket?.remoteAddress) ?? 'unknown';
  let client = peer;
  if (trust) {
    const chain = [...forwardedChain(c), peer];
    if ('hops' in trust) {
      client = normalise(chain[Math.max(0, chain.length - 1 - trust.hops)]) ?? peer;
    } else {
      let i = chain.length - 1;
      while (i > 0) {
        const address = normalise(chain[i]);
        if (!address || !trust.list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) break;
        i--;
      }
      client = normalise(chain[i]) ?? peer;
    }
  }
  return client;
}

/** The address a limiter keys on: clientIp(), an IPv6 client by its /64. */
export function clientAddress(c: Context, trust: TrustProxy): string {
  const client = clientIp(c, trust);
  return isIP(client) === 6 ? ipv6Prefix(client) : client;
}
