import Link from "next/link";
import type { SessionUser } from "@/lib/auth/sessions";
import { getRetentionSettings } from "@/lib/retention/settings";
import { listSchoolClasses } from "@/lib/deletion/school";
import { formatDate } from "@/components/format";
import { Card } from "@/components/ui/card";
import type { AdminSchool } from "../page";
import { RetentionForm } from "./retention-form";

// The school's data (decision 042): how long closed classes are kept, deleting one account,
// and deleting everything at the end of the contract.
export async function DataSection({ user, school }: { user: SessionUser; school: AdminSchool }) {
  const [settings, classes] = await Promise.all([getRetentionSettings(user, school.id), listSchoolClasses(user, school.id)]);
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Keeping and deleting data</h2>
      <p className="mt-1 text-sm text-slate-600">
        A teacher closes a class when its year is over. After the period below, the class and all its students&apos; work are deleted; its teachers see a
        notice on their dashboard first, and can export or reopen it.
      </p>
      <div className="mt-4">
        <RetentionForm schoolId={school.id} settings={settings} />
      </div>
      <h3 className="mt-6 font-medium text-slate-900">Delete a class</h3>
      {classes.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">The school&apos;s teachers own no classes.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="school-classes">
          {classes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <span className="font-medium text-slate-900">{c.name}</span> · {c.teacher.name}
                {c.closedAt ? ` · closed on ${formatDate(c.closedAt)}` : ""}
              </span>
              <Link href={`/classes/${c.id}/delete`} className="text-red-700 underline" aria-label={`Delete ${c.name}`}>
                Delete…
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-6 font-medium text-slate-900">Delete an account</h3>
      <form method="get" action={`/admin/${school.id}/accounts/delete`} className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="delete-account-email" className="block text-sm font-medium text-slate-800">
            Email of a student or teacher of {school.name}
          </label>
          <input id="delete-account-email" name="email" type="email" required className="mt-1 block w-72 max-w-full rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Find the account
        </button>
      </form>
      <h3 className="mt-6 font-medium text-slate-900">End of contract</h3>
      <p className="mt-1 text-sm">
        <Link href={`/admin/${school.id}/delete`} className="font-medium text-red-700 underline">
          Delete all of {school.name}&apos;s data…
        </Link>
      </p>
    </Card>
  );
}
