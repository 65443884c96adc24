import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/page-helpers";
import { requireUserPage } from "@/lib/auth/current-user";
import { AuditFilterSchema, cursorOf, toAuditQuery } from "@/lib/audit/filter";
import { getClassAuditTrail } from "@/lib/audit/trail";
import { schoolTimeZone } from "@/lib/time/school-zone";
import { AuditFilters, AuditTable, nextPageHref } from "@/components/audit/audit-trail";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Class audit trail" };

/** Who did what in this class, for its teachers (decision 039). Read-only. */
export default async function ClassAuditPage({ params, searchParams }: { params: Promise<{ classroomId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage("TEACHER");
  const { classroomId } = await params;
  const filter = AuditFilterSchema.parse(await searchParams);
  const zone = schoolTimeZone();
  const trail = await getClassAuditTrail(user, classroomId, toAuditQuery(filter, zone)).catch(orNotFound);
  const base = `/classes/${classroomId}/audit`;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/classes/${classroomId}`} className="text-indigo-700 underline">
          ← {trail.classroom.name}
        </Link>
      </p>
      <PageHeader title={`${trail.classroom.name}: audit trail`} description="Marks changed, work returned and who joined or left this class, newest first. The trail cannot be edited." />
      <AuditFilters base={base} filter={filter} />
      <AuditTable events={trail.events} zone={zone} showClass={false} nextHref={nextPageHref(base, filter, trail.next && cursorOf(trail.next))} />
    </div>
  );
}
