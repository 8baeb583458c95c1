import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { signupRefusal } from "@/lib/auth/account-policy";
import { isInvited } from "@/lib/workspaces/invitation-lookup";
import { AuthPage } from "@/components/auth/auth-page";
import { SignupForm } from "@/components/auth/signup-form";
import { TextLink } from "@/components/ui/text-link";

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

  const footer = (
    <>
      Already have an account?{" "}
      <TextLink href="/login" className="font-medium">
        Sign in
      </TextLink>
    </>
  );
  return (
    <AuthPage title="HookRelay" lead="Create an account; you get a workspace of your own." footer={footer}>
      {refusal ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {refusal}.
        </p>
      ) : (
        <SignupForm invitation={invited ? { token: invitation!, email: email! } : undefined} />
      )}
    </AuthPage>
  );
}
