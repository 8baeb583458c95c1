// The web server listens on loopback unless HOST says otherwise: with open
// sign-up, a server reachable from the network by default is an open door.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { BASE_URL } from "../helpers/api";

const PORT = Number(new URL(BASE_URL).port);

function tryConnect(host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: PORT, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("timeout", () => (socket.destroy(), resolve("timeout")));
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

test("without HOST the web server accepts connections on loopback only", async (t) => {
  assert.equal(process.env.HOST, undefined, "scripts/test.mjs runs the server with the default");
  assert.equal(await tryConnect("127.0.0.1"), "connected");
  const external = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === "IPv4");
  if (!external) return t.skip("this machine has no non-loopback IPv4 address");
  assert.equal(await tryConnect(external.address), "ECONNREFUSED", `reachable on ${external.address}`);
});
