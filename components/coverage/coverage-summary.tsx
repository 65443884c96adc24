import type { ReactNode } from "react";
import type { Coverage, EvidenceCoverage, FactorCoverage, FactorStatus, PlacementCheck } from "@/lib/coverage/coverage";
import type { JudgementStatus } from "@/lib/coverage/messages";

// How far the essay carries out the plan, as the student sees it beside the draft and the
// teacher beside the essay on the marking desk: the same words on both sides. Data-free: the
// student's panel passes what a click does and the key-evidence toggle.

export const STATUS_LABEL: Record<FactorStatus, string> = { covered: "Covered", mentioned: "Mentioned only", missing: "Not yet" };
const STATUS_STYLE: Record<FactorStatus, string> = {
  covered: "border-green-300 bg-green-50 text-green-900",
  mentioned: "border-amber-300 bg-amber-50 text-amber-900",
  missing: "border-slate-300 bg-slate-100 text-slate-800",
};
const JUDGEMENT_LABEL: Record<JudgementStatus, string> = {
  agrees: "Agrees with your plan",
  close: "Close to your plan",
  mismatch: "Does not match your plan",
  mixed: "Says both ways",
  unclear: "Not stated",
  "no-plan": "No planned judgement",
  "no-conclusion": "No conclusion yet",
};

export function StatusBadge({ status }: { status: FactorStatus }) {
  return <span className={`shrink-0 rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{STATUS_LABEL[status]}</span>;
}

export function CoverageSummary({
  coverage,
  audience,
  onFactor,
  evidenceControl,
}: {
  coverage: Coverage;
  audience: "student" | "teacher";
  /** A factor's name becomes a button (the student's panel: go to its paragraph / what to write). */
  onFactor?: (factor: FactorCoverage) => void;
  evidenceControl?: (evidence: EvidenceCoverage) => ReactNode;
}) {
  const your = audience === "student" ? "your" : "the";
  const used = coverage.evidence.filter((e) => e.used).length;
  const names = new Map(coverage.factors.map((f) => [f.factorId, f.name]));
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-semibold text-slate-900">Factors</h3>
        {coverage.factors.length === 0 ? <p className="text-slate-600">No factors planned yet.</p> : null}
        <ul className="mt-1 space-y-1.5">
          {coverage.factors.map((f) => (
            <li key={f.factorId} data-testid="coverage-factor" data-status={f.status} className="rounded-md border border-slate-200 px-2 py-1.5">
              <div className="flex items-start justify-between gap-2">
                {onFactor ? (
                  <button type="button" onClick={() => onFactor(f)} className="text-left font-medium text-indigo-800 underline decoration-dotted underline-offset-2 hover:decoration-solid">
                    {f.name}
                    <span className="sr-only">: {STATUS_LABEL[f.status]}. {f.status === "covered" ? "Go to its paragraph" : "What to write next"}</span>
                  </button>
                ) : (
                  <span className="font-medium text-slate-900">{f.name}</span>
                )}
                <StatusBadge status={f.status} />
              </div>
              <p className="mt-0.5 text-slate-700">{f.reason}</p>
            </li>
          ))}
        </ul>
      </div>

      <div>
        <h3 className="font-semibold text-slate-900">Evidence</h3>
        <p className="text-slate-700">
          {coverage.evidence.length === 0 ? "No evidence planned yet." : `${used} of ${coverage.evidence.length} pieces of planned evidence used.`}
        </p>
        <ul className="mt-1 space-y-1">
          {coverage.evidence.map((e) => (
            <li key={e.evidenceId} data-testid="coverage-evidence" data-used={e.used} className="flex items-start justify-between gap-2 rounded bg-slate-50 px-2 py-1">
              <span>
                <span className="font-medium">{e.used ? "✓ Used" : "Not used yet"}</span>
                {e.key ? <span className="ml-1 rounded bg-indigo-100 px-1 text-xs font-medium text-indigo-900">key</span> : null}: {e.text}
                <span className="block text-xs text-slate-600">
                  {names.get(e.factorId) ?? ""}
                  {e.used ? ` · paragraph ${e.paragraph! + 1}, matched on ${e.matchedOn.map((w) => `‘${w}’`).join(", ")}` : ""}
                </span>
              </span>
              {evidenceControl?.(e)}
            </li>
          ))}
        </ul>
      </div>

      <div>
        <h3 className="font-semibold text-slate-900">Line of argument</h3>
        <Placement label="Introduction" check={coverage.introduction} testId="coverage-introduction" />
        <Placement label="Conclusion" check={coverage.conclusion} testId="coverage-conclusion" />
      </div>

      <div data-testid="coverage-judgement" data-status={coverage.judgement.status}>
        <h3 className="font-semibold text-slate-900">Judgement</h3>
        <p className={coverage.judgement.status === "mismatch" ? "font-medium text-red-800" : "text-slate-700"}>
          <span className="font-medium">{JUDGEMENT_LABEL[coverage.judgement.status].replace("your plan", `${your} plan`)}.</span> {coverage.judgement.message}
        </p>
      </div>
    </div>
  );
}

function Placement({ label, check, testId }: { label: string; check: PlacementCheck; testId: string }) {
  return (
    <p data-testid={testId} data-found={check.found} className="mt-1 text-slate-700">
      <span className="font-medium">{label}: {check.found ? "✓ found" : "not found"}.</span> {check.reason}
    </p>
  );
}
