import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { AuthPage } from "@/components/auth/auth-page";
import { LoginForm } from "@/components/auth/login-form";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Sign in · HookRelay" };

// Only a path on this site ("/x", not "//evil.example"): `next` comes from the URL.
const localPath = (value: string | string[] | undefined) => (typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/");

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = localPath((await searchParams).next);
  // Someone already signed in has nothing to do here.
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect(next);

  // SIGNUP=closed: no way to make an account, so no link to one.
  const footer =
    config().SIGNUP === "closed" ? undefined : (
      <>
        No account yet?{" "}
        <TextLink href="/signup" className="font-medium">
          Create one
        </TextLink>
      </>
    );
  return (
    <AuthPage title="HookRelay" lead="Sign in to your dashboard." footer={footer}>
      <LoginForm next={next} />
    </AuthPage>
  );
}
