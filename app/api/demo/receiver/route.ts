// A built-in receiver for the demo (`npm start` turns it on with DEMO_RECEIVER=on):
// the seeded "Demo receiver" webhook points here, so a fresh install shows
// deliveries, retries and the dead-letter queue without any server of your own.
// It answers 200, except a configurable share of 503s to show retries at work.
import { NextResponse } from "next/server";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (config().DEMO_RECEIVER !== "on") return NextResponse.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  await req.text();
  if (Math.random() < config().DEMO_RECEIVER_FAIL_RATE) return NextResponse.json({ status: "busy, try again" }, { status: 503 });
  return NextResponse.json({ status: "received" });
}
