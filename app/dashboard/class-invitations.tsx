"use client";

import { formatDate } from "@/components/format";
import { InvitationAnswers, type InvitationToAnswer } from "@/components/invitations/invitation-answers";
import { callAction } from "@/lib/client/call-action";
import { acceptMyInvitationAction, declineMyInvitationAction } from "./actions";

type Invitation = { id: string; classroomName: string; teacherName: string; invitedAt: Date };

// A teacher's roster invitation waits here until the student answers; only Accept puts them
// in the class (decision 012).
export function ClassInvitations({ invitations }: { invitations: Invitation[] }) {
  const items: InvitationToAnswer[] = invitations.map((i) => ({
    id: i.id,
    what: i.classroomName,
    body: (
      <>
        {i.teacherName} invited you to join <span className="font-semibold">{i.classroomName}</span>.
      </>
    ),
    detail: <>Invited {formatDate(i.invitedAt)}. Accept to see the class&apos;s assignments; decline if it is not your class.</>,
  }));

  async function answer(item: InvitationToAnswer, accept: boolean) {
    const input = { invitationId: item.id };
    const result = accept ? await callAction(() => acceptMyInvitationAction(null, input)) : await callAction(() => declineMyInvitationAction(null, input));
    if (!result.ok) return { ok: false, text: result.formError ?? "That did not work; nothing was changed. Try again." };
    return { ok: true, text: accept ? `You have joined ${item.what}.` : `You declined the invitation to ${item.what}.` };
  }

  return <InvitationAnswers invitations={items} heading="Invitations" testId="class-invitations" answer={answer} />;
}
