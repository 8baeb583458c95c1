// Every compatible platform's receiver, written from its guide's own verification
// example, accepts what we send from an endpoint configured as the document
// describes — and rejects it (401, delivery not succeeded) when it holds a
// different secret. Standard Webhooks deliveries verify with both the
// `standardwebhooks` and the `svix` packages.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

// ── A verifying receiver ──────────────────────────────────────────────────────
type Verify = (rawBody: Buffer, headers: IncomingHttpHeaders) => boolean;
interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

const servers: Array<() => Promise<void>> = [];
after(async () => {
  await Promise.all(servers.map((close) => close()));
  await db.$disconnect();
});

/**
 * A loopback HTTP receiver answering 200 when `verify` accepts the raw body,
 * 401 when it does not, and 500 when it throws (what Express or FastAPI answer
 * for an exception in the handler).
 */
async function verifyingReceiver(verify: Verify) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let status: number;
      try {
        status = verify(raw, req.headers) ? 200 : 401;
      } catch {
        status = 500;
      }
      seen.push({ headers: req.headers, body: raw.toString("utf8"), status });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 200 ? { status: "received" } : { error: "Invalid signature" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, seen };
}

// ── The platforms' verification examples, ported ──────────────────────────────
const header = (h: IncomingHttpHeaders, name: string) => h[name] as string | undefined;

// Content Protection Platform, "Express.js (Node.js) Webhook Handler": express.raw body,
// X-ContentProtection-Signature "sha256=<hex>", crypto.timingSafeEqual.
const contentProtectionPlatform =
  (WEBHOOK_SECRET: string): Verify =>
  (body, headers) => {
    const signature = header(headers, "x-contentprotection-signature");
    const payload = body.toString();
    const expectedSignature = createHmac("sha256", WEBHOOK_SECRET).update(payload).digest("hex");
    return timingSafeEqual(Buffer.from(`sha256=${expectedSignature}`), Buffer.from(signature as string));
  };

// AI Social Media Platform, Node.js: the body is parsed (express.json) and re-serialised with
// JSON.stringify before the HMAC; X-Webhook-Signature must equal "sha256=<hex>".
const socialMediaPlatform =
  (secret: string): Verify =>
  (raw, headers) => {
    const body = JSON.parse(raw.toString()); // what express.json() leaves in req.body
    const signature = header(headers, "x-webhook-signature");
    const expectedSignature = createHmac("sha256", secret).update(JSON.stringify(body)).digest("hex");
    return `sha256=${expectedSignature}` === signature;
  };

// Sonotheia's guide has Python only:
//   expected = hmac.new(secret.encode('utf-8'), payload, hashlib.sha256).hexdigest()
//   return hmac.compare_digest(signature, expected)
// with payload the raw bytes and signature the bare X-Sonotheia-Signature value.
const compareDigest = (a: string, b: string) => {
  if (typeof a !== "string") throw new TypeError("unsupported operand type"); // Python raises on None
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};
const sonotheia =
  (secret: string): Verify =>
  (payload, headers) => {
    const signature = header(headers, "x-sonotheia-signature") as string;
    const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(payload).digest("hex");
    return compareDigest(signature, expected);
  };

// Pixel Patrol, TypeScript: X-PixelPatrol-Timestamp in milliseconds within 5
// minutes of Date.now(), X-PixelPatrol-Signature the bare hex HMAC of the body.
const pixelPatrol =
  (secret: string): Verify =>
  (body, headers) => {
    const signature = header(headers, "x-pixelpatrol-signature") as string;
    const timestamp = header(headers, "x-pixelpatrol-timestamp") as string;
    const payload = body.toString();
    const currentTime = Date.now();
    const webhookTime = parseInt(timestamp, 10);
    if (Math.abs(currentTime - webhookTime) > 300000) return false; // 5 minutes
    const expectedSignature = createHmac("sha256", secret).update(payload).digest("hex");
    return expectedSignature === signature;
  };

// Downloads API, "Node.js Verification": X-Webhook-Signature "sha256=<hex>",
// prefix checked, hex buffers compared with timingSafeEqual, key = the secret.
const downloadsApi =
  (secretKey: string): Verify =>
  (payload, headers) => {
    const signature = header(headers, "x-webhook-signature");
    if (!signature || !signature.startsWith("sha256=")) return false;
    const expectedSig = signature.substring(7);
    const calculatedSig = createHmac("sha256", secretKey).update(payload).digest("hex");
    return timingSafeEqual(Buffer.from(expectedSig, "hex"), Buffer.from(calculatedSig, "hex"));
  };

const standardWebhooks =
  (secret: string, options?: { format: "raw" }): Verify =>
  (body, headers) => {
    try {
      new StandardWebhook(secret, options).verify(body.toString(), headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  };

const svix =
  (secret: string): Verify =>
  (body, headers) => {
    try {
      new SvixWebhook(secret).verify(body.toString(), headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  };

// ── One scenario: configure as the document says, ingest, check the outcome ──
interface Scenario {
  /** Webhook create body minus url/events. */
  webhook: Record<string, unknown>;
  /** The receiver as the document writes it, given the secret it holds. */
  receiver: (secret: string) => Verify;
  /** The ingest body: one of the platform's event types with its example data. */
  event: { event?: string; type?: string; data: Record<string, unknown> };
  /** A different secret in the receiver's format (the negative control). */
  wrongSecret: string;
}

async function deliveryOutcome(api: Awaited<ReturnType<typeof newTenant>>["api"], eventId: string, webhookId: string) {
  return eventually(
    async () => {
      const { body } = await api.get(`/api/v1/deliveries?event_id=${eventId}&webhook_id=${webhookId}`);
      const d = body.data?.[0];
      return d && (d.status === "succeeded" || d.status === "failed") ? d : null;
    },
    15_000,
    `delivery of ${eventId} to ${webhookId} to finish`,
  );
}

/** Accepted with the right secret; 401 and not succeeded with a wrong one. */
async function checkScenario(s: Scenario) {
  const t = await newTenant("Platform receivers");
  const eventType = (s.event.event ?? s.event.type) as string;
  const create = async (url: string) => {
    const res = await t.api.post("/api/v1/webhooks", { url, events: [eventType], ...s.webhook });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; secret: string };
  };

  // The secret the receiver holds is the one the create response showed.
  let secret = "";
  const good = await verifyingReceiver((raw, h) => s.receiver(secret)(raw, h));
  const hook = await create(good.url);
  secret = hook.secret;
  if (typeof s.webhook.secret === "string") assert.equal(secret, s.webhook.secret, "the chosen secret is kept");

  const bad = await verifyingReceiver(s.receiver(s.wrongSecret));
  const badHook = await create(bad.url);

  const accepted = await t.api.post("/api/v1/events", s.event);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  assert.equal(accepted.body.deliveries, 2);

  const ok = await deliveryOutcome(t.api, accepted.body.id, hook.id);
  assert.equal(good.seen[0]?.status, 200, "the platform's own receiver accepts our delivery");
  assert.equal(ok.status, "succeeded");
  assert.equal(ok.last_status, 200);
  const delivered = JSON.parse(good.seen[0].body);
  assert.equal(delivered.id, accepted.body.id);
  assert.equal(delivered.event, eventType);
  assert.deepEqual(delivered.data, s.event.data);

  const rejected = await deliveryOutcome(t.api, accepted.body.id, badHook.id);
  assert.equal(bad.seen[0]?.status, 401, "a receiver holding another secret rejects it");
  assert.notEqual(rejected.status, "succeeded");
  assert.equal(rejected.last_status, 401);
  return { t, hook, request: good.seen[0] };
}

const randomSecret = (prefix = "") => prefix + randomBytes(18).toString("base64url");

// ── The platforms ─────────────────────────────────────────────────────────────
test("Content Protection Platform: secret chosen on create, X-ContentProtection-Signature sha256=<hex>", async () => {
  const { request } = await checkScenario({
    webhook: {
      secret: "your-webhook-secret-key",
      signature: { preset: "sha256-prefixed-hex", header: "X-ContentProtection-Signature" },
    },
    receiver: contentProtectionPlatform,
    wrongSecret: "your-webhook-secret-kex",
    event: {
      event: "scan.completed",
      data: {
        job_id: "scan_12345abc",
        profile_id: 42,
        profile_name: "Content Creator Profile",
        status: "completed",
        results: {
          infringements_found: 5,
          new_infringements: 3,
          updated_infringements: 2,
          scanned_urls: 150,
          platforms_scanned: ["google", "bing", "social_media"],
          processing_time: 14.5,
          high_confidence_matches: 2,
          medium_confidence_matches: 3,
        },
        scan_summary: { total_duration: "14m 30s", start_time: "2024-01-15T10:31:00Z", end_time: "2024-01-15T10:45:00Z" },
      },
    },
  });
  assert.match(request.headers["x-contentprotection-signature"] as string, /^sha256=[0-9a-f]{64}$/);
  assert.equal(request.headers["webhook-signature"], undefined, "only the configured scheme is sent");
});

test("AI Social Media Platform: secret chosen on create, X-Webhook-Signature over JSON.stringify(parsed body)", async () => {
  const { request } = await checkScenario({
    webhook: { secret: "your_webhook_secret_key", signature: { preset: "sha256-prefixed-hex" } },
    receiver: socialMediaPlatform,
    wrongSecret: "another_webhook_secret",
    event: {
      event: "post.published",
      data: { postId: "post_123", platform: "instagram", platformPostId: "ig_456", publishedAt: "2024-01-15T10:00:00Z" },
    },
  });
  // The example re-serialises the parsed body: it only works because what we
  // send is already compact JSON.stringify output.
  assert.equal(JSON.stringify(JSON.parse(request.body)), request.body);
});

test("Sonotheia: generated secret, bare hex in X-Sonotheia-Signature, Python compare_digest", async () => {
  const { request } = await checkScenario({
    webhook: { signature: { preset: "hex", header: "X-Sonotheia-Signature" } },
    receiver: sonotheia,
    wrongSecret: randomSecret("whsec_"),
    event: {
      type: "deepfake.completed",
      data: { session_id: "session-xyz789", score: 0.82, label: "likely_synthetic", latency_ms: 640, timestamp: "2026-01-21T12:00:00Z" },
    },
  });
  assert.match(request.headers["x-sonotheia-signature"] as string, /^[0-9a-f]{64}$/);
});

test("Pixel Patrol: bare hex X-PixelPatrol-Signature, millisecond timestamp and event headers", async () => {
  const before = Date.now();
  const { request } = await checkScenario({
    webhook: {
      signature: {
        preset: "hex-with-timestamp-ms",
        header: "X-PixelPatrol-Signature",
        timestamp_header: "X-PixelPatrol-Timestamp",
        event_header: "X-PixelPatrol-Event",
      },
    },
    receiver: pixelPatrol,
    wrongSecret: randomSecret("whsec_"),
    event: {
      event: "media.moderated",
      data: {
        media_id: "media_123",
        site_id: "site_42",
        status: "rejected",
        ai_results: { nsfw: 0.97, violence: 0.02 },
        rule_evaluations: [{ rule: "nsfw_threshold", matched: true }],
      },
    },
  });
  assert.equal(request.headers["x-pixelpatrol-event"], "media.moderated");
  const ts = Number(request.headers["x-pixelpatrol-timestamp"]);
  assert.ok(ts >= before - 1000 && ts <= Date.now(), `timestamp ${ts} is in milliseconds`);
});

test("downloads API: the shared key as secret, X-Webhook-Signature sha256=<hex>, hex timingSafeEqual", async () => {
  await checkScenario({
    webhook: { secret: randomSecret("dl_key_"), signature: { preset: "sha256-prefixed-hex" } },
    receiver: downloadsApi,
    wrongSecret: randomSecret("dl_key_"),
    event: {
      event: "download.completed",
      data: {
        request_id: "req_abc123",
        url: "https://example.com/video",
        status: "completed",
        file_info: {
          filename: "video-abc123.mp4",
          filepath: "videos/video-abc123.mp4",
          size_bytes: 104857600,
          download_url: "https://api.example.com/files/videos/video-abc123.mp4",
        },
        metadata: { title: "Example Video", uploader: "Channel Name", duration: 600 },
      },
    },
  });
});

// ── Standard Webhooks (the default) ───────────────────────────────────────────
const infringement = {
  event: "infringement.detected",
  data: { infringement_id: 12345, profile_id: 42, url: "https://unauthorized-site.com/stolen-content", confidence_score: 0.95 },
};

test("Standard Webhooks (default, generated whsec_ secret) verifies with the standardwebhooks package", async () => {
  const { request, hook } = await checkScenario({
    webhook: {},
    receiver: (s) => standardWebhooks(s),
    wrongSecret: randomSecret("whsec_"),
    event: infringement,
  });
  assert.match(hook.secret, /^whsec_/);
  assert.match(request.headers["webhook-signature"] as string, /^v1,[A-Za-z0-9+/=]+$/);
});

test("Standard Webhooks verifies with the svix package", async () => {
  await checkScenario({
    webhook: { signature: { preset: "standard-webhooks" } },
    receiver: svix,
    wrongSecret: "whsec_" + randomBytes(24).toString("base64"),
    event: { ...infringement, event: "takedown.status_changed" },
  });
});

test("Standard Webhooks with a secret chosen on create verifies as a raw key", async () => {
  await checkScenario({
    webhook: { secret: "your-webhook-secret-key" },
    receiver: (s) => standardWebhooks(s, { format: "raw" }),
    wrongSecret: "your-webhook-secret-kex",
    event: { ...infringement, event: "profile.updated" },
  });
});
