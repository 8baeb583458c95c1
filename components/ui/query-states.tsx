"use client";
// The three non-data states every list shows, worded the same everywhere.
import type { ReactNode } from "react";
import { ApiRequestError } from "@/components/api/fetch-json";
import { Button } from "./button";
import { TextLink } from "./text-link";

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="px-4 py-6 text-sm text-slate-500">
      {children}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="px-4 py-6 text-sm text-slate-500">{children}</p>;
}

interface ErrorStateProps {
  title: string;
  error: Error;
  onRetry?: () => void;
  /** Data is still on screen and only a refresh failed: a one-line notice suffices. */
  compact?: boolean;
}

export function ErrorState({ title, error, onRetry, compact = false }: ErrorStateProps) {
  const signedOut = error instanceof ApiRequestError && error.status === 401;
  return (
    <div
      role="alert"
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-rose-700 ${compact ? "border-b border-rose-100 bg-rose-50 px-4 py-2" : "px-4 py-6"}`}
    >
      <span>
        <span className="font-medium">{title}:</span> {error.message}
      </span>
      {signedOut ? (
        <TextLink href="/login" className="font-medium">
          Sign in
        </TextLink>
      ) : onRetry ? (
        <Button variant="link" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
