"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    try {
      const { error } = await authClient.signOut();
      if (error) throw new Error(error.message);
    } catch {
      setFailed(true);
      setPending(false);
      return;
    }
    // The next person to sign in on this browser must not see this workspace's cached lists.
    queryClient.clear();
    router.replace("/login");
    router.refresh();
  }

  return (
    <span className="flex items-center gap-2">
      {failed ? (
        <span role="alert" className="text-xs text-rose-700">
          Sign-out failed, try again
        </span>
      ) : null}
      <Button onClick={() => void signOut()} disabled={pending}>
        Sign out
      </Button>
    </span>
  );
}
