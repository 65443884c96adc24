import type { SessionUser } from "@/lib/auth/sessions";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/format";
import { getLtiLinkForClass } from "@/lib/lti/roster";
import { SyncRosterForm } from "./lti-sync-form";

/** For a class made from an LMS course (decision 036): its course, roster sync and any marks the LMS has not taken yet. */
export async function LtiRosterPanel({ user, classroomId }: { user: SessionUser; classroomId: string }) {
  const link = await getLtiLinkForClass(user, classroomId);
  if (!link) return null;
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold">LMS course</h2>
      <p className="mt-1 text-sm text-slate-600">
        Linked to “{link.title}”. {link.syncedAt ? `Roster last synced ${formatDate(link.syncedAt)}.` : "The roster has not been synced yet."}
      </p>
      {link.unsentScores > 0 ? (
        <p className="mt-1 text-sm text-amber-800">
          {link.unsentScores} returned {link.unsentScores === 1 ? "mark has" : "marks have"} not reached the LMS gradebook yet. Extent tries again every 15 minutes, and when you sync the roster.
        </p>
      ) : null}
      {link.canSync ? <SyncRosterForm classroomId={classroomId} /> : <p className="mt-2 text-sm text-slate-600">The LMS has not offered this course&apos;s roster.</p>}
    </Card>
  );
}
