import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/current-user";
import Link from "next/link";
import { listAdministeredSchools } from "@/lib/schools/schools";
import { Card, PageHeader } from "@/components/ui/card";
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
        <Card>
          <h2 className="text-lg font-semibold">Notifications</h2>
          <p className="mt-1 text-sm text-slate-700">Everything appears under the bell; choose which kinds also come by email.</p>
          <p className="mt-3">
            <Link href="/account/notifications" className="text-sm font-medium text-indigo-800 underline">
              Notification settings
            </Link>
          </p>
        </Card>
        {user.role === "STUDENT" ? <DownloadDataSection /> : null}
        <Card>
          <h2 className="text-lg font-semibold">Delete your account</h2>
          <p className="mt-1 text-sm text-slate-700">Deletes your account and everything in it. You see what will go before anything is deleted.</p>
          <p className="mt-3">
            <Link href="/account/delete" className="text-sm font-medium text-red-700 underline">
              Delete my account…
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
