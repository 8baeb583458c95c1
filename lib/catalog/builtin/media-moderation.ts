// Pixel Patrol (media moderation). Its guide lists these types with a
// one-line payload description only ("Media ID, site ID, status, timestamps";
// "Status, AI results, rule evaluations"; "Test data"), so the examples are
// written from those descriptions; status values follow its filter example.
import { arr, bool, dataSchema, dateTime, obj, oneOf, score01, str, type BuiltinEventType } from "./schema-helpers";

const origin = "Pixel Patrol";
const status = oneOf("pending", "approved", "rejected", "flagged");

export const mediaModerationTypes: BuiltinEventType[] = [
  {
    name: "media.created",
    origin,
    description: "New media was submitted for moderation.",
    schema: dataSchema("media.created", { media_id: str, site_id: str, status, created_at: dateTime, updated_at: dateTime }, ["updated_at"]),
    example: { media_id: "media_123", site_id: "site_456", status: "pending", created_at: "2025-01-15T10:00:00Z", updated_at: "2025-01-15T10:00:00Z" },
  },
  {
    name: "media.moderated",
    origin,
    description: "Moderation of a media item finished: final status, AI results and rule evaluations.",
    schema: dataSchema(
      "media.moderated",
      {
        media_id: str,
        site_id: str,
        status,
        ai_results: obj({ labels: arr(obj({ name: str, confidence: score01 })), confidence: score01 }, ["labels"]),
        rule_evaluations: arr(obj({ rule_id: str, matched: bool, action: str }, ["action"])),
        moderated_at: dateTime,
      },
      ["ai_results", "rule_evaluations"],
    ),
    example: {
      media_id: "media_123",
      site_id: "site_456",
      status: "flagged",
      ai_results: { labels: [{ name: "violence", confidence: 0.87 }], confidence: 0.87 },
      rule_evaluations: [{ rule_id: "rule_violence", matched: true, action: "flag" }],
      moderated_at: "2025-01-15T10:00:02Z",
    },
  },
  {
    name: "test.webhook",
    origin,
    description: "Test event used to verify a webhook setup (Pixel Patrol's name for it).",
    schema: dataSchema("test.webhook", { message: str, timestamp: dateTime }, ["timestamp"]),
    example: { message: "This is a test webhook from Pixel Patrol", timestamp: "2025-01-15T10:00:00Z" },
  },
];
