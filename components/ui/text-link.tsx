import Link from "next/link";
import type { ComponentProps } from "react";

/** The one link colour, for links and for buttons that read as links. */
export const LINK_CLASS = "text-indigo-700 hover:text-indigo-900";

type TextLinkProps = ComponentProps<typeof Link> & {
  /** Underlined on hover only: for links that fill a table cell, where underlines everywhere would be noise. */
  quiet?: boolean;
};

/** A link inside the app, in the one link colour. */
export function TextLink({ quiet = false, className = "", ...props }: TextLinkProps) {
  return <Link className={`${LINK_CLASS} ${quiet ? "hover:underline" : "underline"} ${className}`} {...props} />;
}
