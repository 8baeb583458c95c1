import type { ReactNode } from "react";

interface AuthPageProps {
  title: string;
  /** One line under the title: what this page is for. */
  lead?: string;
  children: ReactNode;
  /** Below the form, e.g. the link to the other of sign-in and sign-up. */
  footer?: ReactNode;
}

/** The signed-out pages (sign-in, sign-up, an invitation): one centred card, no dashboard around it. */
export function AuthPage({ title, lead, children, footer }: AuthPageProps) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {lead ? <p className="mt-1 text-sm text-slate-500">{lead}</p> : null}
        <div className="mt-6">{children}</div>
        {footer ? <p className="mt-4 text-sm text-slate-600">{footer}</p> : null}
      </div>
    </main>
  );
}
