"use client";

import { useEffect, useRef, useState } from "react";
import type { AnnotationView, TargetStatus } from "@/lib/marking/annotation-view";
import { Badge } from "@/components/ui/card";
import { AnnotationForm, type AnnotationValues, type CriterionOption, type FormErrors } from "./annotation-form";

const STATUS: Record<TargetStatus, { label: string; tone: "amber" | "green" | "red" }> = {
  open: { label: "Open", tone: "amber" },
  addressed: { label: "Addressed", tone: "green" },
  detached: { label: "Detached", tone: "red" },
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export type NoteActions = {
  onEdit: (id: string, values: AnnotationValues) => Promise<FormErrors | null>;
  onDelete: (id: string) => Promise<string | null>;
  onSaveToBank: (a: AnnotationView) => Promise<string | null>;
  /** Already in the teacher's bank (same criterion and text), so not offered again. */
  inBank: (a: AnnotationView) => boolean;
};

/**
 * The margin notes: every annotation in reading order, the detached ones (whose passage is
 * gone from this version) last with their original quote. Each note and its highlight lead
 * to each other; `editable` notes (made on this version, marking not returned) can change.
 */
export function AnnotationNotes({
  annotations,
  criteria,
  activeId,
  onShow,
  currentVersion,
  isEditable,
  actions,
  children,
  extra,
}: {
  annotations: AnnotationView[];
  criteria: CriterionOption[];
  activeId: string | null;
  onShow: (id: string) => void;
  currentVersion: number;
  isEditable: (a: AnnotationView) => boolean;
  actions?: NoteActions;
  children?: React.ReactNode;
  /** Extra controls under a note (the student's "addressed" answer). */
  extra?: (a: AnnotationView) => React.ReactNode;
}) {
  const placed = annotations.filter((a) => a.location);
  const detached = annotations.filter((a) => !a.location);
  const name = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="space-y-3" data-testid="annotation-notes">
      {children}
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Annotations ({annotations.length})</h2>
      {annotations.length === 0 ? <p className="text-sm text-slate-600">None yet.</p> : null}
      <ol className="space-y-2">
        {placed.map((a) => (
          <Note key={a.id} a={a} name={name(a.criterionId)} active={a.id === activeId} onShow={onShow} currentVersion={currentVersion} editable={isEditable(a)} actions={actions} criteria={criteria} extra={extra} />
        ))}
      </ol>
      {detached.length ? (
        <>
          <h3 className="pt-2 text-sm font-semibold text-slate-800">Detached: passage no longer in this version ({detached.length})</h3>
          <ol className="space-y-2" data-testid="detached-notes">
            {detached.map((a) => (
              <Note key={a.id} a={a} name={name(a.criterionId)} active={a.id === activeId} onShow={onShow} currentVersion={currentVersion} editable={false} actions={actions} criteria={criteria} extra={extra} />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function Note({ a, name, active, onShow, currentVersion, editable, actions, criteria, extra }: { a: AnnotationView; name: string; active: boolean; onShow: (id: string) => void; currentVersion: number; editable: boolean; actions?: NoteActions; criteria: CriterionOption[]; extra?: (a: AnnotationView) => React.ReactNode }) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [message, setMessage] = useState<string | null>(null);
  // Each switch of mode replaces the control that had focus: move it to the matching control
  // of the new mode (or the note itself), never to the page (data-focus names the targets).
  const focusAfter = useRef<string | null>(null);
  const switchTo = (next: typeof mode, focus: string) => {
    focusAfter.current = focus;
    setMode(next);
  };
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const note = document.getElementById(`note-${a.id}`);
    (target === "note" ? note : note?.querySelector<HTMLElement>(`[data-focus="${target}"]`))?.focus();
  }, [mode, a.id]);
  if (mode === "edit" && actions) {
    return (
      <li id={`note-${a.id}`} tabIndex={-1} className="rounded-lg border border-indigo-300 bg-white p-3">
        <AnnotationForm
          quote={a.exact}
          criteria={criteria}
          initial={a}
          submitLabel="Save changes"
          allowSaveToBank={false}
          onCancel={() => switchTo("view", "edit")}
          onSubmit={async (values) => {
            const errors = await actions.onEdit(a.id, values);
            if (!errors) switchTo("view", "note");
            return errors;
          }}
        />
      </li>
    );
  }
  return (
    <li
      id={`note-${a.id}`}
      tabIndex={-1}
      data-testid="annotation-note"
      className={`rounded-lg border bg-white p-3 text-sm shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${active ? "border-indigo-500 ring-1 ring-indigo-500" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone={a.kind === "STRENGTH" ? "green" : "amber"}>{a.kind === "STRENGTH" ? "Strength" : "Target"}</Badge>
        <span className="font-medium text-slate-800">{name}</span>
        {a.targetStatus ? <TargetStatusBadge status={a.targetStatus} /> : null}
        {a.madeOn !== currentVersion ? <span className="text-xs text-slate-600">from version {a.madeOn}</span> : null}
      </div>
      <p className="mt-1.5 text-slate-900">{a.comment}</p>
      {!a.location ? <blockquote className="mt-1.5 border-l-2 border-slate-300 pl-2 font-serif text-slate-600">“{a.exact}”</blockquote> : null}
      {a.targetStatus === "addressed" && a.addressedNote ? (
        <p className="mt-1.5 rounded bg-green-50 px-2 py-1 text-green-900">
          <span className="font-medium">How it was addressed:</span> {a.addressedNote}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
        {a.location ? (
          <button type="button" className="text-indigo-800 underline" onClick={() => onShow(a.id)}>
            Show in essay
          </button>
        ) : null}
        {editable && actions ? (
          mode === "confirm-delete" ? (
            <span className="flex items-center gap-2">
              Delete this annotation?
              <button
                type="button"
                data-focus="confirm-delete"
                className="font-medium text-red-700 underline"
                onClick={async () => {
                  // Deleted, the note goes and the desk moves focus on; refused, focus stays on the note with the message.
                  const error = await actions.onDelete(a.id);
                  if (error) {
                    setMessage(error);
                    switchTo("view", "note");
                  }
                }}
              >
                Delete
              </button>
              <button type="button" className="text-slate-700 underline" onClick={() => switchTo("view", "delete")}>
                Keep
              </button>
            </span>
          ) : (
            <>
              <button type="button" data-focus="edit" className="text-indigo-800 underline" onClick={() => switchTo("edit", "comment")}>
                Edit<span className="sr-only"> annotation: {a.comment}</span>
              </button>
              <button type="button" data-focus="delete" className="text-red-700 underline" onClick={() => switchTo("confirm-delete", "confirm-delete")}>
                Delete<span className="sr-only"> annotation: {a.comment}</span>
              </button>
            </>
          )
        ) : null}
        {actions && !actions.inBank(a) ? (
          <button
            type="button"
            className="text-indigo-800 underline"
            onClick={async (e) => {
              const note = e.currentTarget.closest("li");
              setMessage(await actions.onSaveToBank(a));
              // Saved, the button goes: keep focus on the note rather than lose it to the page.
              requestAnimationFrame(() => {
                if (document.activeElement === document.body) note?.focus();
              });
            }}
          >
            Add to comment bank
          </button>
        ) : null}
      </div>
      {/* Always rendered, so a screen reader announces the message when it arrives. */}
      <p role="status" className="mt-1 text-slate-700 empty:hidden">
        {message}
      </p>
      {extra?.(a)}
    </li>
  );
}
