import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/current-user";
import { ImportNotes } from "./import-notes";

export const metadata: Metadata = { title: "Import study notes" };

export default async function ImportPage() {
  await requireUserPage("TEACHER");
  return (
    <div>
      <PageHeader
        title="Import study notes"
        description="Upload a Word document, or paste or upload notes as plain text (a heading per line, one point per line, then FAQ and Practice Questions parts) or Markdown. The preview shows everything that will be saved: fix any headings, and make an intro a point if students should be able to cite it, then save."
      />
      <ImportNotes />
    </div>
  );
}
