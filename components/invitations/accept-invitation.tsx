"use client";
import { useMutation } from "@tanstack/react-query";
import { acceptInvitation } from "@/components/members/api";

export function AcceptInvitation({ token }: { token: string }) {
  // A full page load afterwards: the dashboard opens in the joined (now active) workspace.
  const accept = useMutation({ mutationFn: acceptInvitation, meta: { inlineErrors: true }, onSuccess: () => window.location.assign("/") });
  return (
    <div className="mt-4">
      <button
        type="button"
        disabled={accept.isPending}
        onClick={() => accept.mutate(token)}
        className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white disabled:opacity-70"
      >
        Accept invitation
      </button>
      {accept.error ? (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {accept.error.message}
        </p>
      ) : null}
    </div>
  );
}
