import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/current-user";
import { listMyExports } from "@/lib/exports/requests";
import { PageHeader } from "@/components/ui/card";
import { ExportList } from "./export-list";

export const metadata: Metadata = { title: "Your exports" };

/** The exports this person asked for, with their progress and downloads (decision 041). */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ requested?: string }> }) {
  const user = await requireUserPage();
  const exports = await listMyExports(user);
  const { requested } = await searchParams;
  return (
    <div>
      <PageHeader
        title="Your exports"
        description="Exports are built in the background: this page shows how far each one has got. A finished export can be downloaded for 7 days, by you only."
      />
      <ExportList initial={exports} requested={typeof requested === "string" ? requested : null} />
    </div>
  );
}
