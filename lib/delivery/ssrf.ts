// SSRF guard (DESIGN.md point 9): a webhook URL is chosen by a customer, so
// without this check the worker would POST to our own loopback, private
// network or the cloud metadata service on their behalf. Every address a
// request would reach is checked: IP literals before sending, DNS answers in
// the connection's lookup, which hands the checked address to the socket (no
// second lookup, so DNS rebinding cannot swap it). ALLOWED_DESTINATION_CIDRS
// opens ranges for development and tests, ALLOWED_DESTINATION_URLS exact URLs
// (the demo receiver). Neither opens this deployment itself (self-destination.ts).
import { promises as dns } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { config } from "../config";
import { appHostProblem, defaultPort, interfaceAddresses, isOwnAddress, ownPortRefusal, type ThisDeployment } from "./self-destination";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Cidr = [Address, number];

export interface DestinationGuard {
  /** Ranges that may be reached even though they are internal (ALLOWED_DESTINATION_CIDRS). */
  allow: readonly Cidr[];
  /** false (production): plain http may only reach addresses inside `allow`. */
  allowPlainHttp: boolean;
  /** This deployment, refused whatever `allow` says (lib/delivery/self-destination.ts). */
  self?: ThisDeployment;
  /** Exact URLs (origin + path) reachable whatever the rules say (ALLOWED_DESTINATION_URLS: the demo receiver). */
  allowUrls?: readonly string[];
}

const HINT = "(set ALLOWED_DESTINATION_CIDRS to allow)";

// Svix's list (notes/webhook-facts.md) plus the IANA special-purpose registries.
// First match wins, so narrower ranges come before the ones containing them.
const V4_BLOCKED: Array<[string, Cidr]> = [
  ["unspecified", ipaddr.IPv4.parseCIDR("0.0.0.0/8")],
  ["private", ipaddr.IPv4.parseCIDR("10.0.0.0/8")],
  ["carrier-grade NAT", ipaddr.IPv4.parseCIDR("100.64.0.0/10")],
  ["loopback", ipaddr.IPv4.parseCIDR("127.0.0.0/8")],
  ["link-local (cloud metadata)", ipaddr.IPv4.parseCIDR("169.254.0.0/16")],
  ["private", ipaddr.IPv4.parseCIDR("172.16.0.0/12")],
  ["reserved (IETF protocol assignments)", ipaddr.IPv4.parseCIDR("192.0.0.0/24")],
  ["documentation", ipaddr.IPv4.parseCIDR("192.0.2.0/24")],
  ["reserved (6to4 relay anycast)", ipaddr.IPv4.parseCIDR("192.88.99.0/24")],
  ["private", ipaddr.IPv4.parseCIDR("192.168.0.0/16")],
  ["benchmarking", ipaddr.IPv4.parseCIDR("198.18.0.0/15")],
  ["documentation", ipaddr.IPv4.parseCIDR("198.51.100.0/24")],
  ["documentation", ipaddr.IPv4.parseCIDR("203.0.113.0/24")],
  ["multicast", ipaddr.IPv4.parseCIDR("224.0.0.0/4")],
  ["broadcast", ipaddr.IPv4.parseCIDR("255.255.255.255/32")],
  ["reserved", ipaddr.IPv4.parseCIDR("240.0.0.0/4")],
];

const V6_BLOCKED: Array<[string, Cidr]> = [
  ["unspecified", ipaddr.IPv6.parseCIDR("::/128")],
  ["loopback", ipaddr.IPv6.parseCIDR("::1/128")],
  ["reserved (local-use NAT64)", ipaddr.IPv6.parseCIDR("64:ff9b:1::/48")],
  ["discard-only", ipaddr.IPv6.parseCIDR("100::/64")],
  ["a Teredo tunnel", ipaddr.IPv6.parseCIDR("2001::/32")],
  ["benchmarking", ipaddr.IPv6.parseCIDR("2001:2::/48")],
  ["reserved (IETF protocol assignments)", ipaddr.IPv6.parseCIDR("2001::/23")],
  ["documentation", ipaddr.IPv6.parseCIDR("2001:db8::/32")],
  ["documentation", ipaddr.IPv6.parseCIDR("3fff::/20")],
  ["reserved (SRv6 SIDs)", ipaddr.IPv6.parseCIDR("5f00::/16")],
  ["unique local", ipaddr.IPv6.parseCIDR("fc00::/7")],
  ["link-local", ipaddr.IPv6.parseCIDR("fe80::/10")],
  ["site-local (deprecated)", ipaddr.IPv6.parseCIDR("fec0::/10")],
  ["multicast", ipaddr.IPv6.parseCIDR("ff00::/8")],
];
// Only 2000::/3 is global unicast; the embedded forms below are checked first.
const V6_GLOBAL = ipaddr.IPv6.parseCIDR("2000::/3");

// IPv6 forms that carry an IPv4 address: the packet ends up at that address
// (mapped: the local stack; NAT64 / 6to4: a gateway), so it is what counts.
const EMBEDS_V4: Array<[string, Cidr, (p: number[]) => [number, number]]> = [
  ["IPv4-mapped", ipaddr.IPv6.parseCIDR("::ffff:0:0/96"), (p) => [p[6], p[7]]],
  ["IPv4-translated", ipaddr.IPv6.parseCIDR("::ffff:0:0:0/96"), (p) => [p[6], p[7]]],
  ["NAT64", ipaddr.IPv6.parseCIDR("64:ff9b::/96"), (p) => [p[6], p[7]]],
  ["6to4", ipaddr.IPv6.parseCIDR("2002::/16"), (p) => [p[1], p[2]]],
  ["IPv4-compatible", ipaddr.IPv6.parseCIDR("::/96"), (p) => [p[6], p[7]]],
];

function embeddedV4(ip: ipaddr.IPv6): { form: string; v4: ipaddr.IPv4 } | null {
  if (ip.match(V6_BLOCKED[0][1]) || ip.match(V6_BLOCKED[1][1])) return null; // :: and ::1 lie inside ::/96
  for (const [form, range, pick] of EMBEDS_V4) {
    if (!ip.match(range)) continue;
    const [hi, lo] = pick(ip.parts);
    return { form, v4: new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]) };
  }
  return null;
}

/** Why `address` is internal ("loopback", "NAT64 of 127.0.0.1, which is loopback"…), or null when public. */
export function blockedRange(address: string): string | null {
  const ip = parse(address);
  if (!ip) return "not a valid IP address";
  if (ip.kind() === "ipv4") return V4_BLOCKED.find(([, r]) => ip.match(r))?.[0] ?? null;
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedV4(v6);
  if (embedded) {
    const inner = blockedRange(embedded.v4.toString());
    return inner ? `${embedded.form} of ${embedded.v4}, which is ${inner}` : null;
  }
  const named = V6_BLOCKED.find(([, r]) => v6.match(r))?.[0];
  if (named) return named;
  return v6.match(V6_GLOBAL) ? null : "reserved (not global unicast)";
}

function parse(address: string): Address | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const kind = isIP(bare.split("%")[0]);
  if (!kind) return null;
  try {
    // ipaddr.js reads any "…:a.b.c.d" as IPv4-mapped (even ::a.b.c.d); spell the tail in hex first.
    const text = kind === 6 ? bare.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)(?=%|$)/, (_, a, b, c, d) => `${hex(a, b)}:${hex(c, d)}`) : bare;
    return ipaddr.parse(text);
  } catch {
    return null;
  }
}

const hex = (hi: string, lo: string) => ((Number(hi) << 8) | Number(lo)).toString(16);

/** "127.0.0.0/8, ::1/128" → ranges; a bare address stands for itself. Throws on a bad entry. */
export function parseCidrList(value: string): Cidr[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      const ip = parse(entry);
      if (ip) return [ip, ip.kind() === "ipv4" ? 32 : 128] as Cidr;
      throw new Error(`"${entry}" is not a CIDR like 127.0.0.0/8 or ::1/128`);
    });
}

function allowed(ip: Address, allow: readonly Cidr[]): boolean {
  // ::ffff:127.0.0.1 is 127.0.0.1 on the wire, so it matches IPv4 ranges too.
  const forms: Address[] = [ip];
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) forms.push((ip as ipaddr.IPv6).toIPv4Address());
  return forms.some((f) => allow.some(([net, bits]) => net.kind() === f.kind() && f.match(net, bits)));
}

/**
 * The refusal message for connecting to `address` over `protocol` ("http:" /
 * "https:"), or null when it may be reached. `via` names the DNS name it came
 * from; `port`, when known, lets this deployment's own port be refused first,
 * whatever the allowlist opens.
 */
export function destinationProblem(address: string, protocol: string, guard: DestinationGuard, via?: string, port?: number): string | null {
  const ip = parse(address);
  const shown = via ? `${address} (from ${via})` : address;
  if (!ip) return `destination blocked: ${shown} is not a valid IP address`;
  if (guard.self && port === guard.self.port && isOwnAddress(ip, guard.self)) return ownPortRefusal(shown, port);
  if (allowed(ip, guard.allow)) return null;
  const range = blockedRange(address);
  if (range) return `destination blocked: ${shown} is ${range} ${HINT}`;
  if (guard.self && isOwnAddress(ip, guard.self)) return `destination blocked: ${shown} is an address of this machine ${HINT}`;
  if (protocol === "http:" && !guard.allowPlainHttp) {
    return `destination blocked: plain http to ${shown} is refused in production (use https, or set ALLOW_HTTP_DESTINATIONS=true or ALLOWED_DESTINATION_CIDRS)`;
  }
  return null;
}

/** The host of `url` when it is an IP literal (brackets removed), else null. */
export function ipLiteralHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : null;
}

/** `url` is one of the exact URLs the guard lets through (same origin and path; the query may differ). */
export function isAllowedUrl(url: URL, guard: DestinationGuard): boolean {
  return (guard.allowUrls ?? []).some((entry) => {
    const allowed = new URL(entry);
    return allowed.origin === url.origin && allowed.pathname === url.pathname;
  });
}

/** The checks a URL's text allows (before any DNS): exact allowance, APP_URL's host, an IP literal. */
export function literalUrlProblem(url: URL, guard: DestinationGuard): string | null {
  if (isAllowedUrl(url, guard)) return null;
  const self = guard.self && appHostProblem(url, guard.self);
  if (self) return self;
  const literal = ipLiteralHost(url);
  return literal ? destinationProblem(literal, url.protocol, guard, undefined, defaultPort(url)) : null;
}

/**
 * Save-time check of a webhook URL. Only IP literals can be judged now (a
 * name is checked after DNS, at send time); in production a plain-http name
 * is refused outright because where it points is unknown until then.
 */
export function urlProblem(value: string, guard: DestinationGuard = defaultGuard()): string | null {
  const url = new URL(value);
  if (isAllowedUrl(url, guard)) return null;
  const problem = literalUrlProblem(url, guard);
  if (problem || ipLiteralHost(url)) return problem;
  if (url.protocol === "http:" && !guard.allowPlainHttp) {
    return "plain http is refused in production: use https (or set ALLOW_HTTP_DESTINATIONS=true, or use an IP address inside ALLOWED_DESTINATION_CIDRS)";
  }
  return null;
}

export class DestinationBlockedError extends Error {
  readonly code = "ERR_DESTINATION_BLOCKED";
}

export type Resolver = (hostname: string, family: number) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (hostname, family) => dns.lookup(hostname, { all: true, family });

/**
 * A `lookup` for net/tls.connect: resolves, refuses the whole name when ANY
 * answer is blocked (a mixed answer is how rebinding attacks hide), and
 * returns the checked answers, which the socket then connects to. A lookup
 * does not see the port, so connections to this deployment's port get a
 * lookup made with it (`port`).
 */
export function guardedLookup(guard: DestinationGuard, protocol: string, resolve: Resolver = systemResolver, port?: number): LookupFunction {
  return ((hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void) => {
    const family = options.family === "IPv6" ? 6 : options.family === "IPv4" ? 4 : Number(options.family ?? 0) || 0;
    resolve(hostname, family).then(
      (answers) => {
        if (answers.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
        for (const a of answers) {
          const problem = destinationProblem(a.address, protocol, guard, hostname, port);
          if (problem) return callback(new DestinationBlockedError(problem));
        }
        if (options.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      },
      (err) => callback(err),
    );
  }) as LookupFunction;
}

let cachedGuard: DestinationGuard | undefined;

/** The guard the environment configures (config() has already validated the CIDRs and URLs). */
export function defaultGuard(): DestinationGuard {
  if (!cachedGuard) {
    const c = config();
    cachedGuard = {
      allow: parseCidrList(c.ALLOWED_DESTINATION_CIDRS),
      allowPlainHttp: c.NODE_ENV !== "production" || c.ALLOW_HTTP_DESTINATIONS,
      allowUrls: c.ALLOWED_DESTINATION_URLS.split(",").map((s) => s.trim()).filter(Boolean),
      self: { appUrl: c.APP_URL, port: c.PORT, addresses: interfaceAddresses() },
    };
  }
  return cachedGuard;
}
