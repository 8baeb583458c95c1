import type { ComponentProps } from "react";
import { LINK_CLASS } from "./text-link";

// Every button (and every link that looks like one) takes its look from here:
// a variant says what the action is, a size how much room it gets.
const BASE =
  "inline-flex items-center justify-center gap-1 whitespace-nowrap rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50";

const VARIANTS = {
  /** The one action a screen is for: create, save, send. */
  primary: "border border-indigo-600 bg-indigo-600 text-white shadow-sm hover:bg-indigo-700",
  /** Everything else: cancel, pause, add a row. */
  secondary: "border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50",
  /** Removes or revokes something; it asks for confirmation first. */
  danger: "border border-rose-300 bg-white text-rose-700 shadow-sm hover:bg-rose-50",
  /** A button that reads as a link (Retry, Details, Cancel beside a form). */
  link: `${LINK_CLASS} underline`,
} as const;

const SIZES = {
  sm: "px-2 py-1 text-xs",
  md: "px-3 py-1.5 text-sm",
  /** Full width: the one button of the sign-in and sign-up forms. */
  block: "w-full px-3 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/** The classes of a button; for a Next `Link` that should look like one. */
export function buttonClass({ variant = "secondary", size = "md", className = "" }: ButtonStyle = {}): string {
  // A link-styled button keeps the text's size and takes no padding.
  const sized = variant === "link" ? "" : SIZES[size];
  return [BASE, VARIANTS[variant], sized, className].filter(Boolean).join(" ");
}

type ButtonProps = ComponentProps<"button"> & Omit<ButtonStyle, "className">;

/** type="button" unless said otherwise: a button inside a form must not submit it by accident. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
