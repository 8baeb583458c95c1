// Which address the rate limits see (lib/auth/client-address.ts, used by server.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, ::1");

test("without trusted proxies X-Forwarded-For is ignored: the socket's address counts", () => {
  assert.equal(clientAddress("127.0.0.1", "203.0.113.9", none), "127.0.0.1");
  assert.equal(clientAddress("::ffff:127.0.0.1", "203.0.113.9", none), "127.0.0.1");
  assert.equal(clientAddress(undefined, "203.0.113.9", none), "unknown");
});

test("a peer outside TRUSTED_PROXIES can't set its address, even when proxies are configured", () => {
  assert.equal(clientAddress("198.51.100.4", "203.0.113.9", proxies), "198.51.100.4");
});

test("from a trusted proxy, the right-most address that is not a proxy is the client", () => {
  assert.equal(clientAddress("10.1.2.3", "203.0.113.9", proxies), "203.0.113.9");
  // The client wrote the left-most entry itself: it is skipped.
  assert.equal(clientAddress("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.9.9.9", proxies), "203.0.113.9");
  assert.equal(clientAddress("192.0.2.7", ["203.0.113.9", "10.0.0.5"], proxies), "203.0.113.9");
  assert.equal(clientAddress("::1", "2001:db8::1", proxies), "2001:db8::1");
  // Garbage stops the walk at the last hop we can vouch for.
  assert.equal(clientAddress("10.1.2.3", "203.0.113.9, not-an-ip", proxies), "10.1.2.3");
  // Only proxies in the chain: the first of them.
  assert.equal(clientAddress("10.1.2.3", "10.0.0.9", proxies), "10.0.0.9");
});
