import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { SignupForm } from "@/components/auth/signup-form";

export const metadata: Metadata = { title: "Create an account · HookRelay" };

export default async function SignupPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect("/");

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">HookRelay</h1>
        <p className="mt-1 mb-6 text-sm text-slate-500">Create an account; you get a workspace of your own.</p>
        <SignupForm />
        <p className="mt-4 text-sm text-slate-600">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-sky-700 underline">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
