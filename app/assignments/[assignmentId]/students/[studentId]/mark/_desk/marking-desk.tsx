"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MarkingDesk as Desk } from "@/lib/marking/desk";
import { byReadingOrder, type AnnotationView } from "@/lib/marking/annotation-view";
import type { BankEntry } from "@/lib/marking/comment-bank";
import { isInBank } from "@/lib/marking/bank-view";
import {
  addAnnotationAction,
  addToBankAction,
  deleteAnnotationAction,
  returnMarkingAction,
  saveMarkingAction,
  updateAnnotationAction,
} from "@/app/assignments/marking-actions";
import { callAction } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";
import { truncate } from "@/components/format";
import { AnnotatedEssay, revealHighlight, type TextRange } from "@/components/annotations/annotated-essay";
import { AnnotationForm } from "@/components/annotations/annotation-form";
import { AnnotationNotes } from "@/components/annotations/annotation-notes";
import { MarkingPanel } from "./marking-panel";
import { DeskPlan } from "./desk-plan";
import { PreviousFeedback } from "./previous-feedback";
import { plural } from "@/lib/text/plural";

/**
 * One screen to mark an essay: the submitted text with highlights, the margin notes, and
 * the rubric. Highlights and notes lead to each other; the annotate flow works with the
 * mouse (select, then "Annotate selection") and the keyboard (Shift + arrows, then Enter).
 */
export function MarkingDesk({ desk, teacherId, nextHref }: { desk: Desk; teacherId: string; nextHref?: string }) {
  const { assignment, student, submission } = desk;
  const rubric = assignment.rubric;
  // Memoised: the comment bank is matched against these (bank-view.ts) whenever they change.
  const criteria = useMemo(() => rubric.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description })), [rubric]);
  const work = { assignmentId: assignment.id, studentId: student.id, submissionNumber: submission.number };
  const returned = desk.marking.status === "RETURNED";

  const [annotations, setAnnotations] = useState<AnnotationView[]>(desk.annotations);
  const [bank, setBank] = useState<BankEntry[]>(desk.bank);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextRange | null>(null);
  const [composing, setComposing] = useState<TextRange | null>(null);
  const [returnedNow, setReturnedNow] = useState(returned);
  const [announcement, setAnnouncement] = useState("");
  const formRef = useRef<HTMLDivElement>(null);
  // Where focus goes once the next render is on screen: a note just added, or the one now in
  // the place of a deleted note. Set after an await, whose render can come after a
  // requestAnimationFrame, so an effect (which runs after the render) moves focus, not a frame.
  const [focusNext, setFocusNext] = useState<{ note: string } | { essay: true } | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    if ("note" in focusNext) showNote(focusNext.note);
    else document.getElementById("essay-text")?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, cleared once done
    setFocusNext(null);
  }, [focusNext]);

  const onSelection = useCallback((range: TextRange | null) => setSelection(range), []);

  // The keyboard path passes the range it read at the keypress; the selection state can lag it.
  function startAnnotating(range: TextRange | null = selection) {
    if (!range) return;
    setSelection(range);
    setComposing(range);
    // Let the form render, then move focus into it.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("input[type=search], textarea")?.focus());
  }

  function showNote(id: string) {
    setActiveId(id);
    const note = document.getElementById(`note-${id}`);
    note?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    note?.focus({ preventScroll: true });
  }

  function showHighlight(id: string) {
    setActiveId(id);
    revealHighlight(id);
  }

  const isEditable = (a: AnnotationView) => !returnedNow && a.madeOn === submission.number;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_19rem_minmax(0,26rem)]">
      {/* Three columns: the essay (and the notes) stay in view, each scrolling on its own, while the page scrolls the rubric. */}
      <section aria-labelledby="essay-heading" data-testid="desk-essay" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
        <h2 id="essay-heading" className="text-lg font-semibold text-slate-900">
          {student.name}’s essay
          <span className="block text-sm font-normal text-slate-600">
            Version {submission.number} · {plural(submission.wordCount, "word")}{submission.late ? " · handed in late" : ""}
          </span>
        </h2>
        {!returnedNow ? (
          <div className="sticky top-0 z-10 -mx-4 mb-4 mt-3 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white/95 px-4 py-2 sm:-mx-6 sm:px-6">
            <Button onMouseDown={(e) => e.preventDefault()} onClick={() => startAnnotating()} disabled={!selection} data-testid="annotate-selection">
              Annotate selection
            </Button>
            <p id="annotate-help" className="text-sm text-slate-600">
              {selection ? `Selected: “${truncate(submission.text.slice(selection.start, selection.end), 60)}”` : "Select a passage with the mouse, or with Shift + arrow keys, then press Enter."}
            </p>
          </div>
        ) : (
          <p className="mb-4 mt-2 text-sm text-slate-600">This version’s marking has been returned; annotations are read-only.</p>
        )}
        <AnnotatedEssay
          text={submission.text}
          annotations={annotations}
          activeId={activeId}
          onActivate={showNote}
          selectable={!returnedNow}
          onSelection={onSelection}
          onAnnotateRequest={startAnnotating}
          labelledBy="essay-heading"
        />
        <DeskPlan desk={desk} />
      </section>

      <aside aria-label="Annotations" className="min-w-0 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
        <AnnotationNotes
          annotations={annotations}
          criteria={criteria}
          activeId={activeId}
          onShow={showHighlight}
          currentVersion={submission.number}
          isEditable={isEditable}
          actions={{
            onEdit: async (id, values) => {
              const result = await callAction(() => updateAnnotationAction(null, { annotationId: id, comment: values.comment, criterionId: values.criterionId, kind: values.kind }));
              if (!result.ok) return result;
              // The edit keeps this version's placement; the server's view is of the version it was made on.
              setAnnotations((all) => all.map((a) => (a.id === id ? { ...a, comment: result.data.comment, criterionId: result.data.criterionId, kind: result.data.kind, targetStatus: result.data.targetStatus } : a)));
              setAnnouncement("Annotation updated.");
              return null;
            },
            onDelete: async (id) => {
              const result = await callAction(() => deleteAnnotationAction(null, { annotationId: id }));
              if (!result.ok) return result.formError ?? "Could not delete it.";
              // Focus moves to the note that takes its place (or the one before), else to the essay.
              const ids = [...annotations.filter((a) => a.location), ...annotations.filter((a) => !a.location)].map((a) => a.id);
              const at = ids.indexOf(id);
              const neighbour = ids[at + 1] ?? ids[at - 1];
              setAnnotations((all) => all.filter((a) => a.id !== id));
              setAnnouncement("Annotation deleted.");
              setFocusNext(neighbour ? { note: neighbour } : { essay: true });
              return null;
            },
            onSaveToBank: async (a) => {
              const result = await callAction(() => addToBankAction(null, { text: a.comment, criterionId: a.criterionId, kind: a.kind }));
              if (!result.ok) return result.formError ?? "Could not save it.";
              setBank((all) => (all.some((e) => e.id === result.data.id) ? all : [result.data, ...all]));
              return "In your comment bank.";
            },
            inBank: (a) => isInBank(bank, a),
          }}
        >
          {composing ? (
            <div ref={formRef} className="rounded-lg border border-indigo-300 bg-white p-3 shadow-sm">
              <AnnotationForm
                quote={submission.text.slice(composing.start, composing.end)}
                criteria={criteria}
                bank={bank}
                submitLabel="Add annotation"
                allowSaveToBank
                onCancel={() => {
                  setComposing(null);
                  document.getElementById("essay-text")?.focus();
                }}
                onSubmit={async (values) => {
                  // Refused or offline, the form stays open with the comment as typed.
                  const result = await callAction(() => addAnnotationAction(null, { ...work, ...composing, ...values }));
                  if (!result.ok) return result;
                  setAnnotations((all) => [...all, result.data.annotation].sort(byReadingOrder));
                  setBank(result.data.bank);
                  setComposing(null);
                  setSelection(null);
                  document.getSelection()?.removeAllRanges();
                  setAnnouncement("Annotation added.");
                  setFocusNext({ note: result.data.annotation.id });
                  return null;
                }}
              />
            </div>
          ) : null}
        </AnnotationNotes>
      </aside>

      <div className="min-w-0 space-y-4">
        {desk.previous ? <PreviousFeedback previous={desk.previous} rubric={rubric} studentName={student.name} /> : null}
        <MarkingPanel
          teacherId={teacherId}
          work={work}
          rubric={rubric}
          initial={desk.marking}
          previous={desk.previous}
          nextHref={nextHref}
          annotations={annotations}
          studentName={student.name}
          onShowAnnotation={showHighlight}
          saveAction={saveMarkingAction}
          returnAction={async (prev, input) => {
            const result = await callAction(() => returnMarkingAction(prev, input));
            if (result.ok && result.data.ok) setReturnedNow(true);
            return result;
          }}
        />
      </div>
    </div>
  );
}
