import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { previewSchoolDeletion } from "@/lib/deletion/school";
import { describeCounts } from "@/lib/deletion/labels";
import { PageHeader } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { DeletionSummary } from "@/components/deletion/deletion-summary";
import { ConfirmDeletionForm } from "@/components/deletion/confirm-deletion-form";
import { orNotFound } from "../../../page-helpers";
import { deleteSchoolAction } from "../_data/data-actions";

export const metadata: Metadata = { title: "Delete the school's data" };

/** The end of a school's contract: everything it holds goes, after its name is typed. */
export default async function DeleteSchoolPage({ params }: { params: Promise<{ schoolId: string }> }) {
  const user = await requireUserPage();
  const { schoolId } = await params;
  const preview = await previewSchoolDeletion(user, schoolId).catch(orNotFound);
  const lines = [
    ...describeCounts(preview.counts),
    `${preview.admins} administrator grants`,
    `${preview.signInRules} sign-in rules`,
    `${preview.lmsLinks} LMS registrations`,
  ];
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={`Delete all of ${preview.name}'s data`} description="For the end of the school's contract. Every account of the school goes, yours included if it is one." />
      <DeletionSummary heading="This deletes, for good:" lines={lines} />
      <ConfirmDeletionForm
        action={deleteSchoolAction}
        submitLabel="Delete the school's data"
        after={
          <Link href="/" className="text-sm text-indigo-800 underline">
            Back to the start page
          </Link>
        }
      >
        <input type="hidden" name="schoolId" value={schoolId} />
        <TextField name="confirmName" label={`Type the school's name, "${preview.name}", to confirm`} autoComplete="off" required />
        <p className="text-sm text-slate-700">
          This cannot be undone.{" "}
          <Link href={`/admin/${schoolId}`} className="text-indigo-800 underline">
            Keep the school
          </Link>
          .
        </p>
      </ConfirmDeletionForm>
    </div>
  );
}
