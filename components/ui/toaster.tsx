"use client";
// Toasts (sonner): announced politely to screen readers, dismissible, stacked
// bottom-right where they cover the least of a table.
import { Toaster } from "sonner";

export function AppToaster() {
  return <Toaster position="bottom-right" richColors closeButton duration={6000} toastOptions={{ className: "text-sm" }} />;
}
