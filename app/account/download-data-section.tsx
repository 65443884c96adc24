"use client";

import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { requestMyExportAction } from "../exports/actions";

// "Download my data" (issue 15, decision 041): a student's whole record as a zip.
export function DownloadDataSection() {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Download my data</h2>
      <p className="mt-1 text-sm text-slate-600">
        Everything Extent holds about you — your classes, plans, every saved version of your essays, feedback, targets and your replies — in one zip: a
        readable pack (web page and PDF) and the same data as JSON for another school or app. It is built in the background; you can follow it on{" "}
        <Link href="/exports" className="text-indigo-800 underline">
          your exports
        </Link>
        .
      </p>
      <div className="mt-4">
        <ActionForm action={requestMyExportAction} submitLabel="Download my data" pendingLabel="Asking…" submitVariant="secondary" testId="download-my-data">
          {null}
        </ActionForm>
      </div>
    </Card>
  );
}
