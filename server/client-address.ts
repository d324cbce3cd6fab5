import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { plainIp } from './store/sqlite-desk.js';

/** The peer address of the request as the server sees it (a proxy's, behind one), IPv4 unmapped. */
export function clientAddress(c: Context): string | null {
  const address = (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress;
  return address ? plainIp(address) : null;
}
