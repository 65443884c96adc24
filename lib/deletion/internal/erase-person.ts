import "server-only";
import { db } from "../../db";
import { conflict } from "./refusals";
import { eraseFromAudit } from "../../audit/erasure";
import { forgetNotificationsAbout } from "../../notifications/erasure";
import { recordAudit } from "../../audit/record";
import { throttleKey } from "../../auth/throttle";
import { countPerson, deleteEmptyOwnedClasses, deleteUnusedTopics, type PersonCounts } from "./counts";
import { keepMarks, returnedMarks } from "./retained-marks";

// Deleting one account (docs/decisions/042-deletion-and-retention.md, research §3.3), in one
// transaction: count, keep anonymised marks if the school asks, remove every row that names
// the person without a foreign key (invitations by email, throttle keys, the demo record),
// delete the User row (the foreign keys cascade or set null), erase the id from the audit
// trail and record the deletion under the pseudonym. Already authorised by the caller.

export type PersonReport = PersonCounts & { name: string; pseudonym: string; retainedMarks: number };

/** Refused while the person owns classes with students (the message names them). */
export async function erasePerson(userId: string, by: { actorId: string | null; reason: "self" | "school admin" | "school deleted" }, options: { keepMarks: boolean } = { keepMarks: true }): Promise<PersonReport> {
  return db().$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, schoolId: true, school: { select: { keepAnonymisedMarks: true } } } });
      if (!user) throw conflict("That account has already been deleted.");
      const counts = await countPerson(tx, user.id, user.email);
      if (counts.blockingClasses.length) {
        const names = counts.blockingClasses.map((c) => c.name).join(", ");
        throw conflict(`This account owns classes with students: ${names}. Hand each to a co-teacher or delete it first.`);
      }
      const keep = options.keepMarks && user.schoolId && user.school?.keepAnonymisedMarks;
      const marks = keep ? await returnedMarks(tx, { studentId: user.id }) : [];

      await deleteEmptyOwnedClasses(tx, user.id);
      await deleteUnusedTopics(tx, user.id);
      await tx.invitation.deleteMany({ where: { email: user.email } });
      await tx.teacherInvitation.deleteMany({ where: { email: user.email } });
      await tx.departmentInvitation.deleteMany({ where: { email: user.email } });
      // Throttle keys are HMACs; these are the ones computable from the account alone (the
      // per-address ones name an address, not the person, and are pruned on their own).
      const keys = [throttleKey("sign-in:account", user.email), ...["join:user", "invitation:user", "two-factor:user"].map((k) => throttleKey(k, user.id))];
      await tx.throttle.deleteMany({ where: { key: { in: keys } } });
      await forgetNotificationsAbout(tx, { studentId: user.id });
      await tx.$executeRaw`UPDATE "DemoSeed" SET "userIds" = array_remove("userIds", ${user.id}) WHERE ${user.id} = ANY("userIds")`;
      await tx.user.delete({ where: { id: user.id } });

      const pseudonym = await eraseFromAudit(tx, user.id);
      const retainedMarks = keep && user.schoolId ? await keepMarks(tx, user.schoolId, marks, () => pseudonym) : 0;
      await recordAudit(tx, {
        action: "ACCOUNT_DELETED",
        actorId: by.actorId ?? pseudonym,
        subjectId: pseudonym,
        schoolId: user.schoolId,
        entityType: "User",
        entityId: pseudonym,
        detail: { by: by.reason, counts: counts.goes, retainedMarks, classesAffected: counts.classesAffected.length, keptAnonymised: counts.keptAnonymised },
      });
      return { ...counts, name: user.name, pseudonym, retainedMarks };
    },
    { timeout: 60_000 },
  );
}
