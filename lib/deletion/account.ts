import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { requireSchoolAdmin } from "../auth/policy";
import { verifyPassword } from "../auth/password";
import type { SessionUser } from "../auth/sessions";
import { countPerson } from "./internal/counts";
import { erasePerson, type PersonReport } from "./internal/erase-person";
import { DELETE_PHRASE } from "./schemas";

// Deleting an account: by its owner (re-entering the password, or typing the phrase when it
// has none), or by an administrator of its school. Both see the same confirmation first.

async function preview(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, passwordHash: true } });
  if (!user) throw notFound("That account");
  const counts = await db().$transaction((tx) => countPerson(tx, user.id, user.email));
  return { id: user.id, name: user.name, email: user.email, role: user.role, hasPassword: user.passwordHash !== null, ...counts };
}

export type DeletionPreview = Awaited<ReturnType<typeof preview>>;

export const previewOwnDeletion = (user: SessionUser) => preview(user.id);

export async function deleteOwnAccount(user: SessionUser, input: { password?: string; phrase?: string }): Promise<PersonReport> {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (row.passwordHash) {
    if (!input.password || !(await verifyPassword(input.password, row.passwordHash))) {
      throw new AppError("That password is not right, so nothing was deleted.", 400, { password: ["Enter your current password."] });
    }
  } else if ((input.phrase ?? "").trim().toLowerCase() !== DELETE_PHRASE) {
    throw new AppError("Type the phrase exactly to confirm, so nothing was deleted.", 400, { phrase: [`Type "${DELETE_PHRASE}".`] });
  }
  return erasePerson(user.id, { actorId: null, reason: "self" });
}

/** A member of the school, for its administrator; anyone else's account is not found. */
async function requireMember(admin: SessionUser, schoolId: string, userId: string) {
  await requireSchoolAdmin(admin, schoolId);
  const found = await db().user.count({ where: { id: userId, schoolId } });
  if (!found) throw notFound("That account");
}

export async function findMemberByEmail(admin: SessionUser, schoolId: string, email: string) {
  await requireSchoolAdmin(admin, schoolId);
  return db().user.findFirst({ where: { schoolId, email: email.trim().toLowerCase() }, select: { id: true } });
}

export async function previewMemberDeletion(admin: SessionUser, schoolId: string, userId: string): Promise<DeletionPreview> {
  await requireMember(admin, schoolId, userId);
  return preview(userId);
}

export async function deleteMember(admin: SessionUser, schoolId: string, userId: string): Promise<PersonReport> {
  await requireMember(admin, schoolId, userId);
  return erasePerson(userId, { actorId: admin.id === userId ? null : admin.id, reason: admin.id === userId ? "self" : "school admin" });
}
