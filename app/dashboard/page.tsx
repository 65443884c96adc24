import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { listStudentClassrooms, listTeacherClassrooms } from "@/lib/classes/classrooms";
import { listStudentAssignments } from "@/lib/assignments/assignments";
import { WORK_STATUS_LABELS, timeLeft } from "@/lib/assignments/status";
import { Badge } from "@/components/ui/card";
import { formatDue } from "@/components/format";
import { listMyInvitations } from "@/lib/roster/my-invitations";
import { ClassInvitations } from "./class-invitations";
import { JoinClassForm } from "./join-class-form";
import { getMarkingQueue } from "@/lib/marking/queue";
import { MarkingQueue } from "./marking-queue";
import { CoTeachingOffers } from "./co-teaching-offers";
import { RetentionNotices } from "./retention-notices";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ denied?: string; queue?: string; marked?: string; left?: string }> }) {
  const user = await requireUserPage();
  const { denied, queue, marked, left } = await searchParams;
  // ?queue=N pages the marking queue; anything unreadable is its first page.
  const queuePage = queue && /^\d{1,4}$/.test(queue) ? Math.max(1, Number(queue)) : 1;
  return (
    <>
      {denied ? (
        <p role="alert" data-testid="denied" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That page is not available to your account, so you have been brought back here.
        </p>
      ) : null}
      {left ? (
        <p role="status" data-testid="left-class" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          You have left the class. Its owner can invite you back.
        </p>
      ) : null}
      {user.role === "TEACHER" ? <TeacherDashboard user={user} queuePage={queuePage} allMarked={marked === "all"} /> : <StudentDashboard user={user} />}
    </>
  );
}

async function TeacherDashboard({ user, queuePage, allMarked }: { user: SessionUser; queuePage: number; allMarked: boolean }) {
  const [classrooms, queue] = await Promise.all([listTeacherClassrooms(user), getMarkingQueue(user, queuePage)]);
  return (
    <div>
      <PageHeader
        title="Your classes"
        description="Create a class, share its join code, and set questions from your topics."
        actions={
          <>
            <ButtonLink href="/topics/import" variant="secondary">Import study notes</ButtonLink>
            <ButtonLink href="/classes/new">New class</ButtonLink>
          </>
        }
      />
      <RetentionNotices user={user} />
      <CoTeachingOffers user={user} />
      {classrooms.length > 0 ? <MarkingQueue queue={queue} allDone={allMarked} /> : null}
      <h2 className="mb-2 text-lg font-semibold">Classes</h2>
      {classrooms.length === 0 ? (
        <EmptyState title="No classes yet">
          <Link className="text-indigo-700 underline" href="/classes/new">Create your first class</Link> and share its join code with students.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {classrooms.map((c) => (
            <li key={c.id}>
              <Link href={`/classes/${c.id}`} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-300">
                <span className="block text-lg font-semibold text-slate-900">{c.name}</span>
                <span className="block text-sm text-slate-600">{c.subject} · {c.yearGroup}{c.teachers[0]?.role === "CO_TEACHER" ? " · Co-teacher" : ""}</span>
                <span className="mt-3 flex justify-between text-sm text-slate-700">
                  <span>{c._count.enrolments} {c._count.enrolments === 1 ? "student" : "students"}</span>
                  <span className="font-mono">{c.joinCode}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function StudentDashboard({ user }: { user: SessionUser }) {
  const [classrooms, assignments, invitations] = await Promise.all([listStudentClassrooms(user), listStudentAssignments(user), listMyInvitations(user)]);
  const now = new Date();
  return (
    <div>
      <PageHeader title="Your work" description="Your assignments and classes. Join a class with the code your teacher gives you." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <ClassInvitations invitations={invitations} />
          <section aria-labelledby="assignments-h">
            <h2 id="assignments-h" className="mb-2 text-lg font-semibold">Assignments</h2>
            {assignments.length === 0 ? (
              <EmptyState title="No assignments yet">When your teacher sets a question, it appears here.</EmptyState>
            ) : (
              <ul className="space-y-3" data-testid="student-assignments">
                {assignments.map((a) => {
                  const left = timeLeft(a.dueAt, now);
                  return (
                    <li key={a.id}>
                      <Link href={`/assignments/${a.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300">
                        <span className="block text-sm text-slate-600">{a.classroom.name}</span>
                        <span className="mt-0.5 block font-serif text-lg text-slate-900">{a.question.text}</span>
                        <span className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                          <Badge tone={a.workStatus === "submitted" ? "green" : a.workStatus === "not-started" ? "slate" : "indigo"}>{WORK_STATUS_LABELS[a.workStatus]}</Badge>
                          {a.late ? <Badge tone="red">Late</Badge> : null}
                          {a.feedback ? <Badge tone="green">{a.feedback.redraftAsked ? "Feedback returned · redraft asked" : "Feedback returned"}</Badge> : null}
                          {a.status === "CLOSED" ? <Badge>Closed</Badge> : a.workStatus !== "submitted" && !a.feedback ? <Badge tone={left.overdue ? "red" : left.soon ? "amber" : "slate"}>{left.label}</Badge> : null}
                          <span className="text-slate-600">Due {formatDue(a.dueAt)}</span>
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <h2 className="text-lg font-semibold">Classes</h2>
          {classrooms.length === 0 ? (
            <EmptyState title="You are not in any classes yet">Enter a join code to get started.</EmptyState>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2" data-testid="student-classes">
              {classrooms.map((c) => (
                <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                  <span className="block text-lg font-semibold text-slate-900">{c.name}</span>
                  <span className="block text-sm text-slate-600">{c.subject} · {c.yearGroup}</span>
                  <span className="mt-2 block text-sm text-slate-700">
                    {c.teachers.length > 1 ? "Teachers" : "Teacher"}: {c.teachers.map((t) => t.teacher.name).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Join a class</h2>
          <JoinClassForm />
        </Card>
      </div>
    </div>
  );
}
