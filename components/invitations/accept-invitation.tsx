"use client";
import { useMutation } from "@tanstack/react-query";
import { acceptInvitation } from "@/components/members/api";
import { Button } from "@/components/ui/button";

export function AcceptInvitation({ token }: { token: string }) {
  // A full page load afterwards: the dashboard opens in the joined (now active) workspace.
  const accept = useMutation({ mutationFn: acceptInvitation, meta: { inlineErrors: true }, onSuccess: () => window.location.assign("/") });
  return (
    <div className="mt-4">
      <Button variant="primary" disabled={accept.isPending} onClick={() => accept.mutate(token)}>
        Accept invitation
      </Button>
      {accept.error ? (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {accept.error.message}
        </p>
      ) : null}
    </div>
  );
}
