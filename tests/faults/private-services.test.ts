// The private-instance helper itself: its PostgreSQL and Redis can be stopped
// and started again, and the worker it spawns runs against them.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { PrivateServices } from "../helpers/private-services";

const services = new PrivateServices();
after(() => services.cleanup());

test("private PostgreSQL and Redis go down and come back; a worker runs against them", { timeout: 180_000 }, async () => {
  const [pg, redis] = await Promise.all([services.postgres(), services.redis({ persistence: true })]);
  assert.notEqual(pg.port, 5432);
  assert.notEqual(redis.port, 6379);
  const worker = services.app("worker", { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: "private-test" });
  await worker.ready(60_000);
  await pg.stop();
  assert.equal(await pg.isUp(), false);
  await pg.start();
  assert.equal(await pg.isUp(), true);
  await redis.downFor(200, "kill");
  assert.equal(await redis.isUp(), true);
  await worker.kill();
  assert.notEqual(worker.child.signalCode, null);
  await worker.restart();
  await worker.kill("SIGTERM");
});
