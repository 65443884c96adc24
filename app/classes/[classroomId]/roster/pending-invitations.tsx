import { Badge, Card, EmptyState } from "@/components/ui/card";
import { formatDate } from "@/components/format";
import { CopyLink } from "./copy-link";
import { inviteLink } from "./invite-link";
import { RevokeInvitationButton } from "./revoke-invitation-button";

type Invitation = { id: string; name: string; email: string; token: string; createdAt: Date; status: "waiting" | "declined" };

// Every invitation is listed the same way whoever the email belongs to; "declined" is the
// only answer shown, because it is the student's own (decision 012).

export function PendingInvitations({ invitations, origin }: { invitations: Invitation[]; origin: string }) {
  return (
    <Card className="mt-6">
      <h2 className="text-lg font-semibold outline-none" id="pending-invitations" tabIndex={-1}>
        Invitations ({invitations.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Students on an imported list who have not joined yet. Each joins only when they accept; each link works once. Withdraw an invitation to stop it
        working, or to ask someone who declined again by importing them afresh.
      </p>
      {invitations.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No invitations waiting">Everyone invited has joined, or no one has been invited yet.</EmptyState>
        </div>
      ) : (
        <ul aria-labelledby="pending-invitations" className="mt-3 divide-y divide-slate-100" data-testid="pending-invitations">
          {invitations.map((i) => (
            <li key={i.id} className="py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p>
                  <span className="font-medium text-slate-900">{i.name}</span> <span className="text-sm text-slate-700">{i.email}</span>{" "}
                  <span className="text-sm text-slate-500">
                    · invited {formatDate(i.createdAt)}
                  </span>{" "}
                  {i.status === "declined" ? <Badge tone="amber">Declined</Badge> : <Badge>Waiting</Badge>}
                </p>
                <RevokeInvitationButton invitationId={i.id} who={i.name} />
              </div>
              {i.status === "waiting" ? <CopyLink link={inviteLink(origin, i.token)} who={i.name} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
