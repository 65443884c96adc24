import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { getClassroomForTeacher } from "@/lib/classes/classrooms";
import { appOrigin } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { listInvitations } from "@/lib/roster/invitations";
import { FormatHelp } from "./format-help";
import { PendingInvitations } from "./pending-invitations";
import { RosterImportForm } from "./roster-import-form";

export const metadata: Metadata = { title: "Import a roster" };

async function load(user: SessionUser, id: string) {
  try {
    return await getClassroomForTeacher(user, id);
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}

// Invitation links must be absolute to be pasted into an email. They use the configured
// APP_ORIGIN, never the request's Host or X-Forwarded-* headers, which a client controls.

export default async function RosterPage({ params }: { params: Promise<{ classroomId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const classroom = await load(user, classroomId);
  const invitations = await listInvitations(user, classroomId);
  const origin = appOrigin();

  return (
    <div>
      <PageHeader
        title="Import a roster"
        description={`Invite students to ${classroom.name} from a class list. Everyone on it gets an invitation and joins when they accept it.`}
        actions={
          <ButtonLink href={`/classes/${classroom.id}`} variant="secondary">
            Back to {classroom.name}
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <RosterImportForm classroomId={classroom.id} origin={origin} />
        <FormatHelp />
      </div>
      <PendingInvitations invitations={invitations} origin={origin} />
    </div>
  );
}
