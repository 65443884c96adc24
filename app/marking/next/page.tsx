import { redirect } from "next/navigation";
import { requireUserPage } from "@/lib/auth/current-user";
import { nextToMark } from "@/lib/marking/queue";
import { idText } from "@/lib/validation/text";

// "Mark next" from the desk: resolved when it is clicked, not when the desk was drawn, so an
// essay another teacher returned meanwhile is skipped. ?after= is the submission just marked;
// anything unreadable means "the oldest". With nothing left, the dashboard says so.
export default async function MarkNextPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const user = await requireUserPage("TEACHER");
  const parsed = idText().safeParse((await searchParams).after);
  const next = await nextToMark(user, parsed.success ? parsed.data : undefined);
  redirect(next ? next.href : "/dashboard?marked=all");
}
