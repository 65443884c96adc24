import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { listClassAssignments } from "@/lib/assignments/assignments";
import { getClassroomForTeacher } from "@/lib/classes/classrooms";
import { getClassTeachers } from "@/lib/classes/co-teachers";
import { appOrigin } from "@/lib/env";
import { ButtonLink } from "@/components/ui/button";
import { formatDate, formatDue } from "@/components/format";
import { isAppError } from "@/lib/errors";
import { JoinCodePanel } from "./join-code-panel";
import { RemoveStudentButton } from "./remove-student-button";
import { TeachersSection } from "./_teachers/teachers-section";
import { LtiRosterPanel } from "./lti-roster-panel";
import { ClosingSection } from "./_closing/closing-section";
import { ExportClassForm } from "./export-class-form";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "Class" };

async function load(userId: Parameters<typeof getClassroomForTeacher>[0], id: string) {
  try {
    return await getClassroomForTeacher(userId, id);
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classroomId: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const { created } = await searchParams;
  const classroom = await load(user, classroomId);
  const [assignments, teachers] = await Promise.all([listClassAssignments(user, classroomId), getClassTeachers(user, classroomId)]);

  return (
    <div>
      <PageHeader
        title={classroom.name}
        description={`${classroom.subject} · ${classroom.yearGroup}`}
        actions={
          <>
            <ButtonLink href={`/classes/${classroom.id}/board`} variant="secondary">
              Class board
            </ButtonLink>
            <ButtonLink href={`/classes/${classroom.id}/audit`} variant="secondary">
              Audit trail
            </ButtonLink>
            <ButtonLink href={`/classes/${classroom.id}/assignments/new`}>Set an assignment</ButtonLink>
            <ExportClassForm classroomId={classroom.id} />
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Class created. Share the join code with your students.
        </p>
      ) : null}
      <LtiRosterPanel user={user} classroomId={classroomId} />
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">Assignments</h2>
        {assignments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No assignments yet. Set a question from your bank with a mark scheme and a due date.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="class-assignments">
            {assignments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <Link href={`/assignments/${a.id}`} className="font-medium text-slate-900 hover:underline">{a.question.text}</Link>
                <span className="text-sm text-slate-600">
                  {a.status === "CLOSED" ? "Closed · " : ""}Due {formatDue(a.dueAt)} · {a.submitted}/{a.enrolled} submitted
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <TeachersSection classroom={classroom} data={teachers} viewerId={user.id} origin={appOrigin()} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <h2 id="class-students" tabIndex={-1} className="text-lg font-semibold outline-none">
            Students ({classroom.enrolments.length})
          </h2>
          <p className="mt-1 text-sm"><Link href={`/classes/${classroom.id}/roster`} className="text-indigo-700 underline">Import a roster (CSV)</Link></p>
          {classroom.enrolments.length === 0 ? (
            <div className="mt-4">
              <EmptyState title="No students yet">Students join by entering the class code on their dashboard.</EmptyState>
            </div>
          ) : (
            <ScrollBox label="Students" className="mt-4">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Students in {classroom.name}</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 font-medium">Name</th>
                    <th scope="col" className="py-2 font-medium">Email</th>
                    <th scope="col" className="py-2 font-medium">Joined</th>
                    <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {classroom.enrolments.map(({ student, joinedAt }) => (
                    <tr key={student.id} className="border-b border-slate-100">
                      <td className="py-2 font-medium text-slate-900">{student.name}</td>
                      <td className="py-2 text-slate-700">{student.email}</td>
                      <td className="py-2 text-slate-700">{formatDate(joinedAt)}</td>
                      <td className="py-2 text-right">
                        <RemoveStudentButton classroomId={classroom.id} studentId={student.id} studentName={student.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </Card>
        <JoinCodePanel classroomId={classroom.id} joinCode={classroom.joinCode} />
      </div>
      <div className="mt-6">
        <ClosingSection classroomId={classroom.id} closedAt={classroom.closedAt} isOwner={classroom.teacherId === user.id} />
      </div>
    </div>
  );
}
