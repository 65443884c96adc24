import type { Metadata } from "next";
import { orNotFound, versionParam } from "@/app/page-helpers";
import Link from "next/link";
import { Fragment } from "react";
import { requireUserPage } from "@/lib/auth/current-user";
import { getMarkingDesk } from "@/lib/marking/desk";
import { segmentText } from "@/lib/annotations/segments";
import { Scorecard, SummaryFeedback } from "../../../_feedback/scorecard";
import { PrintButton } from "@/components/ui/print-button";
import { formatDateTime } from "@/components/format";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Marked essay (print)" };

/**
 * A marked essay for paper: the text with each annotated passage underlined and numbered,
 * the numbered comments after it, then the scorecard and summary. No scripts needed except
 * the Print button; the site header is hidden when printing.
 */
export default async function PrintPage({ params, searchParams }: { params: Promise<{ assignmentId: string; studentId: string }>; searchParams: Promise<{ version?: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId, studentId } = await params;
  const raw = (await searchParams).version;
  const version = versionParam(raw);
  const desk = await getMarkingDesk(user, assignmentId, studentId, version).catch(orNotFound);
  const { submission, marking, assignment, student } = desk;
  const placed = desk.annotations.filter((a) => a.location);
  const numberOf = new Map(desk.annotations.map((a, i) => [a.id, i + 1]));
  const segments = segmentText(submission.text, placed.map((a) => ({ id: a.id, ...a.location! })));
  const endsAt = new Map<number, number[]>();
  for (const a of placed) endsAt.set(a.location!.end, [...(endsAt.get(a.location!.end) ?? []), numberOf.get(a.id)!]);
  const criterion = (id: string) => assignment.rubric.criteria.find((c) => c.id === id)?.name ?? id;

  return (
    <article className="mx-auto max-w-3xl space-y-6 bg-white p-8 print:p-0" data-testid="print-view">
      <div className="flex items-start justify-between gap-4 print:hidden">
        <Link href={`/assignments/${assignmentId}/students/${studentId}/mark?version=${submission.number}`} className="text-sm text-indigo-700 underline">
          ← Back to marking
        </Link>
        <PrintButton />
      </div>
      <header>
        <p className="text-sm text-slate-600">
          {assignment.classroom.name} · {assignment.rubric.title}
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{student.name}</h1>
        <p className="mt-1 font-serif text-lg text-slate-800">{assignment.question.text}</p>
        <p className="mt-1 text-sm text-slate-600">
          Version {submission.number} · handed in {formatDateTime(submission.submittedAt)}
          {submission.late ? " (late)" : ""} · {plural(submission.wordCount, "word")}
          {marking.status === "RETURNED" && marking.returnedAt ? ` · returned ${formatDateTime(marking.returnedAt)}` : " · marking not yet returned"}
        </p>
      </header>
      <section aria-label="Essay" className="whitespace-pre-wrap font-serif text-[1.05rem] leading-8 text-slate-900">
        {segments.map((s) => (
          <Fragment key={s.start}>
            {s.ids.length ? <span className="underline decoration-slate-500 decoration-2 underline-offset-4">{s.text}</span> : s.text}
            {endsAt.has(s.end) ? <sup className="ml-0.5 font-sans text-xs font-semibold text-indigo-800">[{endsAt.get(s.end)!.join(",")}]</sup> : null}
          </Fragment>
        ))}
      </section>
      {desk.annotations.length ? (
        <section aria-labelledby="comments-heading" className="break-inside-avoid-page">
          <h2 id="comments-heading" className="text-lg font-semibold text-slate-900">
            Comments
          </h2>
          <ol className="mt-2 space-y-2 text-sm">
            {desk.annotations.map((a) => (
              <li key={a.id} className="flex gap-2">
                <span className="font-semibold text-indigo-800">[{numberOf.get(a.id)}]</span>
                <span>
                  <span className="font-medium">
                    {a.kind === "STRENGTH" ? "Strength" : "Target"} · {criterion(a.criterionId)}
                    {a.targetStatus ? ` · ${a.targetStatus}` : ""}:
                  </span>{" "}
                  {a.comment}
                  {!a.location ? <span className="block text-slate-600">On a passage no longer in this version: “{a.exact}”</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="space-y-4 break-inside-avoid-page">
        <Scorecard rubric={assignment.rubric} marking={marking} />
        <SummaryFeedback marking={marking} />
      </div>
    </article>
  );
}
