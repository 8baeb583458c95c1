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

export const SELF_REFUSAL = "is this HookRelay deployment (a webhook may not deliver into the server that sends it)";

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

function isLoopback(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return isLoopback((ip as ipaddr.IPv6).toIPv4Address());
  return ip.range() === "loopback";
}

/** Our own address (loopback, or one of the machine's interfaces), IPv4-mapped forms included. */
export function isOwnAddress(ip: ipaddr.IPv4 | ipaddr.IPv6, self: ThisDeployment): boolean {
  if (isLoopback(ip)) return true;
  const v4 = ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
  return self.addresses.some((a) => ipaddr.isValid(a) && ipaddr.parse(a).toNormalizedString() === v4.toNormalizedString());
}

export function isOwnLoopback(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return isLoopback(ip);
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
  return `destination blocked: ${url.host} ${SELF_REFUSAL}`;
}
