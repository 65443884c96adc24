"use client";

import dynamic from "next/dynamic";

// The coverage panel and its matcher (lib/coverage and the stemmer) are not part of the
// planner's first load (docs/decisions/018-client-bundle.md): the panel sits below the editor
// and appears a moment after the page does, with a line in its place until then.
export const CoveragePanel = dynamic(() => import("./coverage-panel").then((m) => m.CoveragePanel), {
  ssr: false,
  loading: () => <p className="mt-4 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">Checking your essay against your plan…</p>,
});
