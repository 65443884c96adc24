"use client";

import { useId, useState } from "react";
import { servesText, type PlanProblem } from "@/lib/planner/check-plan";
import { planCheckGroup, type PlanCheckGuide } from "@/lib/planner/plan-check-guide";

const ALL = "all";

/**
 * The plan check, with a filter by the mark scheme's criteria (or, on a holistic ladder, the
 * level's features) when the assignment's rubric maps its checks. Unfiltered it lists the
 * problems that belong to no one factor and counts those shown on the factor cards; filtered
 * it lists every problem for that criterion, cards' included, since each names its factor.
 */
export function PlanCheckPanel({ problems, guide }: { problems: PlanProblem[]; guide: PlanCheckGuide | null }) {
  const id = useId();
  const [chosen, setChosen] = useState<string>(ALL);
  const groups = guide?.groups ?? [];
  const groupOf = (p: PlanProblem) => (p.serves ? planCheckGroup(p.serves).key : null);
  const filter = groups.some((g) => g.key === chosen) ? chosen : ALL;

  const onCard = (p: PlanProblem) => !!p.factorId && p.section === "factors";
  const shown = filter === ALL ? problems.filter((p) => !onCard(p)) : problems.filter((p) => groupOf(p) === filter);
  const onCards = filter === ALL ? problems.filter(onCard).length : 0;
  const chosenLabel = groups.find((g) => g.key === filter)?.label;

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="plan-checker">
      <h3 id={`${id}-h`} className="text-sm font-semibold text-slate-900">Plan check</h3>
      {guide ? <p className="text-xs text-slate-600">Each point names the part of the mark scheme ({guide.rubricTitle}) that asks for it.</p> : null}

      {groups.length ? (
        <fieldset className="mt-2">
          <legend className="text-xs font-medium text-slate-700">Show the checks for</legend>
          <div className="mt-1 flex flex-wrap gap-1" data-testid="plan-check-filter">
            {[{ key: ALL, label: "Every part" }, ...groups].map((g) => {
              const n = g.key === ALL ? problems.length : problems.filter((p) => groupOf(p) === g.key).length;
              return (
                <label key={g.key} className="flex cursor-pointer items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-800 has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-700">
                  <input type="radio" name={`${id}-filter`} value={g.key} checked={filter === g.key} onChange={() => setChosen(g.key)} className="sr-only" />
                  {g.label}
                  <span className="text-slate-600">({n})</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      <div aria-live="polite">
        {problems.length === 0 ? (
          <p className="mt-1 text-sm text-green-800" data-testid="plan-ok">Your plan is ready to write from.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {onCards ? <li className="text-slate-700" data-testid="plan-card-problems">{onCards} point{onCards === 1 ? "" : "s"} to fix on individual factors, shown on each card below.</li> : null}
            {filter !== ALL && shown.length === 0 ? <li className="text-green-800" data-testid="plan-filter-clear">Nothing to fix for {chosenLabel}.</li> : null}
            {shown.map((p, i) => (
              <li key={`${p.code}-${p.factorId ?? ""}-${i}`} data-testid="plan-problem" data-code={p.code} data-group={p.serves ? planCheckGroup(p.serves).label : undefined} className={p.severity === "error" ? "text-red-800" : "text-amber-900"}>
                <span className="font-medium">{p.severity === "error" ? "Fix: " : "Consider: "}</span>
                {p.advice}
                {p.serves ? (
                  <span className="mt-0.5 block text-xs text-slate-700" data-testid="plan-problem-serves">
                    <span className="sr-only">Mark scheme: </span>
                    {servesText(p.serves)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
