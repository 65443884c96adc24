import { Badge, Card } from "@/components/ui/card";
import { formatDate } from "@/components/format";
import type { getClassTeachers } from "@/lib/classes/co-teachers";
import { CopyLink } from "../roster/copy-link";
import { InviteTeacherForm } from "./invite-teacher-form";
import { LeaveClassButton, RemoveTeacherButton, WithdrawTeacherInvitationButton } from "./teacher-buttons";
import { teacherInviteLink } from "./teacher-invite-link";

type Teachers = Awaited<ReturnType<typeof getClassTeachers>>;

// Who teaches the class (decision 025). Everyone who teaches it sees the list; the owner
// invites, withdraws and removes; a co-teacher can leave.
export function TeachersSection({ classroom, data, viewerId, origin }: { classroom: { id: string; name: string }; data: Teachers; viewerId: string; origin: string }) {
  const owner = data.viewerRole === "OWNER";
  return (
    <Card className="mb-6">
      <section aria-labelledby="teachers-h" data-testid="class-teachers">
        <h2 id="teachers-h" className="text-lg font-semibold">
          Teachers ({data.teachers.length})
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {data.teachers.map((t) => (
            <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-testid="class-teacher">
              <p className="min-w-0">
                <span className="font-medium text-slate-900">{t.name}</span>
                {t.id === viewerId ? <span className="text-slate-600"> (you)</span> : null} <span className="break-all text-sm text-slate-700">{t.email}</span>{" "}
                {t.role === "OWNER" ? <Badge tone="indigo">Owner</Badge> : <Badge>Co-teacher · since {formatDate(t.addedAt)}</Badge>}
              </p>
              {owner && t.role === "CO_TEACHER" ? <RemoveTeacherButton classroomId={classroom.id} teacherId={t.id} name={t.name} /> : null}
              {!owner && t.id === viewerId ? <LeaveClassButton classroomId={classroom.id} className={classroom.name} /> : null}
            </li>
          ))}
        </ul>
        {owner ? (
          <>
            <InviteTeacherForm classroomId={classroom.id} />
            {data.invitations.length ? (
              <>
                <h3 className="mt-4 text-base font-semibold" id="teacher-invitations-h">
                  Invitations to teach ({data.invitations.length})
                </h3>
                <ul aria-labelledby="teacher-invitations-h" className="mt-2 divide-y divide-slate-100" data-testid="teacher-invitations">
                  {data.invitations.map((i) => (
                    <li key={i.id} className="py-2">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <p className="min-w-0">
                          <span className="break-all font-medium text-slate-900">{i.email}</span> <span className="text-sm text-slate-500">· invited {formatDate(i.createdAt)}</span>{" "}
                          {i.status === "declined" ? <Badge tone="amber">Declined</Badge> : <Badge>Waiting</Badge>}
                        </p>
                        <WithdrawTeacherInvitationButton invitationId={i.id} email={i.email} />
                      </div>
                      {i.status === "waiting" ? <CopyLink link={teacherInviteLink(origin, i.token)} who={i.email} /> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Only the class&apos;s owner can invite or remove teachers.</p>
        )}
      </section>
    </Card>
  );
}
