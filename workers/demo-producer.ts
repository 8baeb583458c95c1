// The demo producer: plays the content-protection platform and posts its events
// through the public ingest API, exactly as a real producer would, so demo
// events are delivered to webhooks and appear in the live dashboard.
// Settings: DEMO_API_KEY, DEMO_TARGET_URL (default APP_URL), DEMO_EVENTS_PER_SEC (default 2; 0 = off).
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { ContentProtectionDemo } from "@/lib/demo/content-protection";

const log = logger.child({ proc: "demo" });
const { DEMO_EVENTS_PER_SEC: rate, DEMO_API_KEY: key } = config();
const base = config().DEMO_TARGET_URL ?? config().APP_URL;

async function main() {
  if (!(rate > 0)) {
    log.info("demo producer off (DEMO_EVENTS_PER_SEC=0)");
    return;
  }
  if (!key) throw new Error("DEMO_API_KEY is not set");
  const demo = new ContentProtectionDemo();
  let sent = 0;
  let failures = 0;
  log.info({ rate, target: base }, "demo producer started");
  const timer = setInterval(async () => {
    const e = demo.next();
    try {
      const res = await fetch(`${base}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(e),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      if (++sent % 100 === 0) log.info({ sent }, "demo events sent");
      failures = 0;
    } catch (err) {
      // The web server may still be starting: say so once in a while, keep going.
      if (failures++ % 20 === 0) log.warn({ err: (err as Error).message }, "demo event not accepted");
    }
  }, 1000 / rate);
  const stop = () => {
    clearInterval(timer);
    log.info({ sent }, "demo producer stopped");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  log.fatal({ err }, "demo producer failed");
  process.exit(1);
});
