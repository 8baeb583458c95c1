// Shared by better-auth's config and the sign-up form, so the rule shown is the rule enforced.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const PASSWORD_RULE = `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A passphrase of a few words works well.`;
