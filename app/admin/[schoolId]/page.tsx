import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { getSchoolForAdmin } from "@/lib/schools/schools";
import { PageHeader } from "@/components/ui/card";
import { orNotFound } from "../../page-helpers";
import { SignInSection } from "./sign-in-section";
import { TwoFactorSection } from "./two-factor-section";
import { LtiSection } from "./lti-section";
import { DataSection } from "./_data/data-section";
import { ExportSection } from "./export-section";

export const metadata: Metadata = { title: "School settings" };

export type AdminSchool = Awaited<ReturnType<typeof getSchoolForAdmin>>;

/** One school's settings, for its administrators only (decision 033). */
export default async function SchoolAdminPage({ params }: { params: Promise<{ schoolId: string }> }) {
  const user = await requireUserPage();
  const { schoolId } = await params;
  const school = await getSchoolForAdmin(user, schoolId).catch(orNotFound);
  return (
    <div>
      <PageHeader
        title={school.name}
        description={`${school._count.members} accounts belong to this school.`}
        actions={
          <>
            <Link href={`/admin/${school.id}/audit`} className="text-sm text-indigo-800 underline">
              Audit trail
            </Link>
            <Link href="/admin" className="text-sm text-indigo-800 underline">
              All my schools
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <SignInSection user={user} school={school} />
        <TwoFactorSection user={user} school={school} />
        <LtiSection user={user} school={school} />
        <DataSection user={user} school={school} />
        <ExportSection schoolId={school.id} schoolName={school.name} />
      </div>
    </div>
  );
}
