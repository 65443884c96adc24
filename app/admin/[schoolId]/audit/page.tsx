import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { AuditFilterSchema, cursorOf, toAuditQuery } from "@/lib/audit/filter";
import { getSchoolAuditTrail } from "@/lib/audit/trail";
import { schoolTimeZone } from "@/lib/time/school-zone";
import { AuditFilters, AuditTable, nextPageHref } from "@/components/audit/audit-trail";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "School audit trail" };

/** Everything recorded for one school, for its administrators (decision 039). Read-only. */
export default async function SchoolAuditPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  const { schoolId } = await params;
  const filter = AuditFilterSchema.parse(await searchParams);
  const zone = schoolTimeZone();
  const trail = await getSchoolAuditTrail(user, schoolId, toAuditQuery(filter, zone)).catch(orNotFound);
  const base = `/admin/${schoolId}/audit`;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/admin/${schoolId}`} className="text-indigo-700 underline">
          ← {trail.school.name}
        </Link>
      </p>
      <PageHeader title={`${trail.school.name}: audit trail`} description="Sign-ins, mark changes, returns, exports, deletions, and changes to roles, enrolments and settings, newest first. The trail cannot be edited." />
      <AuditFilters base={base} filter={filter} />
      <AuditTable events={trail.events} zone={zone} showClass nextHref={nextPageHref(base, filter, trail.next && cursorOf(trail.next))} />
    </div>
  );
}
