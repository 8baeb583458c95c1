// Who may create an account and whether the address must be proven first. Pure
// decisions read by lib/auth/auth.ts, kept apart so they can be tested for every setting
// (one server process only ever runs with one).
export type SignupMode = "open" | "closed" | "invite";
export type EmailVerificationMode = "auto" | "required" | "optional" | "off";

/** Null when the sign-up may go ahead, else the reason shown to the person signing up. */
export function signupRefusal(mode: SignupMode, invited: boolean): string | null {
  if (mode === "open") return null;
  if (mode === "closed") return "Sign-up is closed on this HookRelay server: ask its administrator for an account";
  return invited ? null : "Sign-up is by invitation only: open the link in your invitation email and sign up with the invited address";
}

/**
 * send: a verification link is emailed on sign-up; required: sign-in waits for it.
 * "auto" requires it when email can be sent (SMTP_URL set), and is off otherwise: a
 * server that can't send mail must not lock everyone out.
 */
export function emailVerification(mode: EmailVerificationMode, smtpConfigured: boolean): { send: boolean; required: boolean } {
  if (mode === "off" || (mode === "auto" && !smtpConfigured)) return { send: false, required: false };
  if (mode === "optional") return { send: true, required: false };
  return { send: true, required: true };
}
