import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { signupRefusal } from "@/lib/auth/account-policy";
import { isInvited } from "@/lib/workspaces/invitation-lookup";
import { SignupForm } from "@/components/auth/signup-form";

export const metadata: Metadata = { title: "Create an account · HookRelay" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// SIGNUP=closed: the page says so instead of showing a form the server would refuse.
// SIGNUP=invite: the form only for the invited address, reached from the invitation link.
export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect("/");
  const query = await searchParams;
  const invitation = one(query.invitation);
  const email = one(query.email);
  const invited = Boolean(invitation && email && (await isInvited(invitation, email)));
  const refusal = signupRefusal(config().SIGNUP, invited);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">HookRelay</h1>
        <p className="mt-1 mb-6 text-sm text-slate-500">Create an account; you get a workspace of your own.</p>
        {refusal ? (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {refusal}.
          </p>
        ) : (
          <SignupForm invitation={invited ? { token: invitation!, email: email! } : undefined} />
        )}
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
