import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { findInvitation } from "@/lib/workspaces/invitation-lookup";
import { AcceptInvitation } from "@/components/invitations/accept-invitation";
import { AuthPage } from "@/components/auth/auth-page";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Invitation · HookRelay" };

// The emailed link. Signed in as the invited address: an Accept button. Signed out: sign
// in or sign up (with the token, so SIGNUP=invite lets this address in) and come back.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([findInvitation(token), auth.api.getSession({ headers: await headers() })]);
  const here = `/invitations/${encodeURIComponent(token)}`;

  let body: ReactNode;
  if (!invitation) {
    body = <p className="text-sm text-slate-700">This invitation has expired, was revoked or was already used. Ask whoever invited you for a new one.</p>;
  } else if (!session) {
    const signup = config().SIGNUP !== "closed";
    body = (
      <>
        <p className="text-sm text-slate-700">
          You are invited to <strong>{invitation.workspaceName}</strong> as <strong>{invitation.role}</strong>. Sign in as <strong>{invitation.email}</strong> to accept.
        </p>
        <p className="mt-4 flex gap-3 text-sm">
          <Link href={`/login?next=${encodeURIComponent(here)}`} className={buttonClass({ variant: "primary" })}>
            Sign in
          </Link>
          {signup ? (
            <Link href={`/signup?invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`} className={buttonClass()}>
              Create an account
            </Link>
          ) : null}
        </p>
      </>
    );
  } else if (session.user.email.toLowerCase() !== invitation.email) {
    body = (
      <>
        <p className="text-sm text-slate-700">
          This invitation is for <strong>{invitation.email}</strong>, but you are signed in as <strong>{session.user.email}</strong>. Sign out and sign in as the invited address.
        </p>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p className="text-sm text-slate-700">
          Join <strong>{invitation.workspaceName}</strong> as <strong>{invitation.role}</strong>?
        </p>
        <AcceptInvitation token={token} />
      </>
    );
  }

  return <AuthPage title="Workspace invitation">{body}</AuthPage>;
}
