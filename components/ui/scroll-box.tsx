import type { ReactNode } from "react";

/**
 * A box that scrolls sideways on its own when what it holds (a table) is wider than the
 * screen, so the page itself never does (decision 044). Keyboard users scroll it too: it is a
 * focusable, named region (axe's scrollable-region-focusable). Positioned (`relative`) so that
 * absolutely positioned content inside it, such as a table cell's `sr-only` text, is clipped
 * by the box: otherwise its containing block is the page, and it widens the page anyway.
 */
export function ScrollBox({ label, className = "", children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  return (
    // A scrolling region must take focus to be scrolled by keyboard.
    <div role="region" aria-label={label} tabIndex={0} data-testid={testId} className={`relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${className}`}>
      {children}
    </div>
  );
}
