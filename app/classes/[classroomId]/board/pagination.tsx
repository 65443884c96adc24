import Link from "next/link";

type Filter = { status?: string; student?: string; assignment?: string; sort?: string };

/** The board's URL for a page, keeping the filters (so every page can be bookmarked). */
export function boardHref(base: string, filter: Filter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["status", "assignment", "student", "sort"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

// Which page numbers to offer: the first, the last, and two either side of this one.
function pageNumbers(page: number, pages: number): (number | "gap")[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? ["gap" as const, n] : [n]));
}

export function BoardPagination({ base, filter, page, pages }: { base: string; filter: Filter; page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Pages of students" className="mt-3">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <Link href={boardHref(base, filter, page - 1)} rel="prev" className={link}>
              Previous
            </Link>
          </li>
        ) : null}
        {pageNumbers(page, pages).map((n, i) =>
          n === "gap" ? (
            <li key={`gap${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link href={boardHref(base, filter, n)} aria-label={`Page ${n}`} aria-current={n === page ? "page" : undefined} className={n === page ? "rounded-md border border-indigo-700 bg-indigo-700 px-3 py-1 text-white" : link}>
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link href={boardHref(base, filter, page + 1)} rel="next" className={link}>
              Next
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
