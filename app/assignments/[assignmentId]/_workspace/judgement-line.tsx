"use client";

import { useId } from "react";
import { PLAN_LIMITS } from "@/lib/planner/plan-limits";
import type { Judgement } from "@/lib/planner/plan-schema";
import { judgementQuestion, judgementWords, scaleEnds, type QuestionVoice } from "@/lib/planner/question-voice";
import type { QuestionAnalysis } from "@/lib/questions/analyse-question";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The judgement line and the line of argument. The line starts unplaced (position null, "not
 * decided yet"): a range input always has a value, so until the student places it the thumb
 * is hidden and the words say so, and the first click or arrow key places it, even at the
 * middle, where the value does not change. Its words follow the question's own scale.
 */
export function JudgementLine({
  judgement,
  analysis,
  voice,
  readOnly,
  onChange,
}: {
  judgement: Judgement;
  analysis: QuestionAnalysis;
  voice: QuestionVoice;
  readOnly: boolean;
  onChange: (judgement: Judgement) => void;
}) {
  const id = useId();
  const unplaced = judgement.position === null;
  const ends = scaleEnds(voice.scale);
  const place = (value: number) => onChange({ ...judgement, position: value });
  const hiddenThumb = unplaced ? "[&::-moz-range-thumb]:opacity-0 [&::-webkit-slider-thumb]:opacity-0" : "";

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <legend className="px-1 font-semibold text-slate-900">Overall judgement</legend>
      <label htmlFor={`${id}-line`} className="block text-sm font-medium text-slate-800">
        {judgementQuestion(analysis, voice)}
      </label>
      <input
        id={`${id}-line`}
        type="range"
        min={0}
        max={100}
        step={5}
        disabled={readOnly}
        value={judgement.position ?? 50}
        data-placed={unplaced ? "false" : "true"}
        aria-valuetext={unplaced ? "Not placed yet" : judgementWords(judgement.position!, voice.scale)}
        aria-describedby={`${id}-words`}
        onChange={(e) => place(Number(e.target.value))}
        // A click on the middle of an unplaced line changes no value, so no change event: place it here.
        onClick={(e) => unplaced && !readOnly && place(Number(e.currentTarget.value))}
        className={`mt-2 w-full accent-indigo-700 ${hiddenThumb}`}
      />
      <div className="flex justify-between gap-2 text-xs text-slate-600" aria-hidden>
        <span>{capitalise(ends.low)}</span>
        <span className="text-center">{capitalise(ends.middle)}</span>
        <span className="text-right">{capitalise(ends.high)}</span>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <p id={`${id}-words`} className="text-sm text-slate-800" data-testid="judgement-words">
          {unplaced ? "Not placed yet: click the line, or focus it and use the arrow keys, to place your answer." : `Your answer: ${judgementWords(judgement.position!, voice.scale)}.`}
        </p>
        {!unplaced && !readOnly ? (
          <button type="button" onClick={() => onChange({ ...judgement, position: null })} className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
            Not decided yet
          </button>
        ) : null}
      </div>
      <label htmlFor={`${id}-arg`} className="mt-3 block text-sm font-medium text-slate-800">Line of argument</label>
      <textarea
        id={`${id}-arg`}
        maxLength={PLAN_LIMITS.lineOfArgument}
        rows={3}
        readOnly={readOnly}
        value={judgement.argument}
        onChange={(e) => onChange({ ...judgement, argument: e.target.value })}
        placeholder={voice.agreeWithClaim ? "How far you agree with the claim, and why, in a sentence you will carry through every paragraph." : "The one-sentence answer you will carry through every paragraph."}
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
    </fieldset>
  );
}
