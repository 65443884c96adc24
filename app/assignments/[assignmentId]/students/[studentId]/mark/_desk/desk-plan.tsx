import type { MarkingDesk } from "@/lib/marking/desk";
import { CoverageSummary } from "@/components/coverage/coverage-summary";
import { PlanSummary } from "@/components/plan/plan-summary";

const ROLE = { introduction: "Introduction", conclusion: "Conclusion", body: "No planned factor", outline: "Outline, not written out" } as const;

/**
 * Beside the essay on the desk: how far this version carries out the student's plan (the same
 * panel the student saw, with their own paragraph links) and the whole plan.
 */
export function DeskPlan({ desk }: { desk: MarkingDesk }) {
  const names = new Map(desk.plan.content.factors.map((f) => [f.id, f.name.trim() || "Unnamed factor"]));
  return (
    <div className="mt-6 space-y-3">
      <details open className="rounded-lg border border-slate-200" data-testid="desk-coverage">
        <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">How far the essay follows the plan</summary>
        <div className="space-y-4 border-t border-slate-200 px-4 py-3">
          <CoverageSummary coverage={desk.coverage} audience="teacher" />
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Paragraphs</h3>
            <ol className="mt-1 space-y-1 text-sm">
              {desk.coverage.paragraphs.map((p) => (
                <li key={p.key} data-testid="desk-paragraph">
                  <span className="font-medium">¶{p.index + 1}</span> “{p.preview}” → {p.factorId ? names.get(p.factorId) : ROLE[p.role]}
                  {p.linkedByHand ? <span className="text-slate-600"> (linked by the student)</span> : null}
                </li>
              ))}
            </ol>
          </div>
        </div>
      </details>
      <details open className="rounded-lg border border-slate-200">
        <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">The student’s plan</summary>
        <div className="border-t border-slate-200 px-4 py-3">
          {desk.plan.saved ? <PlanSummary plan={desk.plan.content} /> : <p className="text-sm text-slate-600">No plan saved.</p>}
        </div>
      </details>
    </div>
  );
}
