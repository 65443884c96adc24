import type { FunnelStep } from "@/lib/tracking/analytics";
import { ChartDataTable } from "./chart-data-table";
import { STATUS_STYLE } from "@/components/tracking/status-style";
import { plural } from "@/lib/text/plural";

/**
 * How far the class has got: one bar per status, its length the number of students who
 * reached that stage or beyond, the darker part those exactly there. An SVG with a title
 * and description, and the same numbers in a table for screen readers and print.
 */
export function FunnelChart({ steps, total, id }: { steps: FunnelStep[]; total: number; id: string }) {
  const row = 30;
  const labelWidth = 130;
  const barWidth = 360;
  const height = steps.length * row + 10;
  const scale = (n: number) => (total ? (n / total) * barWidth : 0);
  const summary = steps.map((s) => `${s.label}: ${s.count} (reached by ${s.reached})`).join("; ");
  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`} className="w-full max-w-2xl" data-testid="funnel-chart">
        {/* One string child: React 19's server renderer leaves a <title> with several children empty, so the page fails to hydrate (#418). */}
        <title id={`${id}-title`}>{`Progress funnel for ${plural(total, "student")}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {steps.map((s, i) => (
          <g key={s.status} transform={`translate(0 ${i * row + 5})`}>
            <text x={labelWidth - 8} y={row / 2 + 4} textAnchor="end" className="fill-slate-700 text-[12px]">
              {s.label}
            </text>
            <rect x={labelWidth} y={4} width={barWidth} height={row - 10} rx={3} className="fill-slate-100" />
            <rect x={labelWidth} y={4} width={scale(s.reached)} height={row - 10} rx={3} fill={STATUS_STYLE[s.status].fill} opacity={0.45} />
            <rect x={labelWidth} y={4} width={scale(s.count)} height={row - 10} rx={3} fill={STATUS_STYLE[s.status].fill} />
            <text x={labelWidth + barWidth + 8} y={row / 2 + 4} className="fill-slate-800 text-[12px]">
              {s.count} · {s.reached}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600">Solid: students at that stage now. Pale: students who have reached it or gone beyond. Numbers: at · reached.</figcaption>
      <ChartDataTable
        label="Show the funnel as a table"
        head={["Status", "Students now", "Reached or beyond"]}
        rows={steps.map((s) => [s.label, s.count, s.reached])}
      />
    </figure>
  );
}
