import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { listAdministeredSchools } from "@/lib/schools/schools";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "School administration" };

/** The schools this user administers; administrators are granted with `npm run school`. */
export default async function AdminPage() {
  const user = await requireUserPage();
  const schools = await listAdministeredSchools(user);
  return (
    <div>
      <PageHeader title="School administration" description="Sign-in providers, email domains, two-factor for staff and LMS connections." />
      {schools.length === 0 ? (
        <EmptyState title="You do not administer a school">
          Whoever runs Extent for your school makes administrators with <code>npm run school -- admin &quot;School&quot; email</code>.
        </EmptyState>
      ) : (
        <Card>
          <ul className="space-y-2" data-testid="administered-schools">
            {schools.map((s) => (
              <li key={s.id}>
                <Link href={`/admin/${s.id}`} className="text-indigo-800 underline">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
