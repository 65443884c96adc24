"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { locate } from "@/lib/annotations/anchor";
import { targetStatus, type AnnotationView } from "@/lib/marking/annotation-view";
import type { CriterionOption } from "@/lib/marking/search-bank";
import { TargetStatusBadge } from "@/components/annotations/annotation-notes";
import { TargetAnswer } from "./target-answer";

/**
 * Beside the draft while redrafting: the teacher's targets, re-attached live to the text
 * being written. A target whose passage has been rewritten away shows as detached, with
 * its original quote, until the student says how they addressed it.
 */
export function RedraftPanel({ text, annotations, criteria, feedbackHref }: { text: string; annotations: AnnotationView[]; criteria: CriterionOption[]; feedbackHref: string }) {
  const [saved, setSaved] = useState(annotations);
  const targets = useMemo(
    () =>
      saved
        .filter((a) => a.kind === "TARGET")
        .map((a) => {
          const found = locate(a, text) !== null;
          return { ...a, targetStatus: targetStatus(a.targetStatus === "addressed" ? "ADDRESSED" : "OPEN", found), location: found ? a.location : null };
        }),
    [saved, text],
  );
  const name = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <section aria-labelledby="redraft-heading" className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50/60 p-5" data-testid="redraft-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="redraft-heading" className="text-lg font-semibold text-slate-900">
          Redrafting: your teacher’s targets ({targets.length})
        </h2>
        <Link href={feedbackHref} className="text-sm text-indigo-800 underline">
          Read the full feedback
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-700">Each target stays open until you say how you addressed it. “Detached” means its passage is no longer in your text.</p>
      <ul className="mt-3 grid gap-2 md:grid-cols-2">
        {targets.map((a) => (
          <li key={a.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="redraft-target">
            <div className="flex flex-wrap items-center gap-1.5">
              <span className="font-medium text-slate-800">{name(a.criterionId)}</span>
              {a.targetStatus ? <TargetStatusBadge status={a.targetStatus} /> : null}
            </div>
            <p className="mt-1 text-slate-900">{a.comment}</p>
            <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 font-serif text-slate-600">“{a.exact}”</blockquote>
            {a.targetStatus === "addressed" && a.addressedNote ? <p className="mt-1 text-green-900">You said: {a.addressedNote}</p> : null}
            <TargetAnswer annotation={a} onChange={(next) => setSaved((all) => all.map((x) => (x.id === next.id ? { ...x, targetStatus: next.targetStatus, addressedNote: next.addressedNote } : x)))} />
          </li>
        ))}
      </ul>
    </section>
  );
}
