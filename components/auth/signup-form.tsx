"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from "@/lib/auth/password-rules";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

function describe(error: { status?: number; message?: string; code?: string }): string {
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (error.code === "PASSWORD_TOO_SHORT" || error.code === "PASSWORD_TOO_LONG") return PASSWORD_RULE;
  return error.message || `Sign-up failed (HTTP ${error.status ?? "error"}).`;
}

/** With an invitation: the invited address is fixed, and the token goes along (SIGNUP=invite checks it). */
export function SignupForm({ invitation }: { invitation?: { token: string; email: string } }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [checkInbox, setCheckInbox] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    // Checked here too so the rule shows before a round trip; the server enforces it regardless.
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      setError(PASSWORD_RULE);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const name = String(form.get("name") ?? "").trim() || email.split("@")[0];
      const result = await authClient.signUp.email({ email, password, name, ...(invitation ? { invitationToken: invitation.token } : {}) });
      if (result.error) {
        setError(describe(result.error));
        setPending(false);
        return;
      }
      // No session when the address must be verified first (EMAIL_VERIFICATION).
      if (!result.data?.token) {
        setCheckInbox(true);
        setPending(false);
        return;
      }
      router.replace(invitation ? `/invitations/${encodeURIComponent(invitation.token)}` : "/");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  if (checkInbox) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        Almost done: open the link we just emailed you to confirm your address, then sign in.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="Name">
        <Input name="name" autoComplete="name" maxLength={80} />
      </Field>
      <Field label="Email">
        <Input name="email" type="email" autoComplete="email" required defaultValue={invitation?.email} readOnly={Boolean(invitation)} />
      </Field>
      <Field label="Password" hint={PASSWORD_RULE}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} />
      </Field>
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="block" disabled={pending} aria-busy={pending}>
        Create account
      </Button>
    </form>
  );
}
