// Every built-in event type, by compatible platform (docs/compatibility.md). Names are unique across files (checked in tests).
import { contentProtectionTypes } from "./content-protection";
import { socialMediaTypes } from "./social-media";
import { voiceSecurityTypes } from "./voice-security";
import { mediaModerationTypes } from "./media-moderation";
import { downloadTypes } from "./downloads";
import { operationalTypes } from "./operational";
import type { BuiltinEventType } from "./schema-helpers";

export type { BuiltinEventType, JsonSchema } from "./schema-helpers";

export const BUILTIN_EVENT_TYPES: readonly BuiltinEventType[] = [
  ...contentProtectionTypes,
  ...socialMediaTypes,
  ...voiceSecurityTypes,
  ...mediaModerationTypes,
  ...downloadTypes,
  ...operationalTypes,
];

const byName = new Map(BUILTIN_EVENT_TYPES.map((t) => [t.name, t]));
export const findBuiltin = (name: string) => byName.get(name);
