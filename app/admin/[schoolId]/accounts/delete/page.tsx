import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { findMemberByEmail, previewMemberDeletion } from "@/lib/deletion/account";
import { describeCounts } from "@/lib/deletion/labels";
import { personNotes } from "@/lib/deletion/report-view";
import { getSchoolForAdmin } from "@/lib/schools/schools";
import { PageHeader } from "@/components/ui/card";
import { DeletionSummary } from "@/components/deletion/deletion-summary";
import { ConfirmDeletionForm } from "@/components/deletion/confirm-deletion-form";
import { orNotFound } from "../../../../page-helpers";
import { deleteMemberAction } from "../../_data/data-actions";

export const metadata: Metadata = { title: "Delete an account" };

/** A school administrator's confirmation for deleting one of the school's accounts, found by email. */
export default async function DeleteMemberPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<{ email?: string | string[] }> }) {
  const user = await requireUserPage();
  const { schoolId } = await params;
  const { email } = await searchParams;
  const school = await getSchoolForAdmin(user, schoolId).catch(orNotFound);
  const member = typeof email === "string" && email.length <= 320 ? await findMemberByEmail(user, schoolId, email) : null;
  const back = (
    <Link href={`/admin/${schoolId}`} className="text-sm text-indigo-800 underline">
      Back to {school.name}
    </Link>
  );
  if (!member) {
    return (
      <div className="max-w-2xl space-y-6">
        <PageHeader title="Delete an account" />
        <p role="status" className="text-sm text-slate-700" data-testid="member-not-found">
          No account of {school.name} has that email.
        </p>
        {back}
      </div>
    );
  }
  const preview = await previewMemberDeletion(user, schoolId, member.id);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={`Delete ${preview.name}`} description={`${preview.email} · ${preview.role === "TEACHER" ? "teacher" : "student"}`} />
      <DeletionSummary heading="This deletes the account and, for good:" lines={describeCounts(preview.goes)} empty="Nothing but the account itself.">
        {personNotes(preview).map((note) => (
          <p key={note} className="mt-2 text-sm text-slate-700">
            {note}
          </p>
        ))}
      </DeletionSummary>
      {preview.blockingClasses.length ? (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="deletion-blocked">
          <p className="font-medium">This account owns classes with students: {preview.blockingClasses.map((c) => c.name).join(", ")}.</p>
          <p className="mt-1">Its owner hands each to a co-teacher, or the class is deleted, before the account can go.</p>
          <ul className="mt-2 list-disc pl-5">
            {preview.blockingClasses.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}/delete`} className="underline">
                  Delete {c.name}…
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ConfirmDeletionForm action={deleteMemberAction} submitLabel="Delete the account" after={back}>
          <input type="hidden" name="schoolId" value={schoolId} />
          <input type="hidden" name="userId" value={preview.id} />
          <p className="text-sm text-slate-700">This cannot be undone.</p>
        </ConfirmDeletionForm>
      )}
      {back}
    </div>
  );
}
