import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in · HookRelay" };

// Only a path on this site ("/x", not "//evil.example"): `next` comes from the URL.
const localPath = (value: string | string[] | undefined) => (typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/");

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = localPath((await searchParams).next);
  // Someone already signed in has nothing to do here.
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect(next);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">HookRelay</h1>
        <p className="mt-1 mb-6 text-sm text-slate-500">Sign in to your dashboard.</p>
        <LoginForm next={next} />
        {/* SIGNUP=closed: no way to make an account, so no link to one. */}
        {config().SIGNUP === "closed" ? null : (
          <p className="mt-4 text-sm text-slate-600">
            No account yet?{" "}
            <Link href="/signup" className="font-medium text-sky-700 underline">
              Create one
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
