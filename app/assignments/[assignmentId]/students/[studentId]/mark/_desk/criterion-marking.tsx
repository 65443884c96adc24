"use client";

import { useId, useState, type FocusEvent } from "react";
import type { AnnotationView } from "@/lib/marking/annotation-view";
import { midBand, type Award } from "@/lib/rubrics/marks";
import type { Criterion, Rubric } from "@/lib/rubrics/rubric-schema";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 aria-[invalid=true]:border-red-500";

/** The marks an earlier version was given for this criterion, shown beside the levels on a redraft. */
export type PreviousAward = { number: number; award: Award | undefined };

/**
 * One criterion of the rubric: its levels as a radio group, a mark inside the chosen band,
 * and the annotations tagged with it. Once a level is chosen the group folds to that level,
 * so the next criterion comes into view; "Show all levels" opens it again, and so does
 * reaching it with the keyboard, so arrow keys can still move between levels. A pointer
 * focus does not open it: the levels would move under the pointer between press and release.
 */
export function CriterionMarking({
  rubric,
  criterion,
  award,
  previous,
  onChange,
  readOnly,
  error,
  evidence,
  detached,
  onShowAnnotation,
}: {
  rubric: Rubric;
  criterion: Criterion;
  award: Award | undefined;
  previous?: PreviousAward;
  onChange: (a: Award) => void;
  readOnly: boolean;
  error?: string;
  evidence: AnnotationView[];
  /** Tagged with this criterion but detached by a redraft: not evidence for this version. */
  detached: number;
  onShowAnnotation: (id: string) => void;
}) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [keyboardInside, setKeyboardInside] = useState(false);
  const band = award ? (award.level === 0 ? { min: 0, max: 0 } : criterion.levels.find((l) => l.level === award.level)?.marks) : undefined;
  const marked = rubric.shape !== "strands";
  const folded = award !== undefined && !expanded && !keyboardInside;
  const options = [
    ...[...criterion.levels].reverse().map((l) => ({ level: l.level, title: `Level ${l.level} · ${l.marks.min}–${l.marks.max}`, descriptor: l.descriptor, mark: midBand(l.marks) })),
    { level: 0, title: "0 marks", descriptor: rubric.zeroDescriptor, mark: 0 },
  ];
  const shown = folded ? options.filter((o) => o.level === award.level) : options;

  function choose(level: number, mark: number) {
    onChange({ criterionId: criterion.id, level, ...(marked ? { mark } : {}) });
    setExpanded(false);
  }
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (e.target.matches(":focus-visible")) setKeyboardInside(true);
  };
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setKeyboardInside(false);
  };

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`criterion-${criterion.id}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 font-semibold text-slate-900">
        {criterion.name}
        {rubric.shape === "summed" && criterion.weight !== 1 ? <span className="font-normal text-slate-600"> (×{criterion.weight})</span> : null}
      </legend>
      {!folded ? <p className="text-sm text-slate-600">{criterion.description}</p> : null}
      {previous ? (
        <p className="mt-1 rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-800" data-testid={`previous-${criterion.id}`}>
          Version {previous.number}:{" "}
          {previous.award ? `${previous.award.level === 0 ? "0 marks" : `Level ${previous.award.level}`}${previous.award.mark !== undefined && previous.award.level !== 0 ? ` (${previous.award.mark} marks)` : ""}` : "no level given"}
        </p>
      ) : null}
      <div id={`${id}-levels`} className="mt-2 space-y-1" onFocus={onFocus} onBlur={onBlur}>
        {shown.map((o) => (
          <label key={o.level} className={`flex gap-2 rounded-md border p-2 text-sm ${award?.level === o.level ? "border-indigo-400 bg-indigo-50" : "border-transparent hover:bg-slate-50"}`}>
            <input type="radio" name={`${id}-level`} className="mt-1" checked={award?.level === o.level} disabled={readOnly} onChange={() => choose(o.level, o.mark)} />
            <span>
              <span className="font-medium text-slate-900">{o.title}</span>
              <span className="block text-slate-700">{o.descriptor}</span>
            </span>
          </label>
        ))}
      </div>
      {award !== undefined && !keyboardInside ? (
        <button type="button" aria-expanded={!folded} aria-controls={`${id}-levels`} onClick={() => setExpanded(!expanded)} className="mt-1 text-sm text-indigo-800 underline decoration-indigo-300 hover:decoration-indigo-700">
          {folded ? `Show all levels for ${criterion.name}` : `Show only the chosen level`}
        </button>
      ) : null}
      {marked && award && band && band.max > band.min ? (
        <div className="mt-3">
          <label htmlFor={`${id}-mark`} className="block text-sm font-medium text-slate-800">
            Mark for {criterion.name} (Level {award.level}: {band.min}–{band.max})
          </label>
          <input
            id={`${id}-mark`}
            type="number"
            inputMode="numeric"
            min={band.min}
            max={band.max}
            value={award.mark ?? ""}
            disabled={readOnly}
            onChange={(e) => onChange({ ...award, mark: e.target.value === "" ? undefined : Number(e.target.value) })}
            className={`${field} w-28`}
            aria-invalid={error ? true : undefined}
          />
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-3 border-t border-slate-100 pt-2">
        <h3 className="text-sm font-medium text-slate-800">Evidence from your annotations ({evidence.length})</h3>
        {evidence.length ? (
          <ul className="mt-1 space-y-1 text-sm" data-testid={`evidence-${criterion.id}`}>
            {evidence.map((a) => (
              <li key={a.id}>
                <button type="button" onClick={() => onShowAnnotation(a.id)} className="text-left text-indigo-800 underline decoration-indigo-300 hover:decoration-indigo-700">
                  <span className={a.kind === "STRENGTH" ? "text-emerald-800" : "text-amber-900"}>{a.kind === "STRENGTH" ? "Strength" : "Target"}:</span> {a.comment}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">None yet: annotations tagged {criterion.name} appear here.</p>
        )}
        {detached ? (
          <p className="mt-1 text-sm text-slate-600" data-testid={`evidence-detached-${criterion.id}`}>
            Not counted: {detached} detached {detached === 1 ? "annotation" : "annotations"}, whose passage is no longer in this version.
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
