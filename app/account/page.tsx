import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/current-user";
import Link from "next/link";
import { listAdministeredSchools } from "@/lib/schools/schools";
import { PageHeader } from "@/components/ui/card";
import { LinkedAccountsSection } from "./linked-accounts-section";
import { TwoFactorAccountSection } from "./two-factor-section";
import { DownloadDataSection } from "./download-data-section";

export const metadata: Metadata = { title: "Your account" };

/** How this person signs in: linked school accounts and two-factor (issue 14). */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ linked?: string; refused?: string }> }) {
  const user = await requireUserPage();
  const schools = await listAdministeredSchools(user);
  const { linked, refused } = await searchParams;
  return (
    <div>
      <PageHeader
        title="Your account"
        description={`Signed in as ${user.email}.`}
        actions={
          schools.length ? (
            <Link href="/admin" className="text-sm text-indigo-800 underline">
              School administration
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <LinkedAccountsSection user={user} linked={typeof linked === "string" ? linked : undefined} refused={typeof refused === "string" ? refused : undefined} />
        <TwoFactorAccountSection user={user} />
        {user.role === "STUDENT" ? <DownloadDataSection /> : null}
      </div>
    </div>
  );
}
