import { Card, EmptyState } from "@/components/ui/card";
import { formatDate } from "@/components/format";
import { CopyLink } from "./copy-link";
import { inviteLink } from "./invite-link";
import { RevokeInvitationButton } from "./revoke-invitation-button";

type Invitation = { id: string; name: string; email: string; token: string; createdAt: Date };

export function PendingInvitations({ invitations, origin }: { invitations: Invitation[]; origin: string }) {
  return (
    <Card className="mt-6">
      <h2 className="text-lg font-semibold" id="pending-invitations">
        Invitations waiting ({invitations.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Students on an imported list who have not signed up yet. Each link works once; withdraw one to stop it working.
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
                  </span>
                </p>
                <RevokeInvitationButton invitationId={i.id} who={i.name} />
              </div>
              <CopyLink link={inviteLink(origin, i.token)} who={i.name} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
