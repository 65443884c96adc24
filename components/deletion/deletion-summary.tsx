import type { ReactNode } from "react";

// The list of what a deletion takes (on its confirmation) or took (on its report).

export function DeletionSummary({ heading, lines, empty = "Nothing else.", children }: { heading: string; lines: string[]; empty?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="deletion-summary-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="deletion-summary-heading" className="text-base font-semibold">
        {heading}
      </h2>
      {lines.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="deletion-counts">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      )}
      {children}
    </section>
  );
}
