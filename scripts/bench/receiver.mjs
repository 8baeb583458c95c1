// The benchmark's webhook receiver, run as its own process (so its CPU shows
// apart from the worker's): a bare node:http server on loopback that answers
// 200 at once, like ../shared/bench/receiver.mjs, and also counts every request
// by its webhook-id so the run can check that each delivery arrived exactly once.
// GET /__stats answers { requests, unique, duplicates, first_at, last_at }.
// Prints { port } as its first stdout line once listening.
import { createServer } from "node:http";

const seen = new Map();
let requests = 0;
let firstAt = null;
let lastAt = null;

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/__stats") {
    let duplicates = 0;
    let duplicated = 0;
    for (const n of seen.values()) {
      if (n > 1) {
        duplicates += n - 1;
        duplicated++;
      }
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ requests, unique: seen.size, duplicates, duplicated_ids: duplicated, without_id: requests - [...seen.values()].reduce((a, b) => a + b, 0), first_at: firstAt, last_at: lastAt }));
    return;
  }
  req.resume();
  req.on("end", () => {
    const now = Date.now();
    firstAt ??= now;
    lastAt = now;
    requests++;
    const id = req.headers["webhook-id"];
    if (typeof id === "string") seen.set(id, (seen.get(id) ?? 0) + 1);
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on("SIGTERM", () => {
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
});
