import Link from "next/link";
import type { SessionUser } from "@/lib/auth/sessions";
import { listRetentionNotices } from "@/lib/retention/settings";
import { formatDate } from "@/components/format";

// Closed classes about to go under the school's retention setting (decision 042): the
// teacher can still export their work, or reopen the class to keep it.
export async function RetentionNotices({ user }: { user: SessionUser }) {
  const notices = await listRetentionNotices(user);
  if (!notices.length) return null;
  return (
    <section aria-labelledby="retention-notices-heading" className="mb-6 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950" data-testid="retention-notices">
      <h2 id="retention-notices-heading" className="font-semibold">
        Classes to be deleted
      </h2>
      <ul className="mt-2 space-y-1">
        {notices.map((n) => (
          <li key={n.classroomId}>
            <Link href={`/classes/${n.classroomId}`} className="font-medium underline">
              {n.name}
            </Link>{" "}
            and its work will be deleted on {formatDate(n.deleteAfter)} under the school&apos;s retention setting. Export it, or reopen the class to keep it.
          </li>
        ))}
      </ul>
    </section>
  );
}
