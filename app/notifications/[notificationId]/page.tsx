import { notFound, redirect } from "next/navigation";
import { requireUserPage } from "@/lib/auth/current-user";
import { appOrigin } from "@/lib/env";
import { openNotification } from "@/lib/notifications/inbox";
import { openTarget } from "@/lib/notifications/open-target";
import { ID_PATTERN } from "@/lib/validation/text";
import { orNotFound } from "../../page-helpers";

// Opening a notification (decision 047): marks it read and goes where it leads, only ever to
// a path on this app. Someone else's, or one that does not exist, is not found. Signed out
// (a link from an email), the person signs in and comes back here. Reached by plain links
// only (never a prefetching <Link>), so nothing is marked read that was not opened.
export default async function OpenNotificationPage({ params }: { params: Promise<{ notificationId: string }> }) {
  const user = await requireUserPage();
  const { notificationId } = await params;
  if (!ID_PATTERN.test(notificationId)) notFound();
  const { href } = await openNotification(user, notificationId).catch(orNotFound);
  redirect(openTarget(href, appOrigin()));
}
