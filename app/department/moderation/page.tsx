import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { getDepartmentModerationReport } from "@/lib/moderation/report";
import { listDepartmentMembers, listMyDepartmentInvitations } from "@/lib/moderation/departments";
import type { SessionUser } from "@/lib/auth/sessions";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CriterionAgreementTable, MarkerAgreementTable, decimal, percent } from "@/components/moderation-tables";
import { formatDue } from "@/components/format";
import { AcceptDepartmentInvitation, InviteToDepartmentForm } from "./department-forms";
import { ScrollBox } from "@/components/ui/scroll-box";

/** Invitations to join a department, addressed to this teacher's email. */
async function MyInvitations({ user }: { user: SessionUser }) {
  const invitations = await listMyDepartmentInvitations(user);
  if (!invitations.length) return null;
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold text-slate-900">Invitations to join a department</h2>
      <ul className="mt-2 space-y-3" data-testid="department-invitations">
        {invitations.map((i) => (
          <li key={i.id} className="text-sm text-slate-800">
            {i.invitedBy ? `${i.invitedBy.name} invited you to join ${i.department.name}.` : `You are invited to join ${i.department.name}.`} Its heads will then be able to
            second-mark and moderate the work in your classes.
            <AcceptDepartmentInvitation invitationId={i.id} departmentName={i.department.name} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export const metadata: Metadata = { title: "Department moderation" };

/** A head of department's moderation across every assignment in their members' classes. */
export default async function DepartmentModerationPage() {
  const user = await requireUserPage("TEACHER");
  const data = await getDepartmentModerationReport(user).catch((e: unknown) => {
    // A teacher who heads no department is told what the page is for, not shown an error.
    if (isAppError(e) && e.status === 403) return null;
    throw e;
  });
  if (!data) {
    return (
      <div>
        <PageHeader title="Department moderation" />
        <MyInvitations user={user} />
        <EmptyState title="For heads of department">
          You do not head a department. Your school&apos;s administrator makes departments and their heads; you can still moderate your own classes&apos; assignments from each assignment&apos;s page.
        </EmptyState>
      </div>
    );
  }
  const { departments, assignments, report } = data;
  const members = await listDepartmentMembers(user, departments.map((d) => d.id));
  return (
    <div>
      <PageHeader
        title="Department moderation"
        description={`${departments.map((d) => d.name).join(", ")}: second marking across every assignment in your members' classes.`}
      />
      <MyInvitations user={user} />
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Assignments</h2>
          {assignments.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No assignments in the department&apos;s classes yet.</p>
          ) : (
            <ScrollBox label="Department assignments" className="mt-3">
              <table className="w-full text-left text-sm" data-testid="department-assignments">
                <caption className="sr-only">Assignments in the department&apos;s classes and their moderation</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">Assignment</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Class</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Sample</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Same level</th>
                    <th scope="col" className="py-2 font-medium">Mean difference</th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id} className="border-b border-slate-100 align-top">
                      <td className="max-w-md py-2 pr-3">
                        <Link href={`/assignments/${a.id}/moderation`} className="line-clamp-2 text-indigo-800 underline">
                          {a.question}
                        </Link>
                        <span className="text-slate-600">due {formatDue(a.dueAt)}</span>
                      </td>
                      <td className="py-2 pr-3">
                        {a.classroom.name} <span className="text-slate-600">({a.classroom.teacher})</span>
                      </td>
                      <td className="py-2 pr-3">
                        {a.sampled ? `${a.counts.sampled} sampled · ${a.counts.secondMarked} second-marked · ${a.counts.agreed} agreed` : <Badge>no sample</Badge>}
                      </td>
                      <td className="py-2 pr-3">{percent(a.overall.exactRate)}</td>
                      <td className="py-2">{decimal(a.overall.meanAbsDiff, " levels")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Agreement across the department</h2>
          <div className="mt-3">
            <CriterionAgreementTable report={report} caption="First against second marking, by criterion name, over every second-marked essay in the department." />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Markers</h2>
          <div className="mt-3">
            <MarkerAgreementTable report={report} />
          </div>
        </Card>
        {members.map((d) => (
          <Card key={d.id}>
            <h2 className="text-lg font-semibold text-slate-900">{d.name}: members</h2>
            <ul className="mt-2 text-sm text-slate-800" data-testid="department-members">
              {d.members.map((m) => (
                <li key={m.teacher.id}>
                  {m.teacher.name}
                  {m.role === "HEAD" ? <span className="text-slate-600"> (head)</span> : null}
                </li>
              ))}
              {d.invitations.map((i) => (
                <li key={i.id} className="text-slate-600">
                  {i.email} (invited, waiting)
                </li>
              ))}
            </ul>
            <div className="mt-4 max-w-md">
              <InviteToDepartmentForm departmentId={d.id} departmentName={d.name} />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
