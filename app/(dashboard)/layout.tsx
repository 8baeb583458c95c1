import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { auth } from "@/lib/auth/auth";
import { DashboardHeader } from "@/components/layout/dashboard-header";

// Every page in this group needs a signed-in user: checked once here, on the
// server, so no dashboard HTML or data request happens without a session.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/login");

  return (
    <>
      <DashboardHeader email={session.user.email} />
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">{children}</main>
    </>
  );
}
