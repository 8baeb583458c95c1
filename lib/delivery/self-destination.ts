// "This deployment" as a webhook destination. A webhook pointing back at our
// own ingest API (with an Authorization custom header) re-ingests every event
// it delivers, with a fresh id each time: one event becomes an endless stream,
// N such webhooks grow it as N^k. So the guard refuses, whatever
// ALLOWED_DESTINATION_CIDRS opens:
//   - APP_URL's host by name (any port for a public name: a proxy on 80/443 in
//     front of us is still us; only APP_URL's port for a loopback name, since
//     other loopback ports are other services that the allowlist decides on);
//   - the web server's PORT on any address of this machine (all of loopback and
//     every interface address), however the name got there (IP literal, DNS alias);
//   - this machine's non-loopback addresses on any port unless allowlisted.
// Not whole loopback: development and the tests run receivers on loopback.
// A deployment reachable under names and addresses we cannot know (a load
// balancer, another host) is covered at ingest instead (lib/events/loop-guard.ts).
import { networkInterfaces } from "node:os";
import ipaddr from "ipaddr.js";

export interface ThisDeployment {
  /** APP_URL: the public URL of the dashboard and API. */
  appUrl: string;
  /** The port the web server listens on (PORT). */
  port: number;
  /** This machine's interface addresses (loopback is always included). */
  addresses: readonly string[];
}

const WHY = "a webhook may not deliver into the server that sends it";

/** The machine's interface addresses, as os.networkInterfaces() lists them now. */
export function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a ? [a.address.split("%")[0]] : []));
}

const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"]);

const bareHost = (hostname: string) => hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.+$/, "");

export function defaultPort(url: URL): number {
  return Number(url.port) || (url.protocol === "https:" ? 443 : 80);
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

// ::ffff:127.0.0.1 is 127.0.0.1 on the wire.
const unmapped = (ip: Address): Address => (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip);

// 0.0.0.0 and :: reach this host too (Linux connects them to the local machine).
const isLoopback = (ip: Address) => ["loopback", "unspecified"].includes(unmapped(ip).range());

/** Ours: loopback, or one of this machine's interface addresses. */
export function isOwnAddress(ip: Address, self: ThisDeployment): boolean {
  if (isLoopback(ip)) return true;
  const plain = unmapped(ip).toNormalizedString();
  return self.addresses.some((a) => ipaddr.isValid(a) && unmapped(ipaddr.parse(a)).toNormalizedString() === plain);
}

/** The refusal of `shown` (an address, maybe "from" a name) at our own port. */
export function ownPortRefusal(shown: string, port: number): string {
  return `destination blocked: ${shown} is this HookRelay deployment (port ${port}, where its web server listens on this machine): ${WHY}`;
}

/** The refusal when `url` names APP_URL's host, else null. */
export function appHostProblem(url: URL, self: ThisDeployment): string | null {
  let app: URL;
  try {
    app = new URL(self.appUrl);
  } catch {
    return null;
  }
  const host = bareHost(url.hostname);
  const appHost = bareHost(app.hostname);
  if (host !== appHost) return null;
  const local = LOOPBACK_NAMES.has(appHost) || (ipaddr.isValid(appHost) && isLoopback(ipaddr.parse(appHost)));
  if (local && defaultPort(url) !== defaultPort(app)) return null;
  return `destination blocked: ${url.host} is this HookRelay deployment (APP_URL's host): ${WHY}`;
}
