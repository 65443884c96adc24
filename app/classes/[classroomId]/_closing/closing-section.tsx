import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { formatDate } from "@/components/format";
import { closeClassAction, reopenClassAction } from "./closing-actions";

// The end of a class's year (decision 042): its owner closes it, which starts the school's
// retention period, reopens it (which cancels any deletion notice), or deletes it.
export function ClosingSection({ classroomId, closedAt, isOwner }: { classroomId: string; closedAt: Date | null; isOwner: boolean }) {
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold">Closing the class</h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="class-closed-state">
        {closedAt
          ? `Closed on ${formatDate(closedAt)}. It and its work are kept for as long as the school's retention setting says, and its teachers are told before it is deleted.`
          : "Open. Close it when its year is over: it and its work are then kept for as long as the school's retention setting says."}
      </p>
      {isOwner ? (
        <div className="mt-3 flex flex-wrap items-start gap-4">
          <ActionForm
            action={closedAt ? reopenClassAction : closeClassAction}
            submitLabel={closedAt ? "Reopen the class" : "Close the class"}
            pendingLabel={closedAt ? "Reopening…" : "Closing…"}
            submitVariant="secondary"
            className="space-y-2"
            testId="closing-form"
          >
            <input type="hidden" name="classroomId" value={classroomId} />
          </ActionForm>
          <Link href={`/classes/${classroomId}/delete`} className="mt-2 text-sm font-medium text-red-700 underline">
            Delete the class…
          </Link>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">Only the class&apos;s owner can close, reopen or delete it.</p>
      )}
    </Card>
  );
}
