"use client";

import { formatDate } from "@/components/format";
import { InvitationAnswers, type InvitationToAnswer } from "@/components/invitations/invitation-answers";
import { callAction } from "@/lib/client/call-action";
import type { CoTeachingOffer } from "@/lib/classes/my-teacher-invitations";
import { acceptTeacherInvitationAction, declineTeacherInvitationAction } from "./co-teaching-actions";

// Invitations to co-teach wait here (and on their link's page) until the teacher answers
// (decision 025).
export function CoTeachingInvitations({ offers, heading = "Invitations to teach" }: { offers: CoTeachingOffer[]; heading?: string }) {
  const items: InvitationToAnswer[] = offers.map((o) => ({
    id: o.id,
    what: `teach ${o.classroomName}`,
    body: (
      <>
        {o.invitedByName} invited you to teach <span className="font-semibold">{o.classroomName}</span> ({o.classroomDetail}) with them.
      </>
    ),
    detail: <>Invited {formatDate(o.invitedAt)}. As a co-teacher you can see the class&apos;s students and their work, set assignments and mark.</>,
  }));

  async function answer(item: InvitationToAnswer, accept: boolean) {
    const input = { invitationId: item.id };
    const result = accept ? await callAction(() => acceptTeacherInvitationAction(null, input)) : await callAction(() => declineTeacherInvitationAction(null, input));
    if (!result.ok) return { ok: false, text: result.formError ?? "That did not work; nothing was changed. Try again." };
    if (!accept) return { ok: true, text: `You declined the invitation to ${item.what}.` };
    const { classroomId } = result.data as { classroomId: string };
    return { ok: true, text: `You now ${item.what}.`, link: { href: `/classes/${classroomId}`, label: "Open the class" } };
  }

  return <InvitationAnswers invitations={items} heading={heading} testId="co-teaching-invitations" answer={answer} className="mb-6" />;
}
