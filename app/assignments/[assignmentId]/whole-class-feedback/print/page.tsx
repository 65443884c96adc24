import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { getWholeClassFeedback } from "@/lib/whole-class-feedback/whole-class";
import { PrintButton } from "@/components/ui/print-button";
import { WholeClassSections } from "../../_feedback/whole-class-sections";

export const metadata: Metadata = { title: "Whole-class feedback (print)" };

/**
 * Whole-class feedback for paper, as the students read it: the saved version (or the first
 * draft, if nothing is saved yet). No scripts needed except the Print button; the site header
 * is hidden when printing.
 */
export default async function WholeClassPrintPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId } = await params;
  const page = await getWholeClassFeedback(user, assignmentId).catch(orNotFound);
  const { assignment } = page;
  const content = page.stored?.content ?? page.draft;
  return (
    <article className="mx-auto max-w-3xl space-y-6 bg-white p-8 print:p-0" data-testid="whole-class-print">
      <div className="flex items-start justify-between gap-4 print:hidden">
        <Link href={`/assignments/${assignmentId}/whole-class-feedback`} className="text-sm text-indigo-700 underline">
          ← Back to editing
        </Link>
        <PrintButton />
      </div>
      {!page.stored ? <p className="text-sm text-amber-900 print:hidden">Nothing is saved yet: this is the first draft written from the marks.</p> : null}
      <header>
        <p className="text-sm text-slate-600">
          {assignment.classroom.name} · {assignment.rubric.title}
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Feedback to the whole class</h1>
        <p className="mt-1 font-serif text-lg text-slate-800">{assignment.question}</p>
      </header>
      <WholeClassSections content={content} criteria={assignment.rubric.criteria.map((c) => ({ id: c.id, name: c.name }))} />
    </article>
  );
}
