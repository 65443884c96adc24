"use client";

import { ConfirmActionButton } from "./confirm-action-button";
import { leaveClassAction, removeCoTeacherAction, revokeTeacherInvitationAction } from "./actions";

// The Teachers section's buttons: plain data in from the server component, each bound to its action here.

export function RemoveTeacherButton({ classroomId, teacherId, name }: { classroomId: string; teacherId: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Remove"
      pendingLabel="Removing…"
      ariaLabel={`Remove ${name} from this class`}
      testId="remove-teacher"
      confirm={{
        title: `Remove ${name} from this class?`,
        body: `${name} will no longer see the class, its students' work or its marks. The marks and comments they made stay, with their name. Their account is kept.`,
        confirmLabel: "Remove teacher",
      }}
      run={() => removeCoTeacherAction(null, { classroomId, teacherId })}
    />
  );
}

export function LeaveClassButton({ classroomId, className }: { classroomId: string; className: string }) {
  return (
    <ConfirmActionButton
      label="Leave this class"
      pendingLabel="Leaving…"
      ariaLabel={`Leave ${className}`}
      testId="leave-class"
      confirm={{
        title: `Leave ${className}?`,
        body: "You will no longer see the class or its students' work. Your marks and comments stay, with your name. Only the class's owner can invite you back.",
        confirmLabel: "Leave class",
      }}
      run={() => leaveClassAction(null, { classroomId })}
    />
  );
}

export function WithdrawTeacherInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ConfirmActionButton
      label="Withdraw"
      pendingLabel="Withdrawing…"
      ariaLabel={`Withdraw the invitation for ${email}`}
      testId="withdraw-teacher-invitation"
      confirm={{ title: `Withdraw the invitation for ${email}?`, body: "Its link will stop working. You can invite them again afterwards.", confirmLabel: "Withdraw invitation" }}
      run={() => revokeTeacherInvitationAction(null, { invitationId })}
    />
  );
}
