import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import type { getAssignmentOverview } from "@/lib/assignments/assignments";
import { WORK_STATUS_LABELS, type WorkStatus } from "@/lib/assignments/status";
import { AssignmentHeader } from "./assignment-header";
import { AssignmentSettings } from "./assignment-settings";

const TONES: Record<WorkStatus, "slate" | "indigo" | "amber" | "green"> = { "not-started": "slate", planning: "indigo", drafting: "amber", submitted: "green" };

export function TeacherAssignment({ overview: o, justSet }: { overview: Awaited<ReturnType<typeof getAssignmentOverview>>; justSet: boolean }) {
  return (
    <div>
      <p className="mb-2 text-sm"><Link href={`/classes/${o.classroom.id}`} className="text-indigo-700 underline">← {o.classroom.name}</Link></p>
      <AssignmentHeader question={o.question.text} classroom={`${o.classroom.name} · ${o.rubricVersion.title}`} dueAt={o.dueAt} wordLimit={o.wordLimit} status={o.status} instructions={o.instructions} />
      {justSet ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">Assignment set. Students in {o.classroom.name} can see it now.</p> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <h2 className="text-lg font-semibold">Students</h2>
          <table className="mt-3 w-full text-left text-sm" data-testid="assignment-students">
            <caption className="sr-only">Where each student stands</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">Student</th>
                <th scope="col" className="py-2 font-medium">Status</th>
                <th scope="col" className="py-2 font-medium">Words</th>
                <th scope="col" className="py-2 font-medium">Last activity</th>
                <th scope="col" className="py-2 font-medium">Marking</th>
                <th scope="col" className="py-2"><span className="sr-only">Work</span></th>
              </tr>
            </thead>
            <tbody>
              {o.students.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="py-2 font-medium text-slate-900">{s.name}</td>
                  <td className="py-2">
                    <Badge tone={TONES[s.workStatus]}>{WORK_STATUS_LABELS[s.workStatus]}</Badge>
                    {s.late ? <span className="ml-1"><Badge tone="red">Late</Badge></span> : null}
                  </td>
                  <td className="py-2">{s.words}</td>
                  <td className="py-2 text-slate-600">{s.lastActivity ? formatDateTime(s.lastActivity) : "—"}</td>
                  <td className="py-2">
                    {s.latestVersion ? (
                      <Link href={`/assignments/${o.id}/students/${s.id}/mark`} className="text-indigo-700 underline" data-testid={`mark-${s.id}`}>
                        {markingLabel(s.marking, s.latestVersion)}
                        <span className="sr-only"> for {s.name}</span>
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                  <td className="py-2 text-right">
                    {s.workStatus !== "not-started" ? <Link href={`/assignments/${o.id}/students/${s.id}`} className="text-indigo-700 underline">View work<span className="sr-only"> by {s.name}</span></Link> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <AssignmentSettings assignmentId={o.id} dueAt={o.dueAt.toISOString()} wordLimit={o.wordLimit} instructions={o.instructions} open={o.status === "OPEN"} />
      </div>
    </div>
  );
}

function markingLabel(marking: { status: "IN_PROGRESS" | "RETURNED"; total: number | null } | null, version: number): string {
  const redraft = version > 1 ? ` (version ${version})` : "";
  if (!marking) return `Mark${redraft}`;
  if (marking.status === "IN_PROGRESS") return `Continue marking${redraft}`;
  return `Returned${marking.total !== null ? ` · ${marking.total}` : ""}${redraft}`;
}
