"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

interface AuthError {
  status?: number;
  message?: string;
  code?: string;
}

// better-auth's messages are fine for most failures; these two deserve plainer words.
function describe(error: AuthError): string {
  if (error.status === 401) return "Invalid email or password.";
  if (error.status === 429) return "Too many sign-in attempts. Wait a minute and try again.";
  if (error.code === "EMAIL_NOT_VERIFIED") return "Confirm your email address first: open the link we emailed you (a new one is on its way).";
  return error.message || `Sign-in failed (HTTP ${error.status ?? "error"}).`;
}

/** `next`: a local path to open after signing in (the page checked it). */
export function LoginForm({ next = "/" }: { next?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await authClient.signIn.email({
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
      });
      if (result.error) {
        setError(describe(result.error));
        setPending(false);
        return;
      }
      // Stay "pending" while navigating so the form can't be submitted twice.
      // refresh() drops any router-cached render of "/" made while signed out.
      router.replace(next);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="Email">
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="block" disabled={pending} aria-busy={pending}>
        Sign in
      </Button>
    </form>
  );
}
