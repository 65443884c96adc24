import type { CriterionSummary } from "@/lib/whole-class-feedback/aggregate";
import { ScrollBox } from "@/components/ui/scroll-box";

/** How the class's levels fell per criterion: for the teacher only, never in what students see. */
export function LevelCounts({ criteria, marked }: { criteria: CriterionSummary[]; marked: number }) {
  const levels = [...new Set(criteria.flatMap((c) => c.distribution.map((d) => d.level)))].sort((a, b) => a - b);
  return (
    <ScrollBox label="Essays at each level">
      <table className="w-full text-left text-sm" data-testid="level-counts">
        <caption className="mb-2 text-left text-sm text-slate-600">Essays at each level ({marked} fully marked)</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Criterion</th>
            {levels.map((l) => (
              <th key={l} scope="col" className="px-2 py-1 text-right font-medium">
                Level {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.criterionId} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-medium text-slate-900">{c.name}</th>
              {levels.map((l) => {
                const count = c.distribution.find((d) => d.level === l)?.count;
                return (
                  <td key={l} className="px-2 py-1 text-right tabular-nums">
                    {count === undefined ? "" : count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
