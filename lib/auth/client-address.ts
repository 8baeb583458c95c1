// The client's address, decided once per request in server.ts and passed on in the
// x-hookrelay-client-ip header (the API's per-IP limits and better-auth's sign-in limit
// both read it). X-Forwarded-For is anyone's to write, so it only counts when the peer
// that sent it is one of TRUSTED_PROXIES; then its chain is read from the right, skipping
// our own proxies, and the first address that is not one of them is the client.
import ipaddr from "ipaddr.js";

/** Set by server.ts on every request (any incoming value is replaced). */
export const CLIENT_IP_HEADER = "x-hookrelay-client-ip";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses TRUSTED_PROXIES: comma-separated CIDRs or single addresses. */
export function parseTrustedProxies(value: string): Range[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.includes("/") ? ipaddr.parseCIDR(s) : single(normalize(s)!)));
}

const single = (ip: ipaddr.IPv4 | ipaddr.IPv6): Range => [ip, ip.kind() === "ipv4" ? 32 : 128];

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same client. Null when not an address. */
function normalize(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(value)) return null;
  return ipaddr.process(value);
}

const within = (ip: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) =>
  ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: Range[]): string {
  const peer = socketAddress ? normalize(socketAddress) : null;
  if (!peer) return "unknown";
  if (!forwardedFor || !within(peer, trusted)) return peer.toString();
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((s) => s.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]);
    // A malformed entry ends what can be believed: the last trusted hop's sender is the client.
    if (!hop) break;
    client = hop;
    if (!within(hop, trusted)) break;
  }
  return client.toString();
}
