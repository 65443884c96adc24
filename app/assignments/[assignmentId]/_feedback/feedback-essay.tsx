"use client";

import { useState } from "react";
import type { AnnotationView } from "@/lib/marking/annotation-view";
import type { CriterionOption } from "@/lib/marking/search-bank";
import { AnnotatedEssay, revealHighlight } from "@/components/annotations/annotated-essay";
import { AnnotationNotes } from "@/components/annotations/annotation-notes";
import { TargetAnswer } from "./target-answer";

/** The returned essay with the teacher's highlights beside their comments; targets can be answered. */
export function FeedbackEssay({ text, version, annotations: initial, criteria, answerable }: { text: string; version: number; annotations: AnnotationView[]; criteria: CriterionOption[]; answerable: boolean }) {
  const [annotations, setAnnotations] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-labelledby="returned-essay-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="returned-essay-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Your essay, version {version}
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          <span className="rounded-sm bg-emerald-100 px-1">Green</span> marks a strength, <span className="rounded-sm bg-amber-100 px-1">amber</span> a target. Select a highlight to read its comment.
        </p>
        <AnnotatedEssay
          text={text}
          annotations={annotations}
          activeId={activeId}
          labelledBy="returned-essay-heading"
          onActivate={(id) => {
            setActiveId(id);
            const note = document.getElementById(`note-${id}`);
            note?.scrollIntoView({ block: "nearest", behavior: "smooth" });
            note?.focus({ preventScroll: true });
          }}
        />
      </section>
      <aside aria-label="Your teacher's comments" className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <AnnotationNotes
          annotations={annotations}
          criteria={criteria}
          activeId={activeId}
          currentVersion={version}
          isEditable={() => false}
          onShow={(id) => {
            setActiveId(id);
            revealHighlight(id);
          }}
          extra={answerable ? (a) => <TargetAnswer annotation={a} onChange={(next) => setAnnotations((all) => all.map((x) => (x.id === next.id ? next : x)))} /> : undefined}
        />
      </aside>
    </div>
  );
}
