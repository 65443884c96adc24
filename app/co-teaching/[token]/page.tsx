import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { getTeacherInvitationByToken } from "@/lib/classes/my-teacher-invitations";
import { CoTeachingInvitations } from "@/app/dashboard/co-teaching-invitations";

export const metadata: Metadata = { title: "Invitation to teach a class" };

// An invitation to co-teach, opened from its link (decision 025). Signed out, the visitor signs
// in (or up, as a teacher) and comes back here. Only the teacher account with the invited email
// can answer; anyone else is told so and nothing about accounts is said.
export default async function CoTeachingInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const user = await requireUserPage();
  const { token } = await params;
  const found = await getTeacherInvitationByToken(user, token);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Invitation to teach a class" />
      {found.state === "open" ? (
        <CoTeachingInvitations offers={[found.offer]} heading="Answer the invitation" />
      ) : (
        <Card>
          <p className="text-slate-900" data-testid="co-teaching-link-refused">
            {found.state === "other-account"
              ? `This invitation is for another account. You are signed in as ${user.email}: sign out and sign in with the teacher account the invitation was sent to.`
              : "This invitation link has already been answered, was withdrawn by the class's owner, or is not complete. Ask them for a new one."}
          </p>
          <p className="mt-3 text-sm">
            <Link href="/dashboard" className="text-indigo-700 underline">
              Go to your dashboard
            </Link>
          </p>
        </Card>
      )}
    </div>
  );
}
