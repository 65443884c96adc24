import type { CellStatus } from "@/lib/tracking/cell-status";

// One colour per board status, shared by the board's cells, the funnel and the legend.
// Text colours are the 800–900 shades on 50–100 fills: contrast above 4.5:1 everywhere.
export const STATUS_STYLE: Record<CellStatus, { cell: string; fill: string; short: string }> = {
  "not-started": { cell: "bg-slate-100 text-slate-700", fill: "#cbd5e1", short: "Not started" },
  planning: { cell: "bg-sky-50 text-sky-900", fill: "#7dd3fc", short: "Planning" },
  drafting: { cell: "bg-indigo-50 text-indigo-900", fill: "#a5b4fc", short: "Drafting" },
  submitted: { cell: "bg-teal-50 text-teal-900", fill: "#5eead4", short: "Submitted" },
  late: { cell: "bg-orange-100 text-orange-900", fill: "#fb923c", short: "Late" },
  resubmitted: { cell: "bg-violet-100 text-violet-900", fill: "#c4b5fd", short: "Resubmitted" },
  marked: { cell: "bg-amber-100 text-amber-900", fill: "#fcd34d", short: "Marked" },
  returned: { cell: "bg-green-100 text-green-900", fill: "#4ade80", short: "Returned" },
};
