// Sonotheia (voice security): analysis results. Its guide names the
// envelope field `type`; `data` carries its own timestamp.
import { bool, dataSchema, dateTime, int, oneOf, score01, str, type BuiltinEventType } from "./schema-helpers";

const origin = "Sonotheia";

export const voiceSecurityTypes: BuiltinEventType[] = [
  {
    name: "deepfake.completed",
    origin,
    description: "Deepfake analysis of an audio session finished; `score` is the probability it is synthetic.",
    schema: dataSchema(
      "deepfake.completed",
      { session_id: str, score: score01, label: oneOf("likely_real", "uncertain", "likely_synthetic"), latency_ms: { ...int, minimum: 0 }, timestamp: dateTime },
      ["latency_ms", "timestamp"],
    ),
    example: { session_id: "session-xyz789", score: 0.82, label: "likely_synthetic", latency_ms: 640, timestamp: "2026-01-21T12:00:00Z" },
  },
  {
    name: "mfa.completed",
    origin,
    description: "Voice MFA verification of an enrolled speaker finished.",
    schema: dataSchema(
      "mfa.completed",
      { session_id: str, enrollment_id: str, verified: bool, confidence: score01, timestamp: dateTime },
      ["confidence", "timestamp"],
    ),
    example: { session_id: "session-xyz789", enrollment_id: "enroll-123", verified: true, confidence: 0.93, timestamp: "2026-01-21T12:00:05Z" },
  },
  {
    name: "sar.submitted",
    origin,
    description: "A suspicious activity report (SAR) was filed for a session.",
    schema: dataSchema("sar.submitted", { session_id: str, case_id: str, status: str, timestamp: dateTime }, ["timestamp"]),
    example: { session_id: "session-xyz789", case_id: "sar-001234", status: "submitted", timestamp: "2026-01-21T12:00:10Z" },
  },
];
