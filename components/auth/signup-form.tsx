"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from "@/lib/auth/password-rules";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-slate-500 focus:outline-none focus:ring-2 focus:ring-slate-200";

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
      <div>
        <label htmlFor="name" className="block text-sm font-medium text-slate-700">
          Name
        </label>
        <input id="name" name="name" autoComplete="name" maxLength={80} className={inputClass} />
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required className={inputClass} defaultValue={invitation?.email} readOnly={Boolean(invitation)} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          aria-describedby="password-rule"
          className={inputClass}
        />
        <p id="password-rule" className="mt-1 text-xs text-slate-500">
          {PASSWORD_RULE}
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:cursor-wait disabled:opacity-70"
      >
        Create account
      </button>
    </form>
  );
}
