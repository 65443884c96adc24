import type { MarkingView } from "@/lib/marking/markings";
import type { Rubric } from "@/lib/rubrics/rubric-schema";

/**
 * Per criterion: the level awarded with its descriptor, and what the next level up needs
 * (the rubric's student-facing next step), so feedback says where to go, not only where
 * the essay landed.
 */
export function Scorecard({ rubric, marking }: { rubric: Rubric; marking: MarkingView }) {
  return (
    <section aria-labelledby="scorecard-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="scorecard">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="scorecard-heading" className="text-lg font-semibold text-slate-900">
          Scorecard
        </h2>
        <p className="text-xl font-semibold text-slate-900" data-testid="scorecard-total">
          {marking.total ?? "—"} <span className="text-base font-normal text-slate-600">/ {rubric.totalMarks}</span>
        </p>
      </div>
      <div className="mt-3 space-y-4">
        {rubric.criteria.map((c) => {
          const award = marking.awards.find((a) => a.criterionId === c.id);
          const level = c.levels.find((l) => l.level === award?.level);
          const top = c.levels.at(-1);
          const next = c.levels.find((l) => l.level === (award?.level ?? 0) + 1);
          return (
            <div key={c.id} className="border-t border-slate-100 pt-3 first:border-t-0 first:pt-0" data-testid={`scorecard-${c.id}`}>
              <h3 className="font-medium text-slate-900">
                {c.name}:{" "}
                {award ? (
                  <span>
                    Level {award.level}
                    {award.level > 0 && top ? ` of ${top.level}` : ""}
                    {award.mark !== undefined && rubric.shape !== "holistic" ? ` · ${award.mark} marks` : ""}
                  </span>
                ) : (
                  "not marked"
                )}
              </h3>
              <p className="mt-1 text-sm text-slate-700">{level ? level.descriptor : award?.level === 0 ? rubric.zeroDescriptor : null}</p>
              {next ? (
                <p className="mt-2 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950">
                  {/* The rubric words each next step for the student ("To reach Level 4, …"). */}
                  {level ? <span className="font-medium">{level.nextStep}</span> : null}
                  <span className={level ? "mt-1 block text-indigo-900/80" : ""}>Level {next.level} looks like this: {next.descriptor}</span>
                </p>
              ) : level ? (
                <p className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950">
                  <span className="font-medium">Top level.</span> {level.nextStep}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function SummaryFeedback({ marking }: { marking: MarkingView }) {
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="summary-feedback">
      <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
        Summary{marking.markerName ? <span className="font-normal text-slate-600"> from {marking.markerName}</span> : null}
      </h2>
      <dl className="mt-2 space-y-3 text-sm">
        <div>
          <dt className="font-medium text-emerald-900">What went well</dt>
          <dd className="mt-0.5 whitespace-pre-line text-slate-800">{marking.wentWell || "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-amber-900">Even better if</dt>
          <dd className="mt-0.5 whitespace-pre-line text-slate-800">{marking.evenBetterIf || "—"}</dd>
        </div>
      </dl>
    </section>
  );
}
