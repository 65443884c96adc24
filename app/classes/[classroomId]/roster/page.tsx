import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { getClassroomForTeacher } from "@/lib/classes/classrooms";
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

// Invitation links must be absolute to be pasted into an email. The origin is the one this
// request came to (Next's server sets x-forwarded-proto, and a proxy in front may set both
// headers), so the links match however the teacher reached the app. A forged Host only
// changes the links shown to whoever forged it.
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

export default async function RosterPage({ params }: { params: Promise<{ classroomId: string }> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const classroom = await load(user, classroomId);
  const [invitations, origin] = await Promise.all([listInvitations(user, classroomId), requestOrigin()]);

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
