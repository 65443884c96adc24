import type { Heatmap } from "@/lib/tracking/analytics";
import { ChartDataTable } from "./chart-data-table";
import { ScrollBox } from "@/components/ui/scroll-box";

// Light to dark indigo by the share of the criterion's top level reached; empty = not marked.
const SHADES = ["#eef2ff", "#c7d2fe", "#a5b4fc", "#818cf8", "#6366f1", "#4338ca"];
function shade(level: number, levelCount: number): string {
  return SHADES[Math.round((level / Math.max(1, levelCount)) * (SHADES.length - 1))]!;
}

/**
 * Levels awarded per student (rows) per criterion (columns), with the class average per
 * criterion underneath, so the weakest criterion stands out. Each cell carries its value
 * as text; the same grid is available as a table.
 */
export function LevelHeatmap({ heatmap, id, marked }: { heatmap: Heatmap; id: string; /** Every marked student, when the rows are one page of them. */ marked?: number }) {
  const cellW = 120;
  const cellH = 24;
  const nameW = 170;
  const headLines = heatmap.criteria.map((c) => wrap(c.name, 16));
  const headH = 14 * Math.max(1, ...headLines.map((l) => l.length)) + 12;
  const rows = heatmap.rows.filter((r) => r.levels.some((l) => l !== null));
  const width = nameW + heatmap.criteria.length * cellW;
  const height = headH + (rows.length + 1) * cellH + 8;
  const averages = heatmap.criteria.map((c) => `${c.name} ${c.average ?? "—"} of ${c.levelCount}`).join("; ");
  return (
    <figure className="space-y-2">
      <ScrollBox label="Levels heatmap">
        <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width={width} className="max-w-none" data-testid="level-heatmap">
          <title id={`${id}-title`}>{`Levels awarded per criterion for ${marked !== undefined && marked > rows.length ? `${rows.length} of ${marked}` : rows.length} marked students`}</title>
          <desc id={`${id}-desc`}>
            Class averages: {averages}.{heatmap.weakest ? ` Weakest: ${heatmap.weakest.name}.` : ""}
          </desc>
          {heatmap.criteria.map((c, j) => {
            const lines = headLines[j]!;
            return (
              <text key={c.id} x={nameW + j * cellW + cellW / 2} y={headH - 8 - 14 * (lines.length - 1)} textAnchor="middle" className={`text-[12px] ${heatmap.weakest?.id === c.id ? "fill-red-800 font-semibold" : "fill-slate-800"}`}>
                {lines.map((line, k) => (
                  <tspan key={k} x={nameW + j * cellW + cellW / 2} dy={k === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
          {rows.map((r, i) => (
            <g key={r.studentId} transform={`translate(0 ${headH + i * cellH})`}>
              <text x={nameW - 8} y={cellH / 2 + 4} textAnchor="end" className="fill-slate-800 text-[12px]">
                {r.name}
              </text>
              {r.levels.map((level, j) => (
                <g key={heatmap.criteria[j]!.id}>
                  <rect x={nameW + j * cellW + 1} y={1} width={cellW - 2} height={cellH - 2} rx={2} fill={level === null ? "#f8fafc" : shade(level, heatmap.criteria[j]!.levelCount)} />
                  <text x={nameW + j * cellW + cellW / 2} y={cellH / 2 + 4} textAnchor="middle" className={`text-[12px] ${level !== null && level / heatmap.criteria[j]!.levelCount > 0.6 ? "fill-white" : "fill-slate-900"}`}>
                    {level ?? "–"}
                  </text>
                </g>
              ))}
            </g>
          ))}
          <g transform={`translate(0 ${headH + rows.length * cellH + 4})`}>
            <text x={nameW - 8} y={cellH / 2 + 4} textAnchor="end" className="fill-slate-900 text-[12px] font-semibold">
              Class average
            </text>
            {heatmap.criteria.map((c, j) => (
              <text key={c.id} x={nameW + j * cellW + cellW / 2} y={cellH / 2 + 4} textAnchor="middle" className={`text-[12px] font-semibold ${heatmap.weakest?.id === c.id ? "fill-red-800" : "fill-slate-900"}`}>
                {c.average ?? "—"}
              </text>
            ))}
          </g>
        </svg>
      </ScrollBox>
      <figcaption className="text-sm text-slate-700" data-testid="heatmap-summary">
        {heatmap.weakest ? (
          <>
            Weakest criterion: <strong>{heatmap.weakest.name}</strong> (class average {heatmap.criteria.find((c) => c.id === heatmap.weakest!.id)?.average} of{" "}
            {heatmap.criteria.find((c) => c.id === heatmap.weakest!.id)?.levelCount}).
          </>
        ) : rows.length ? (
          "One criterion only: the averages compare students, not criteria."
        ) : (
          "No marks yet."
        )}
      </figcaption>
      <ChartDataTable
        label="Show the levels as a table"
        head={["Student", ...heatmap.criteria.map((c) => c.name)]}
        rows={[...rows.map((r) => [r.name, ...r.levels]), ["Class average", ...heatmap.criteria.map((c) => c.average)]]}
      />
    </figure>
  );
}

// Criterion names wrap onto lines of about `width` characters (SVG text does not wrap).
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
