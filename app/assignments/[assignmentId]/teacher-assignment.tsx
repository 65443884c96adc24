import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";
import { STATUS_STYLE } from "@/components/tracking/status-style";
import type { getAssignmentOverview } from "@/lib/assignments/assignments";
import { CELL_STATUS_LABELS } from "@/lib/tracking/cell-status";
import { AssignmentHeader } from "./assignment-header";
import { AssignmentSettings, BlindMarkingSettings } from "./lazy-settings";
import { ScrollBox } from "@/components/ui/scroll-box";

type Overview = Awaited<ReturnType<typeof getAssignmentOverview>>;

export function TeacherAssignment({ overview: o, justSet, release }: { overview: Overview; justSet: boolean; release: { feedbackBeforeMarks: boolean; held: number } }) {
  return (
    <div>
      <p className="mb-2 text-sm"><Link href={`/classes/${o.classroom.id}`} className="text-indigo-700 underline">← {o.classroom.name}</Link></p>
      <AssignmentHeader question={o.question.text} classroom={`${o.classroom.name} · ${o.rubricVersion.title}`} dueAt={o.dueAt} wordLimit={o.wordLimit} status={o.status} instructions={o.instructions} />
      {justSet ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">Assignment set. Students in {o.classroom.name} can see it now.</p> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Students</h2>
            <div className="flex flex-wrap gap-2">
              <ButtonLink href={`/assignments/${o.id}/analytics`} variant="secondary" className="px-3 py-1.5">Analytics</ButtonLink>
              <ButtonLink href={`/assignments/${o.id}/whole-class-feedback`} variant="secondary" className="px-3 py-1.5">Whole-class feedback</ButtonLink>
              <ButtonLink href={`/assignments/${o.id}/moderation`} variant="secondary" className="px-3 py-1.5">Moderation</ButtonLink>
              <DownloadLink href={`/assignments/${o.id}/marks.csv`} variant="secondary" className="px-3 py-1.5">Marks (CSV)</DownloadLink>
            </div>
          </div>
          <ScrollBox label="Students and their essays" className="mt-3">
            <table className="w-full text-left text-sm" data-testid="assignment-students">
              <caption className="sr-only">Where each student stands</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 font-medium">{o.blind.hidden ? "Candidate" : "Student"}</th>
                  <th scope="col" className="py-2 font-medium">Status</th>
                  <th scope="col" className="py-2 font-medium">Words</th>
                  <th scope="col" className="py-2 font-medium">Last activity</th>
                  <th scope="col" className="py-2 font-medium">Mark</th>
                  <th scope="col" className="py-2"><span className="sr-only">Work</span></th>
                </tr>
              </thead>
              <tbody>
                {o.students.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100">
                    <td className="py-2 font-medium text-slate-900">{s.name}</td>
                    <td className="py-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[s.workStatus].cell}`}>{CELL_STATUS_LABELS[s.workStatus]}</span>
                      {s.cell.overdue ? <span className="ml-1 text-xs font-semibold text-red-800">Overdue</span> : null}
                    </td>
                    <td className="py-2">{s.words}</td>
                    <td className="py-2 text-slate-600">{s.lastActivity ? formatDateTime(s.lastActivity) : "—"}</td>
                    <td className="py-2">{s.cell.mark !== null ? `${s.cell.mark}/${o.totalMarks}` : "—"}</td>
                    <td className="py-2 text-right whitespace-nowrap">
                      {s.cell.latestVersion ? (
                        <Link href={`/assignments/${o.id}/students/${s.id}/mark`} className="mr-3 text-indigo-700 underline" data-testid={`mark-${s.id}`}>
                          {markingLabel(s.workStatus, s.cell.latestVersion, s.cell.markingStarted)}
                          <span className="sr-only"> for {s.name}</span>
                        </Link>
                      ) : null}
                      {s.workStatus !== "not-started" ? <Link href={`/assignments/${o.id}/students/${s.id}`} className="text-indigo-700 underline">Plan and draft<span className="sr-only"> by {s.name}</span></Link> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </Card>
        <div>
          <AssignmentSettings assignmentId={o.id} dueAt={o.dueAt.toISOString()} wordLimit={o.wordLimit} instructions={o.instructions} open={o.status === "OPEN"} release={release} />
          <BlindMarkingSettings assignmentId={o.id} blindMarking={o.blind.blindMarking} revealed={o.blind.revealedAt ? `${o.blind.revealedBy ? `by ${o.blind.revealedBy} ` : ""}on ${formatDateTime(o.blind.revealedAt)}` : null} />
        </div>
      </div>
    </div>
  );
}

function markingLabel(status: Overview["students"][number]["workStatus"], version: number, started: boolean): string {
  const redraft = version > 1 ? ` (version ${version})` : "";
  if (status === "returned") return `Feedback${redraft}`;
  if (status === "marked") return `Review marking${redraft}`;
  if (started) return `Continue marking${redraft}`;
  return `Mark${redraft}`;
}
