import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { previewClassDeletion } from "@/lib/deletion/class";
import { describeCounts } from "@/lib/deletion/labels";
import { PageHeader } from "@/components/ui/card";
import { DeletionSummary } from "@/components/deletion/deletion-summary";
import { ConfirmDeletionForm } from "@/components/deletion/confirm-deletion-form";
import { orNotFound } from "../../../page-helpers";
import { deleteClassAction } from "../_closing/closing-actions";

export const metadata: Metadata = { title: "Delete a class" };

/** The confirmation for deleting a class (its owner, or an administrator of its school). */
export default async function DeleteClassPage({ params }: { params: Promise<{ classroomId: string }> }) {
  const user = await requireUserPage();
  const { classroomId } = await params;
  const preview = await previewClassDeletion(user, classroomId).catch(orNotFound);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={`Delete ${preview.name}`} description="The class goes for good, with every student's work in it. The students' accounts, and your topics and questions, stay." />
      <DeletionSummary heading="This deletes the class and:" lines={describeCounts(preview.goes)} empty="Nothing but the class itself.">
        {preview.keepsMarks ? <p className="mt-2 text-sm text-slate-700">The school keeps returned marks without names, as it chose.</p> : null}
      </DeletionSummary>
      <ConfirmDeletionForm
        action={deleteClassAction}
        submitLabel="Delete the class"
        after={
          <Link href="/dashboard" className="text-sm text-indigo-800 underline">
            Back to the dashboard
          </Link>
        }
      >
        <input type="hidden" name="classroomId" value={preview.id} />
        <p className="text-sm text-slate-700">
          This cannot be undone. Export the marks first if you need them, or{" "}
          <Link href={preview.as === "owner" ? `/classes/${preview.id}` : "/dashboard"} className="text-indigo-800 underline">
            keep the class
          </Link>
          .
        </p>
      </ConfirmDeletionForm>
    </div>
  );
}
