import type { Metadata } from "next";
import { orNotFound, versionParam } from "@/app/page-helpers";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { getMarkingDesk } from "@/lib/marking/desk";
import { teacherReplyOf } from "@/lib/marking/teacher-reply-view";
import { nextToMark } from "@/lib/marking/queue";
import { MarkingDesk } from "./_desk/marking-desk";
import { getWritingProcess } from "@/lib/process/process";
import { WritingProcess } from "@/components/process/writing-process";
import { StudentWorkNav } from "../work-nav";
import { listClassTeacherNames } from "@/lib/classes/co-teachers";
import { SharedMarkingNote } from "./shared-marking-note";
import { ResponseReply } from "./response-reply";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "Marking" };

export default async function MarkPage({ params, searchParams }: { params: Promise<{ assignmentId: string; studentId: string }>; searchParams: Promise<{ version?: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { assignmentId, studentId } = await params;
  const raw = (await searchParams).version;
  const version = versionParam(raw);
  const [desk, writing] = await Promise.all([getMarkingDesk(user, assignmentId, studentId, version), getWritingProcess(user, assignmentId, studentId)]).catch(orNotFound);
  // "Mark next": the essay after this one in the teacher's queue (decision 027); none left, the dashboard says so.
  const next = await nextToMark(user, desk.submission.id);
  const teacherNames = await listClassTeacherNames(user, desk.assignment.classroom.id).catch(orNotFound);
  const base = `/assignments/${assignmentId}/students/${studentId}`;
  const latest = desk.versions.at(-1)!.number;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/assignments/${assignmentId}`} className="text-indigo-700 underline">
          ← All students
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">Marking: {desk.student.name}</h1>
        <Link href={`${base}/print?version=${desk.submission.number}`} className="text-sm text-indigo-700 underline">
          Printable view
        </Link>
      </div>
      <p className="mt-1 font-serif text-lg text-slate-800">{desk.assignment.question.text}</p>
      <div className="mt-4">
        <StudentWorkNav base={base} versions={desk.versions} current={desk.submission.number} />
      </div>
      {desk.submission.number !== latest ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This is an earlier version. {desk.student.name} has handed in version {latest} since.
        </p>
      ) : desk.redrafting ? (
        <p className="mb-4 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">{desk.student.name} is redrafting; the new version will appear here when it is handed in.</p>
      ) : null}
      {desk.marking.response ? (
        <div className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm" data-testid="student-response">
          <p className="font-medium text-slate-900">{desk.student.name}’s response to this feedback</p>
          <p className="mt-1 whitespace-pre-line text-slate-800">{desk.marking.response}</p>
          {desk.marking.respondedAt ? <p className="mt-1 text-slate-600">Written {formatDateTime(desk.marking.respondedAt)}</p> : null}
          <ResponseReply
            work={{ assignmentId, studentId, submissionNumber: desk.submission.number }}
            studentName={desk.student.name}
            reply={teacherReplyOf(desk.marking)}
          />
        </div>
      ) : null}
      <SharedMarkingNote teacherNames={teacherNames} markerName={desk.marking.markerName} updatedAt={desk.marking.updatedAt} annotations={desk.annotations} />
      {/* The desk needs three columns: it breaks out of the page's reading width. */}
      <div className="relative left-1/2 w-[min(100rem,calc(100vw-2rem))] -translate-x-1/2">
        <MarkingDesk key={desk.submission.number} desk={desk} teacherId={user.id} nextHref={next?.href ?? "/dashboard?marked=all"} />
      </div>
      {/* The same section the student sees under their draft; it covers every version, up to now. */}
      <div className="mt-6">
        <WritingProcess process={writing} id="writing-process" />
      </div>
    </div>
  );
}
