import type { GrowthPoint } from "@/lib/process/summary";
import { plural } from "@/lib/text/plural";

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * The draft's length against minutes of writing (not clock time: the days between sessions
 * would flatten everything else). A paste shows as a rise with no time behind it; a dashed
 * line marks where each later session began. Plain SVG (docs/decisions/005-charts-as-plain-svg.md).
 */
export function GrowthChart({ points, id }: { points: GrowthPoint[]; id: string }) {
  const width = 480;
  const height = 180;
  const pad = { left: 44, right: 12, top: 12, bottom: 34 };
  const maxX = Math.max(1, ...points.map((p) => p.writingMs));
  const maxY = Math.max(1, ...points.map((p) => p.words));
  const x = (ms: number) => pad.left + (ms / maxX) * (width - pad.left - pad.right);
  const y = (words: number) => height - pad.bottom - (Math.max(0, words) / maxY) * (height - pad.top - pad.bottom);
  const line = points.map((p, i) => `${i ? "L" : "M"}${x(p.writingMs).toFixed(1)},${y(p.words).toFixed(1)}`).join(" ");
  const sessionStarts = points.filter((p, i) => i > 0 && p.session !== points[i - 1]!.session);
  const last = points.at(-1);
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-xl" data-testid="growth-chart">
      <title id={`${id}-title`}>The draft’s length in words against minutes of writing</title>
      <desc id={`${id}-desc`}>
        {last ? `From 0 to ${plural(last.words, "word")} over ${minutes(last.writingMs)} minutes of writing. ` : ""}
        {points
          .slice(1)
          .map((p) => `${minutes(p.writingMs)} min: ${plural(p.words, "word")}`)
          .join("; ")}
      </desc>
      <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} className="stroke-slate-300" />
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} className="stroke-slate-300" />
      {sessionStarts.map((p) => (
        <line key={p.session} x1={x(p.writingMs)} x2={x(p.writingMs)} y1={pad.top} y2={height - pad.bottom} strokeDasharray="3 3" className="stroke-slate-400" />
      ))}
      <path d={line} fill="none" strokeWidth={2} className="stroke-indigo-600" />
      <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
        {maxY}
      </text>
      <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" className="fill-slate-700 text-[11px]">
        0
      </text>
      <text x={width - pad.right} y={height - pad.bottom + 14} textAnchor="end" className="fill-slate-700 text-[11px]">
        {minutes(maxX)} min
      </text>
      <text x={pad.left + (width - pad.left - pad.right) / 2} y={height - 4} textAnchor="middle" className="fill-slate-600 text-[11px]">
        Minutes of writing (dashed: a new session)
      </text>
    </svg>
  );
}
