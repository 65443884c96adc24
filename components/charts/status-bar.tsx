import { CELL_STATUS_LABELS, CELL_STATUS_ORDER, type CellStatus } from "@/lib/tracking/cell-status";
import { STATUS_STYLE } from "@/components/tracking/status-style";

/** A compact stacked bar of how many students are at each status (department view, board headers). */
export function StatusBar({ counts, width = 160 }: { counts: Record<CellStatus, number>; width?: number }) {
  const total = CELL_STATUS_ORDER.reduce((s, k) => s + counts[k], 0);
  const parts = CELL_STATUS_ORDER.filter((k) => counts[k] > 0);
  const label = parts.map((k) => `${CELL_STATUS_LABELS[k]} ${counts[k]}`).join(", ") || "No students";
  // Each segment starts where the ones before it end.
  const widths = parts.map((k) => (total ? (counts[k] / total) * width : 0));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w, 0));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} 10`} width={width} height={10} className="block">
      <title>{label}</title>
      <rect width={width} height={10} rx={3} className="fill-slate-100" />
      {parts.map((k, i) => (
        <rect key={k} x={starts[i]} width={widths[i]} height={10} fill={STATUS_STYLE[k].fill} />
      ))}
    </svg>
  );
}
