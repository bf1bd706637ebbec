import 'server-only';
import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard for integrator-supplied webhook URLs: Parley must never be made to call its own
 * network (cloud metadata at 169.254.169.254, the database, internal services).
 *
 * Decisions:
 * - Only globally reachable unicast addresses are accepted. Every IANA special-purpose range that
 *   is not globally reachable is refused, including the documentation ranges (192.0.2.0/24,
 *   198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20) and benchmarking (198.18.0.0/15):
 *   nothing legitimate listens there, and some networks reuse them internally.
 * - IPv6 is an allowlist (2000::/3, minus special ranges) so new special ranges fail closed.
 *   Addresses that carry an IPv4 address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 *   judged by that IPv4 address; IPv4-compatible (::/96) is deprecated and always refused.
 * - `allowPrivate` (local development and tests) allows loopback only — `localhost`, 127.0.0.0/8,
 *   ::1 — never the LAN, link-local or cloud metadata ranges, so a flag left on by mistake exposes
 *   at most this machine, not the network around it.
 * - Ports are not restricted: integrators legitimately listen on 8443 and the like.
 */

export type UrlGuardOptions = {
  allowPrivate: boolean;
  isProduction: boolean;
  /** Defaults to `dns.promises.lookup(hostname, { all: true, verbatim: true })`. */
  lookup?: (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;
};

export type UrlSyntaxResult = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * `addresses` are the ones that were checked: deliver to them (pin the connection), since resolving
 * the name again lets DNS rebinding swap in a private address after the check.
 */
export type GuardResult =
  { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string };

type SyntaxOptions = Pick<UrlGuardOptions, 'allowPrivate' | 'isProduction'>;

const MAX_URL_LENGTH = 2000;
// Matching control characters is the purpose of this pattern.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\s\u0000-\u001F\u007F]/;

const blockedV4 = subnets('ipv4', [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including 255.255.255.255 broadcast
]);
const globalUnicastV6 = subnets('ipv6', [['2000::', 3]]);
const blockedV6 = subnets('ipv6', [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID…
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
]);
const loopbackV4 = subnets('ipv4', [['127.0.0.0', 8]]);

/**
 * Parses and checks everything that needs no DNS: scheme, credentials, length, and the host when
 * it is an IP literal (in any form the WHATWG parser turns into one, e.g. `http://2130706433/`).
 */
export function checkWebhookUrlSyntax(raw: string, opts: SyntaxOptions): UrlSyntaxResult {
  if (raw.length > MAX_URL_LENGTH) return refuse(`URL is longer than ${MAX_URL_LENGTH} characters`);
  // The URL parser silently drops tabs and newlines; refusing them avoids storing one URL and
  // calling another.
  if (UNSAFE_CHARACTERS.test(raw)) return refuse('URL contains whitespace or control characters');
  if (!URL.canParse(raw)) return refuse('URL is not valid');
  const url = new URL(raw);
  if (url.href.length > MAX_URL_LENGTH) {
    return refuse(`URL is longer than ${MAX_URL_LENGTH} characters`);
  }
  if (url.username || url.password) return refuse('URL must not contain a username or password');

  const host = hostOf(url);
  const schemeProblem = checkScheme(url.protocol, host, opts);
  if (schemeProblem) return refuse(schemeProblem);
  if (isLoopbackName(host) && !opts.allowPrivate) return refuse('URL points to this machine');
  if (isIP(host) && !isAllowedAddress(host, opts.allowPrivate)) {
    return refuse('URL points to a private or reserved address');
  }
  return { ok: true, url };
}

/**
 * True for every address a webhook must not reach (loopback included). Anything that is not an IP
 * address counts as private: the guard fails closed.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = stripZone(address.replace(/^\[(.*)\]$/, '$1'));
  const family = isIP(ip);
  if (family === 4) return blockedV4.check(ip, 'ipv4');
  if (family !== 6) return true;
  const bytes = parseIpv6(ip);
  if (!bytes) return true;
  const embedded = embeddedIpv4(bytes);
  if (embedded) return blockedV4.check(embedded, 'ipv4');
  return !globalUnicastV6.check(ip, 'ipv6') || blockedV6.check(ip, 'ipv6');
}

/**
 * Syntax check plus DNS: refused when ANY resolved address is private, since the HTTP client may
 * pick any of them (with `allowPrivate`, loopback addresses pass).
 */
export async function resolveWebhookTarget(
  raw: string,
  opts: UrlGuardOptions,
): Promise<GuardResult> {
  const syntax = checkWebhookUrlSyntax(raw, opts);
  if (!syntax.ok) return syntax;
  const host = hostOf(syntax.url);
  if (isIP(host)) return { ok: true, url: syntax.url, addresses: [host] };

  const addresses = await resolveAll(host, opts.lookup ?? systemLookup);
  if (!addresses || addresses.length === 0) return refuse('URL host could not be resolved');
  if (!addresses.every((address) => isAllowedAddress(address, opts.allowPrivate))) {
    return refuse('URL host resolves to a private or reserved address');
  }
  return { ok: true, url: syntax.url, addresses };
}

function checkScheme(protocol: string, host: string, opts: SyntaxOptions): string | null {
  if (protocol === 'https:') return null;
  if (protocol !== 'http:') return 'URL must use https';
  if (!opts.isProduction) return null;
  if (opts.allowPrivate && isLoopbackHost(host)) return null;
  return 'URL must use https';
}

function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  if (!isPrivateAddress(address)) return true;
  return allowPrivate && isLoopbackAddress(address);
}

function isLoopbackHost(host: string): boolean {
  return isLoopbackName(host) || (isIP(host) !== 0 && isLoopbackAddress(host));
}

// RFC 6761: `localhost` and every name under it are this machine, whatever DNS says.
function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function isLoopbackAddress(address: string): boolean {
  const ip = stripZone(address);
  const family = isIP(ip);
  if (family === 4) return loopbackV4.check(ip, 'ipv4');
  if (family !== 6) return false;
  const bytes = parseIpv6(ip);
  if (!bytes) return false;
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return true;
  const mapped = isV4Mapped(bytes) ? v4FromBytes(bytes) : null;
  return mapped !== null && loopbackV4.check(mapped, 'ipv4');
}

/** Lower-case host without IPv6 brackets or the trailing dot of a fully qualified name. */
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

async function resolveAll(
  host: string,
  lookup: NonNullable<UrlGuardOptions['lookup']>,
): Promise<string[] | null> {
  try {
    return (await lookup(host)).map((entry) => entry.address);
  } catch {
    return null;
  }
}

async function systemLookup(hostname: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const entries = await dns.lookup(hostname, { all: true, verbatim: true });
  return entries.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

/** The IPv4 address an IPv6 address stands for: IPv4-mapped, NAT64 well-known prefix, 6to4. */
function embeddedIpv4(bytes: number[]): string | null {
  if (isV4Mapped(bytes)) return v4FromBytes(bytes);
  const nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
  if (nat64.every((b, i) => bytes[i] === b)) return v4FromBytes(bytes);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6).join('.');
  return null;
}

function isV4Mapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function v4FromBytes(bytes: number[]): string {
  return bytes.slice(12, 16).join('.');
}

/** 16 bytes of an address `isIP` already accepted as IPv6 (`::` and a dotted IPv4 tail allowed). */
function parseIpv6(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text =
      text.slice(0, -tail[1]!.length) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function stripZone(address: string): string {
  const percent = address.indexOf('%');
  return percent < 0 ? address : address.slice(0, percent);
}

function subnets(type: 'ipv4' | 'ipv6', ranges: [string, number][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, type);
  return list;
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
