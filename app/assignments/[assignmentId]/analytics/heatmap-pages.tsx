import Link from "next/link";

// The heatmap shows one page of marked students (the averages cover them all): which ones,
// and links to the pages either side. Plain links, so every page can be bookmarked.

export function heatmapHref(assignmentId: string, page: number): string {
  const base = `/assignments/${assignmentId}/analytics`;
  return page > 1 ? `${base}?page=${page}#levels` : `${base}#levels`;
}

export function HeatmapPages({ assignmentId, page, pages, pageSize, shown, marked }: { assignmentId: string; page: number; pages: number; pageSize: number; shown: number; marked: number }) {
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Pages of marked students" className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <p className="text-slate-700" data-testid="heatmap-range">
        Students {from}–{from + shown - 1} of {marked} marked (page {page} of {pages})
      </p>
      {page > 1 ? (
        <Link href={heatmapHref(assignmentId, page - 1)} rel="prev" className={link}>
          Previous
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={heatmapHref(assignmentId, page + 1)} rel="next" className={link}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
