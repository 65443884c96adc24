import Link from "next/link";

// On every page, signed in or not, so the privacy notice and accessibility statement are
// one link away (issue 15, decision 043).
export function SiteFooter() {
  return (
    <footer className="print:hidden border-t border-slate-200 bg-white">
      <nav aria-label="About Extent" className="mx-auto max-w-6xl px-4 py-3">
        <ul className="flex flex-wrap gap-x-2 text-sm">
          <li>
            <Link href="/privacy" className="inline-block rounded-md px-2 py-1.5 text-slate-700 underline hover:bg-slate-100">
              Privacy
            </Link>
          </li>
          <li>
            <Link href="/accessibility" className="inline-block rounded-md px-2 py-1.5 text-slate-700 underline hover:bg-slate-100">
              Accessibility
            </Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
