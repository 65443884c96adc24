"use client";

import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requestSchoolStudentExportAction } from "../../exports/actions";

// A school admin's export of one student's data (a subject access request, a move to
// another school; decision 041). The student is named by email: the page lists no students.
export function ExportSection({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Export a student&apos;s data</h2>
      <p className="mt-1 text-sm text-slate-600">
        Everything Extent holds about one student of {schoolName}, including marking not yet returned to them, as a zip. Follow it on{" "}
        <Link href="/exports" className="text-indigo-800 underline">
          your exports
        </Link>
        ; only you can download it, for 7 days, and the request and download are recorded in the audit trail.
      </p>
      <div className="mt-4">
        <ActionForm action={requestSchoolStudentExportAction} submitLabel="Export this student's data" pendingLabel="Asking…" testId="admin-export-student">
          <input type="hidden" name="schoolId" value={schoolId} />
          <TextField name="email" label="Student's email" type="email" autoComplete="off" required />
        </ActionForm>
      </div>
    </Card>
  );
}
