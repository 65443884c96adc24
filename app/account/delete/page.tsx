import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { previewOwnDeletion } from "@/lib/deletion/account";
import { describeCounts } from "@/lib/deletion/labels";
import { personNotes } from "@/lib/deletion/report-view";
import { DELETE_PHRASE } from "@/lib/deletion/schemas";
import { PageHeader } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { DeletionSummary } from "@/components/deletion/deletion-summary";
import { ConfirmDeletionForm } from "@/components/deletion/confirm-deletion-form";
import { deleteOwnAccountAction } from "../delete-actions";

export const metadata: Metadata = { title: "Delete your account" };

/** The confirmation for deleting one's own account: what will go, then the password (or phrase). */
export default async function DeleteAccountPage() {
  const user = await requireUserPage();
  const preview = await previewOwnDeletion(user);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Delete your account" description={`${preview.name} · ${preview.email}`} />
      <DeletionSummary heading="This deletes your account and, for good:" lines={describeCounts(preview.goes)} empty="Nothing but the account itself.">
        {personNotes(preview).map((note) => (
          <p key={note} className="mt-2 text-sm text-slate-700">
            {note}
          </p>
        ))}
      </DeletionSummary>
      {preview.blockingClasses.length ? (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="deletion-blocked">
          <p className="font-medium">Your account cannot be deleted yet: you own classes with students.</p>
          <ul className="mt-2 list-disc pl-5">
            {preview.blockingClasses.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}`} className="underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-2">Hand each class to a co-teacher, or delete it, first.</p>
        </div>
      ) : (
        <ConfirmDeletionForm action={deleteOwnAccountAction} submitLabel="Delete my account">
          <p className="text-sm text-slate-700">This cannot be undone. If you want a copy of your work, download it before you go.</p>
          {preview.hasPassword ? (
            <TextField name="password" type="password" label="Your password" autoComplete="current-password" required />
          ) : (
            <TextField name="phrase" label={`Type "${DELETE_PHRASE}" to confirm`} autoComplete="off" required />
          )}
        </ConfirmDeletionForm>
      )}
      <p>
        <Link href="/account" className="text-sm text-indigo-800 underline">
          Keep my account
        </Link>
      </p>
    </div>
  );
}
