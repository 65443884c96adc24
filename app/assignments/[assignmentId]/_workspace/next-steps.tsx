import type { FactorStatus } from "@/lib/coverage/coverage";
import type { Factor } from "@/lib/planner/plan-schema";

/** What to write for a factor no paragraph argues yet, from the student's own plan. */
export function NextSteps({ factor, status, onClose }: { factor: Factor; status: FactorStatus; onClose: () => void }) {
  const name = factor.name.trim() || "this factor";
  const evidence = factor.evidence.filter((e) => e.text.trim());
  return (
    <section aria-label={`What to write next: ${name}`} className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950" data-testid="coverage-next">
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">Next: a paragraph that argues {name}</p>
        <button type="button" onClick={onClose} className="min-h-6 min-w-6 shrink-0 rounded px-1 text-indigo-900 hover:bg-indigo-100" aria-label="Close what to write next">
          ×
        </button>
      </div>
      {status === "mentioned" ? <p className="mt-1">You mention it, but no paragraph argues it yet: give it a paragraph of its own.</p> : null}
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>Open with the point: {factor.argumentFor.trim() || `how ${name} affected the outcome`}.</li>
        {evidence.length ? (
          <li>
            Use your evidence:
            <ul className="list-disc pl-5">
              {evidence.map((e) => (
                <li key={e.id}>
                  {e.text}
                  {e.key ? " (key)" : ""}
                </li>
              ))}
            </ul>
          </li>
        ) : (
          <li>Add a precise fact: a date, a figure or a named example.</li>
        )}
        {factor.argumentAgainst.trim() ? <li>Weigh it against its limits: {factor.argumentAgainst.trim()}</li> : null}
        <li>End with your mini-judgement: {factor.miniJudgement.trim() || "how significant it was, in one sentence that answers the question"}.</li>
      </ol>
    </section>
  );
}
