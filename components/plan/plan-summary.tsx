import type { Plan } from "@/lib/planner/plan-schema";
import { factorsByWeight, judgementWords } from "@/lib/planner/outline";
import { chosenCriteriaNames } from "@/lib/planner/significance-criteria";

const KIND = { stated: "Stated factor", other: "Other factor", claim: "Case for", counter: "Case against" } as const;

/**
 * Everything a student planned, for the teacher: the judgement and line of argument, the
 * criteria, and each factor with its weight, evidence (key pieces marked), argument for,
 * argument against and mini-judgement. Data-free; the marking desk and the student's work
 * page both show it.
 */
export function PlanSummary({ plan, testId = "teacher-plan-view" }: { plan: Plan; testId?: string }) {
  const criteria = chosenCriteriaNames(plan.criteria, plan.customCriteria);
  return (
    <div className="space-y-3 text-sm" data-testid={testId}>
      <p>
        <span className="font-medium">Judgement:</span> {plan.judgement.position === null ? "not placed" : judgementWords(plan.judgement.position)}.{" "}
        {plan.judgement.argument.trim() ? <span className="italic">“{plan.judgement.argument.trim()}”</span> : "No line of argument written."}
      </p>
      <p>
        <span className="font-medium">Criteria:</span> {criteria.join(", ") || "none chosen"}
      </p>
      <ol className="space-y-2">
        {factorsByWeight(plan.factors).map((f) => (
          <li key={f.id} className="rounded border border-slate-200 p-2" data-testid="plan-factor">
            <p className="font-medium text-slate-900">
              {f.name.trim() || "Unnamed factor"}{" "}
              <span className="font-normal text-slate-600">
                · {KIND[f.kind]}
                {f.area ? ` · ${f.area}` : ""} · weight {f.weight ?? "—"}
              </span>
            </p>
            {f.evidence.length ? (
              <ul className="mt-1 list-disc pl-5 text-slate-800">
                {f.evidence.map((e) => (
                  <li key={e.id}>
                    {e.text}
                    {e.key ? <span className="ml-1 rounded bg-indigo-100 px-1 text-xs font-medium text-indigo-900">key</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-600">No evidence.</p>
            )}
            <dl className="mt-1 grid gap-x-2 gap-y-0.5 text-slate-800 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">For:</dt>
              <dd data-testid="plan-argument-for">{f.argumentFor.trim() || "—"}</dd>
              <dt className="font-medium">Against:</dt>
              <dd data-testid="plan-argument-against">{f.argumentAgainst.trim() || "—"}</dd>
              <dt className="font-medium">Mini-judgement:</dt>
              <dd className="italic">{f.miniJudgement.trim() || "—"}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
