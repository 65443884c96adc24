import type { SessionUser } from "@/lib/auth/sessions";
import { listMyTeacherInvitations } from "@/lib/classes/my-teacher-invitations";
import { CoTeachingInvitations } from "./co-teaching-invitations";

/** The teacher dashboard's invitations to co-teach, loaded here so the dashboard only places it. */
export async function CoTeachingOffers({ user }: { user: SessionUser }) {
  return <CoTeachingInvitations offers={await listMyTeacherInvitations(user)} />;
}
