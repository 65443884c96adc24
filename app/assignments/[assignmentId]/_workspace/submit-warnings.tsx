import type { SubmitWarnings } from "@/lib/coverage/submit-checks";

// The panel's words for a status (components/coverage), repeated so this stays in the first load without it.
const STATUS = { covered: "covered", mentioned: "mentioned only", missing: "not yet" } as const;

/** The hand-in confirmation's list: what the essay leaves out of the plan, and what the plan still needs. */
export function SubmitWarningList({ warnings: w }: { warnings: SubmitWarnings }) {
  return (
    <div className="space-y-3" data-testid="submit-warnings">
      <p>Your essay does not yet do everything your plan sets out. You can go back and fix it, or submit it as it is.</p>
      {w.uncovered.length ? (
        <section>
          <h3 className="font-semibold">Factors no paragraph argues</h3>
          <ul className="list-disc pl-5">
            {w.uncovered.map((f) => (
              <li key={f.factorId} data-testid="submit-uncovered">
                {f.name} ({STATUS[f.status]})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {w.unusedKey.length ? (
        <section>
          <h3 className="font-semibold">Key evidence you have not used</h3>
          <ul className="list-disc pl-5">
            {w.unusedKey.map((e) => (
              <li key={e.evidenceId} data-testid="submit-unused-key">
                {e.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {w.fixes.length ? (
        <section>
          <h3 className="font-semibold">Still to fix in your plan</h3>
          <ul className="list-disc pl-5">
            {w.fixes.map((p, i) => (
              <li key={`${p.code}-${p.factorId ?? ""}-${i}`} data-testid="submit-fix">
                <span className="font-medium">Fix: </span>
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {w.judgement ? (
        <section>
          <h3 className="font-semibold">Your conclusion and your plan disagree</h3>
          <p data-testid="submit-judgement">{w.judgement.message}</p>
        </section>
      ) : null}
    </div>
  );
}
