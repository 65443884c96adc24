import type { Metadata } from "next";
import Link from "next/link";
import { KIND_LABELS, describeCounts, type Counts, type Kind } from "@/lib/deletion/labels";
import { PageHeader } from "@/components/ui/card";
import { DeletionSummary } from "@/components/deletion/deletion-summary";

export const metadata: Metadata = { title: "Your account has been deleted" };

const count = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,7}$/.test(v) ? Number(v) : 0);

/** Where a deleted account lands, signed out: the report of what went, read from the address. */
export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const counts: Counts = Object.fromEntries((Object.keys(KIND_LABELS) as Kind[]).map((k) => [k, count(params[k])]));
  const classesLeft = count(params.classesLeft);
  const retainedMarks = count(params.retainedMarks);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Your account has been deleted" description="You have been signed out, and nothing of yours is left in Extent." />
      <DeletionSummary heading="What was deleted" lines={describeCounts(counts)} empty="Your account, with nothing else.">
        {classesLeft ? <p className="mt-2 text-sm text-slate-700">You were removed from {classesLeft === 1 ? "1 class" : `${classesLeft} classes`}.</p> : null}
        {retainedMarks ? <p className="mt-2 text-sm text-slate-700">Your school keeps {retainedMarks} returned marks without your name, as it chose.</p> : null}
      </DeletionSummary>
      <p>
        <Link href="/" className="text-sm text-indigo-800 underline">
          Back to the start page
        </Link>
      </p>
    </div>
  );
}
