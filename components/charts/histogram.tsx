import type { MarkBucket } from "@/lib/tracking/analytics";
import { ChartDataTable } from "./chart-data-table";

/** The distribution of total marks: one column per band of marks, labelled with its count. */
export function Histogram({ buckets, totalMarks, id }: { buckets: MarkBucket[]; totalMarks: number; id: string }) {
  const width = 480;
  const height = 200;
  const pad = { left: 30, bottom: 36, top: 16 };
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = (width - pad.left) / Math.max(1, buckets.length);
  const plot = height - pad.bottom - pad.top;
  const marked = buckets.reduce((s, b) => s + b.count, 0);
  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-xl" data-testid="mark-histogram">
        <title id={`${id}-title`}>{`Distribution of total marks out of ${totalMarks} (${marked} marked)`}</title>
        <desc id={`${id}-desc`}>{buckets.map((b) => `${b.from}–${b.to} marks: ${b.count}`).join("; ")}</desc>
        <line x1={pad.left} x2={width} y1={height - pad.bottom} y2={height - pad.bottom} className="stroke-slate-300" />
        {buckets.map((b, i) => {
          const h = (b.count / max) * plot;
          const x = pad.left + i * slot + 6;
          return (
            <g key={b.from}>
              <rect x={x} y={height - pad.bottom - h} width={slot - 12} height={h} rx={3} className="fill-indigo-400" />
              <text x={x + (slot - 12) / 2} y={height - pad.bottom - h - 4} textAnchor="middle" className="fill-slate-800 text-[12px]">
                {b.count}
              </text>
              <text x={x + (slot - 12) / 2} y={height - pad.bottom + 16} textAnchor="middle" className="fill-slate-700 text-[11px]">
                {b.from === b.to ? b.from : `${b.from}–${b.to}`}
              </text>
            </g>
          );
        })}
        <text x={pad.left + (width - pad.left) / 2} y={height - 4} textAnchor="middle" className="fill-slate-600 text-[11px]">
          Total mark
        </text>
      </svg>
      <ChartDataTable label="Show the distribution as a table" head={["Marks", "Students"]} rows={buckets.map((b) => [`${b.from}–${b.to}`, b.count])} />
    </figure>
  );
}
