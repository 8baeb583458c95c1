// Endpoint URLs, event ids and error texts can be arbitrarily long; cutting them
// with an ellipsis keeps tables inside the viewport, and the title shows the
// whole value on hover. Rendered as a text node, never as HTML.
interface TruncatedTextProps {
  text: string;
  /** Tailwind max-width class; the cell needs a bound for truncation to apply. */
  maxWidth?: string;
  className?: string;
}

export function TruncatedText({ text, maxWidth = "max-w-xs", className = "" }: TruncatedTextProps) {
  return (
    <span title={text} className={`block truncate ${maxWidth} ${className}`}>
      {text}
    </span>
  );
}
