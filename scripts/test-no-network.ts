/**
 * Vitest setup: the unit tests must never reach the network. Any outbound TCP connection to a
 * non-loopback address, any DNS lookup of a name other than localhost, and any UDP send fails the
 * test that tried it.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host === undefined || host === '' || LOOPBACK.test(host);
}

function refuse(what: string): never {
  throw new Error(`Network access is forbidden in tests: ${what}`);
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply() below
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  // net.connect() hands Socket#connect its normalised arguments as one array.
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  let host: string | undefined;
  let isPipe = false;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    host = options.host;
    isPipe = typeof options.path === 'string';
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    isPipe = true; // connect(path): a Unix socket
  } else if (typeof second === 'string') {
    host = second;
  }
  if (!isPipe && !isLoopbackHost(host)) refuse(`connect to ${String(host)}`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};

const originalLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopbackHost(hostname)) refuse(`DNS lookup of ${hostname}`);
  return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = () => refuse(`DNS ${name}`);
  (dns.promises as unknown as Record<string, unknown>)[name] = () => refuse(`DNS ${name}`);
}
const originalPromiseLookup = dns.promises.lookup;
(dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
  if (!isLoopbackHost(hostname)) return Promise.reject(new Error(`Network access is forbidden in tests: DNS lookup of ${hostname}`));
  return (originalPromiseLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
};

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply() below
const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string') as string | undefined;
  if (!isLoopbackHost(address)) refuse(`UDP send to ${String(address)}`);
  return (originalSend as (...a: unknown[]) => void).apply(this, args);
} as typeof dgram.Socket.prototype.send;
