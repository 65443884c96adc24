"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { callAction, type CallResult } from "@/lib/client/call-action";
import { detachedCount, evidenceFor, type AnnotationView } from "@/lib/marking/annotation-view";
import type { MarkingView, SaveMarkingResult } from "@/lib/marking/markings";
import type { SaveMarkingInput } from "@/lib/marking/schemas";
import { decodeStoredMarking, draftOf, encodeStoredMarking, markingStorageKey, markingToRestore, sameMarking, type MarkingDraft } from "@/lib/marking/stored-marking";
import { checkPartialMarking, validateMarking, type Award } from "@/lib/rubrics/marks";
import type { Rubric } from "@/lib/rubrics/rubric-schema";
import { Button, buttonClass } from "@/components/ui/button";
import { ConflictNotice } from "@/components/autosave/conflict-notice";
import { formatDateTime } from "@/components/format";
import { CriterionMarking } from "./criterion-marking";
import { useWarnBeforeLeaving } from "@/lib/client/use-warn-before-leaving";

type SaveAction = (prev: unknown, input: SaveMarkingInput) => Promise<CallResult<SaveMarkingResult>>;
type Work = { assignmentId: string; studentId: string; submissionNumber: number };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 aria-[invalid=true]:border-red-500";

/**
 * The rubric side of the marking screen. It follows the rubric's shape: holistic — a level
 * and a mark in its band; strands — a level per strand and a total suggested by best fit,
 * adjustable inside the best-fit band; summed — a level and mark per table, added with
 * weights. The live total is computed with the same code the server checks with.
 *
 * Marking is saved on request, so until the server has them the levels, marks and summary
 * are also kept in this browser (lib/marking/stored-marking): a dropped connection or a
 * reload brings them back instead of losing them.
 */
export function MarkingPanel({
  teacherId,
  work,
  rubric,
  initial,
  previous,
  annotations,
  studentName,
  onShowAnnotation,
  saveAction,
  returnAction,
  nextHref,
}: {
  teacherId: string;
  work: Work;
  rubric: Rubric;
  initial: MarkingView;
  // On a redraft: the version before and the marks it was given.
  previous?: { number: number; marking: MarkingView } | null;
  annotations: AnnotationView[];
  studentName: string;
  onShowAnnotation: (id: string) => void;
  saveAction: SaveAction;
  returnAction: SaveAction;
  // The next essay in the teacher's queue, offered once nothing here is unsaved.
  nextHref?: string;
}) {
  const [marking, setMarking] = useState(initial);
  const [awards, setAwards] = useState<Award[]>(initial.awards);
  // Strands only: a total the teacher typed; otherwise the best-fit suggestion stands.
  const [totalOverride, setTotalOverride] = useState<number | null>(rubric.shape === "strands" ? initial.total : null);
  const [wentWell, setWentWell] = useState(initial.wentWell);
  const [evenBetterIf, setEvenBetterIf] = useState(initial.evenBetterIf);
  const [allowRedraft, setAllowRedraft] = useState(initial.allowRedraft);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ formError?: string; fieldErrors?: Record<string, string[] | undefined> } | null>(null);
  const [conflict, setConflict] = useState<MarkingView | null>(null);
  const [restored, setRestored] = useState(false);
  // After a control that had focus goes (the return buttons, the confirmation), focus moves
  // to its successor once that has rendered: the confirmation, the return button again, or the
  // status line that says what happened (data-focus names them).
  const [focusNext, setFocusNext] = useState<"confirm" | "return" | "status" | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusNext) return;
    panelRef.current?.querySelector<HTMLElement>(`[data-focus="${focusNext}"]`)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, cleared once done
    setFocusNext(null);
  }, [focusNext]);
  const returned = marking.status === "RETURNED";
  const ownTotal = rubric.shape === "strands";
  const storageKey = markingStorageKey({ teacherId, ...work });
  const draft: MarkingDraft = useMemo(() => ({ awards, total: totalOverride, wentWell, evenBetterIf, allowRedraft }), [awards, totalOverride, wentWell, evenBetterIf, allowRedraft]);
  // The latest marks, for a save that finishes after the teacher carried on editing.
  const latest = useRef(draft);
  const storageChecked = useRef(false);

  // On first load, bring back marks this browser had not saved. localStorage is only
  // readable after hydration, so this must happen in an effect; it comes before the effect
  // below, which would otherwise clear the copy first.
  useEffect(() => {
    // Once per mount: a refreshed `initial` after a save must not bring old marks back.
    if (storageChecked.current) return;
    const back = markingToRestore(decodeStoredMarking(readStorage(storageKey)), { ...draftOf(initial, ownTotal), status: initial.status, revision: initial.revision });
    storageChecked.current = true;
    if (!back) return writeStorage(storageKey, null);
    /* eslint-disable react-hooks/set-state-in-effect */
    setAwards(back.draft.awards);
    setTotalOverride(back.draft.total);
    setWentWell(back.draft.wentWell);
    setEvenBetterIf(back.draft.evenBetterIf);
    setAllowRedraft(back.draft.allowRedraft);
    setMarking((m) => ({ ...m, revision: back.baseRevision }));
    setDirty(true);
    setRestored(true);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [storageKey, initial, ownTotal]);

  // Keep unsaved marks in this browser as they change; once the server has them, drop the copy.
  useEffect(() => {
    latest.current = draft;
    if (!storageChecked.current) return;
    writeStorage(storageKey, dirty && !returned ? encodeStoredMarking(draft, marking.revision, Date.now()) : null);
  }, [storageKey, draft, dirty, returned, marking.revision]);

  // Marking is saved on request, so leaving with unsaved levels or summary asks first.
  useWarnBeforeLeaving(dirty);

  const live = useMemo(() => {
    const given = { awards, total: totalOverride ?? undefined };
    const complete = rubric.criteria.every((c) => awards.some((a) => a.criterionId === c.id));
    if (!complete) return { complete, total: null, bestFit: undefined, problems: checkPartialMarking(rubric, given) };
    const result = validateMarking(rubric, given);
    const suggested = rubric.shape === "strands" ? validateMarking(rubric, { awards }) : result;
    return result.ok
      ? { complete, total: result.total, bestFit: result.bestFit, problems: [], suggested: suggested.ok ? suggested.total : null }
      : { complete, total: null, bestFit: suggested.ok ? suggested.bestFit : undefined, problems: result.errors, suggested: suggested.ok ? suggested.total : null };
  }, [awards, totalOverride, rubric]);

  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setDirty(true);
      setStatus(null);
    };
  }

  const setAward = edit((award: Award) => setAwards((all) => [...all.filter((a) => a.criterionId !== award.criterionId), award]));

  function payload(baseRevision: number, sent: MarkingDraft): SaveMarkingInput {
    return { ...work, baseRevision, awards: sent.awards, total: ownTotal ? sent.total : undefined, wentWell: sent.wentWell, evenBetterIf: sent.evenBetterIf, allowRedraft: sent.allowRedraft };
  }

  function load(view: MarkingView) {
    setMarking(view);
    setAwards(view.awards);
    setTotalOverride(rubric.shape === "strands" ? view.total : null);
    setWentWell(view.wentWell);
    setEvenBetterIf(view.evenBetterIf);
    setAllowRedraft(view.allowRedraft);
    setDirty(false);
    setRestored(false);
  }

  async function save(kind: "save" | "return", baseRevision = marking.revision) {
    if (pending) return;
    setPending(true);
    setErrors(null);
    setStatus(null);
    const sent = draft;
    const action = kind === "return" ? returnAction : saveAction;
    // Offline, the marks stay on screen and in this browser, and Save works again when the connection does.
    const result = await callAction(() => action(null, payload(baseRevision, sent)));
    setPending(false);
    setConfirming(false);
    // Whatever happened is said in the status line, an alert or the conflict notice; the
    // status line (tabindex -1) takes focus when the confirmation that had it has gone.
    if (kind === "return") setFocusNext("status");
    if (!result.ok) {
      setErrors(result);
      return;
    }
    if (!result.data.ok) {
      setConflict(result.data.conflict);
      return;
    }
    setConflict(null);
    setMarking(result.data.marking);
    setRestored(false);
    // Edits made while the save travelled are not on the server yet.
    setDirty(result.data.marking.status !== "RETURNED" && !sameMarking(latest.current, sent));
    setStatus(kind === "return" ? `Returned to ${studentName}.` : `Saved at ${formatDateTime(result.data.marking.updatedAt ?? new Date())}.`);
  }

  const fieldError = (key: string) => errors?.fieldErrors?.[key]?.join(" ");
  const heading = useId();

  return (
    <section ref={panelRef} aria-labelledby={heading} className="space-y-5" data-testid="marking-panel">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={heading} className="text-lg font-semibold text-slate-900">
          Mark scheme: {rubric.title}
        </h2>
        <p className="text-sm text-slate-600">{rubric.totalMarks} marks</p>
      </div>
      {returned ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          Returned to {studentName}
          {marking.returnedAt ? ` on ${formatDateTime(marking.returnedAt)}` : ""}. The marking is now read-only.
          {/* Feedback before marks (decision 031): the student sees the level and mark after responding. */}
          {marking.marksReleasedAt === null ? <span className="block" data-testid="marks-held">Marks held until {studentName} responds to the feedback.</span> : null}
        </p>
      ) : null}
      {restored && !returned ? (
        <div role="status" data-testid="marking-restored" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>We brought back marks from this browser that had not been saved. Save progress to keep them.</p>
          <Button variant="secondary" className="px-2 py-1" onClick={() => load(initial)}>
            Discard them and show the saved marking
          </Button>
        </div>
      ) : null}

      {rubric.criteria.map((criterion) => (
        <CriterionMarking
          key={criterion.id}
          rubric={rubric}
          criterion={criterion}
          award={awards.find((a) => a.criterionId === criterion.id)}
          previous={previous ? { number: previous.number, award: previous.marking.awards.find((a) => a.criterionId === criterion.id) } : undefined}
          onChange={setAward}
          readOnly={returned}
          error={fieldError(`award.${criterion.id}`) ?? live.problems.find((p) => p.criterionId === criterion.id)?.message}
          evidence={evidenceFor(annotations, criterion.id)}
          detached={detachedCount(annotations, criterion.id)}
          onShowAnnotation={onShowAnnotation}
        />
      ))}

      <TotalLine rubric={rubric} live={live} totalOverride={totalOverride} onOverride={edit(setTotalOverride)} readOnly={returned} error={fieldError("total") ?? live.problems.find((p) => !p.criterionId)?.message} />

      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Summary for {studentName}</h3>
        <SummaryField label="What went well" value={wentWell} onChange={edit(setWentWell)} readOnly={returned} error={fieldError("wentWell")} />
        <SummaryField label="Even better if" value={evenBetterIf} onChange={edit(setEvenBetterIf)} readOnly={returned} error={fieldError("evenBetterIf")} />
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-1" checked={allowRedraft} disabled={returned} onChange={(e) => edit(setAllowRedraft)(e.target.checked)} />
          <span>
            Ask for a redraft
            <span className="block text-slate-600">{studentName} can then revise the essay and hand in a new version; both stay readable.</span>
          </span>
        </label>
      </div>

      {conflict ? (
        conflict.status === "RETURNED" ? (
          <div role="alert" data-testid="marking-conflict" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">This marking was returned{conflict.markerName ? ` by ${conflict.markerName}` : ""} in another tab or by another teacher, so your changes were not saved.</p>
            <Button variant="secondary" onClick={() => { load(conflict); setConflict(null); }}>Show the returned marking</Button>
          </div>
        ) : (
          <ConflictNotice
            testId="marking-conflict"
            message={`A newer marking was saved${conflict.markerName ? ` by ${conflict.markerName}` : ""}${conflict.updatedAt ? ` at ${formatDateTime(conflict.updatedAt)}` : ""}, in another tab or by another teacher. Nothing was overwritten.`}
            takeNewerLabel="Show the newer marking"
            onResolve={(choice) => {
              if (choice === "theirs") {
                load(conflict);
                setConflict(null);
              } else {
                setMarking((m) => ({ ...m, revision: conflict.revision }));
                void save("save", conflict.revision);
              }
            }}
          >
            <p>
              Theirs: {describeAwards(rubric, conflict)}. Yours: {describeAwards(rubric, { ...marking, awards, total: live.total })}.
            </p>
          </ConflictNotice>
        )
      ) : null}

      {errors?.formError ? (
        <p role="alert" data-testid="marking-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.formError}
        </p>
      ) : null}
      <p role="status" aria-live="polite" tabIndex={-1} data-focus="status" className="text-sm text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600" data-testid="marking-status" suppressHydrationWarning>
        {status ?? (dirty ? "Unsaved changes." : marking.updatedAt && !returned ? `Last saved ${formatDateTime(marking.updatedAt)}.` : "")}
      </p>
      {nextHref && !dirty && !pending && (returned || status) ? (
        // A plain link, never prefetched: the page chose it when the desk was drawn.
        <a href={nextHref} className={buttonClass("primary")} data-testid="desk-mark-next">
          Mark next
        </a>
      ) : null}

      {!returned ? (
        confirming ? (
          <div role="group" aria-labelledby={`${heading}-confirm`} tabIndex={-1} data-focus="confirm" className="space-y-2 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
            <p id={`${heading}-confirm`}>
              Return this marking? {studentName} will see the marks, your annotations and the summary
              {allowRedraft ? ", and can redraft" : ""}. It cannot be changed afterwards.
            </p>
            <div className="flex gap-2">
              {/* aria-disabled while saving, not disabled: a disabled button drops focus to the page. */}
              <Button onClick={() => save("return")} aria-disabled={pending || undefined}>
                {pending ? "Returning…" : "Return now"}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setConfirming(false);
                  setFocusNext("return");
                }}
              >
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => save("save")} aria-disabled={pending || undefined}>
              {pending ? "Saving…" : "Save progress"}
            </Button>
            <Button
              data-focus="return"
              onClick={() => {
                setConfirming(true);
                setFocusNext("confirm");
              }}
              disabled={pending || !live.complete}
            >
              Return to {studentName}…
            </Button>
            {!live.complete ? <p className="w-full text-sm text-slate-600">Give every criterion a level to return the marking.</p> : null}
          </div>
        )
      ) : null}
    </section>
  );
}

type Live = { complete: boolean; total: number | null; bestFit?: { level: number; marks: { min: number; max: number } }; suggested?: number | null };

function TotalLine({ rubric, live, totalOverride, onOverride, readOnly, error }: { rubric: Rubric; live: Live; totalOverride: number | null; onOverride: (v: number | null) => void; readOnly: boolean; error?: string }) {
  const id = useId();
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="marking-total">
      <p className="text-base font-semibold text-slate-900">
        Total: {live.total ?? "—"} / {rubric.totalMarks}
      </p>
      {rubric.shape === "strands" && live.bestFit ? (
        <div className="mt-2 space-y-2 text-sm text-slate-700">
          <p>
            Best fit across the strands: Level {live.bestFit.level} ({live.bestFit.marks.min}–{live.bestFit.marks.max}); suggested mark {live.suggested ?? "—"}.
          </p>
          <div>
            <label htmlFor={`${id}-total`} className="block font-medium text-slate-800">
              Adjust the total within the band
            </label>
            <input
              id={`${id}-total`}
              type="number"
              inputMode="numeric"
              min={live.bestFit.marks.min}
              max={live.bestFit.marks.max}
              value={totalOverride ?? live.suggested ?? ""}
              disabled={readOnly}
              onChange={(e) => onOverride(e.target.value === "" ? null : Number(e.target.value))}
              className={`${field} w-28`}
              aria-invalid={error ? true : undefined}
            />
          </div>
        </div>
      ) : null}
      {!live.complete ? <p className="mt-1 text-sm text-slate-600">The total appears when every criterion has a level.</p> : null}
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

function SummaryField({ label, value, onChange, readOnly, error }: { label: string; value: string; onChange: (v: string) => void; readOnly: boolean; error?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={id} rows={3} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} className={field} aria-invalid={error ? true : undefined} />
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

// Storage can be full, disabled or blocked; the marks are still on screen, so carry on.
function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* see readStorage */
  }
}

function describeAwards(rubric: Rubric, m: Pick<MarkingView, "awards" | "total">): string {
  const levels = rubric.criteria.map((c) => {
    const a = m.awards.find((x) => x.criterionId === c.id);
    return `${rubric.criteria.length > 1 ? `${c.name} ` : ""}${a ? `Level ${a.level}` : "no level"}`;
  });
  return `${levels.join(", ")}${m.total !== null ? `, total ${m.total}` : ""}`;
}
