// The benchmark's receiver: a bare node:http server on loopback that answers
// 200 at once and counts what it gets, by webhook-id, so the run can check that
// every event arrived exactly once. Runs as its own process so its CPU shows
// apart from the worker's. GET /__stats returns the counts, POST /__reset zeroes them.
import { createServer } from "node:http";

const seen = new Map();
let requests = 0;
const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/__reset") {
    seen.clear();
    requests = 0;
    res.end("{}");
    return;
  }
  if (req.method === "GET" && req.url === "/__stats") {
    let duplicates = 0;
    for (const n of seen.values()) if (n > 1) duplicates += n - 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ requests, unique: seen.size, duplicates }));
    return;
  }
  req.resume();
  req.on("end", () => {
    requests++;
    const id = req.headers["webhook-id"];
    if (typeof id === "string") seen.set(id, (seen.get(id) ?? 0) + 1);
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  // The parent reads the port from the first line.
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
