import { randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireTeacherOf } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import type { Prisma } from "../generated/prisma/client";
import { parseRoster, type RosterError, type RosterRow } from "./parse-roster";
import { ImportRosterSchema, type ImportRosterInput } from "./schemas";
import { recordClassAudit } from "../audit/scoped";

// A teacher's class list becomes, all at once or not at all, one invitation per row: the
// import never enrols anyone, whoever the email belongs to (decision 012). The answer is the
// same for a student's email, a teacher's and one with no account, so a roster cannot be used
// to find out which is which; only the class's own state shows (already in it, or declined
// an earlier invitation). Each list reports the rows as the teacher wrote them, so they can
// be matched to the file.

export type RosterPerson = { name: string; email: string };
export type RosterImportResult = {
  invited: (RosterPerson & { token: string })[];
  alreadyInClass: RosterPerson[];
  /** Declined an earlier invitation to this class; not asked again unless the teacher withdraws it and imports again. */
  declined: RosterPerson[];
};

/**
 * Rows that stop an import, each against its line. Also carried as `fieldErrors.csv`
 * ("Line 4: …"), so the action wrapper hands them to the form like any field error.
 */
export class RosterRowsError extends AppError {
  constructor(readonly rows: RosterError[]) {
    const lines = new Set(rows.map((r) => r.line)).size;
    super(
      `Nothing was imported: ${lines === 1 ? "one row needs" : `${lines} rows need`} fixing. Correct ${lines === 1 ? "it" : "them"} and import again.`,
      422,
      { csv: rows.map(describeRowError) },
    );
    this.name = "RosterRowsError";
  }
}

// Line 0 is the file as a whole (too large), which has no line to point at.
export function describeRowError({ line, message }: RosterError): string {
  return line > 0 ? `Line ${line}: ${message}` : message;
}

export const newInvitationToken = () => randomBytes(32).toString("base64url");

export async function importRoster(user: SessionUser, raw: ImportRosterInput): Promise<RosterImportResult> {
  const { classroomId, csv } = ImportRosterSchema.parse(raw);
  await requireTeacherOf(user, classroomId);
  const parsed = parseRoster(csv);
  if (!parsed.ok) throw new RosterRowsError(parsed.errors);
  try {
    return await db().$transaction((tx) => applyRoster(tx, user.id, classroomId, parsed.rows));
  } catch (e) {
    // Two imports of the same new email into one class at the same moment: the later one
    // loses on (classroomId, email) and is rolled back whole.
    if (isUniqueViolation(e)) {
      throw new AppError("Another import into this class finished at the same moment, so nothing was imported. Import the file again.", 409);
    }
    throw e;
  }
}

async function applyRoster(tx: Prisma.TransactionClient, teacherId: string, classroomId: string, rows: RosterRow[]): Promise<RosterImportResult> {
  const emails = rows.map((r) => r.email);
  // Only accounts already in this class: whether an email has an account elsewhere, or what
  // kind, is never read, so nothing about it can reach the answer.
  const members = await tx.user.findMany({
    where: { email: { in: emails }, enrolments: { some: { classroomId } } },
    select: { id: true, email: true },
  });
  const memberOf = new Map(members.map((m) => [m.email, m]));

  const invitations = await tx.invitation.findMany({
    where: { classroomId, email: { in: emails } },
    select: {
      id: true,
      email: true,
      name: true,
      token: true,
      acceptedAt: true,
      declinedAt: true,
      acceptedBy: { select: { enrolments: { where: { classroomId }, select: { id: true } } } },
    },
  });
  const invitationOf = new Map(invitations.map((i) => [i.email, i]));

  const result: RosterImportResult = { invited: [], alreadyInClass: [], declined: [] };
  const newInvitations: { name: string; email: string; token: string }[] = [];
  const now = new Date();

  for (const row of rows) {
    const person = { name: row.name, email: row.email };
    const member = memberOf.get(row.email);
    const invitation = invitationOf.get(row.email);

    if (member) {
      result.alreadyInClass.push(person);
      // They joined by the class code: an invitation still open has done its job.
      if (invitation && !invitation.acceptedAt && !invitation.declinedAt) {
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: member.id } });
      }
    } else if (!invitation) {
      const token = newInvitationToken();
      newInvitations.push({ ...person, token });
      result.invited.push({ ...person, token });
    } else if (invitation.declinedAt) {
      // The student said no; importing the same list again does not ask again.
      result.declined.push(person);
    } else if (!invitation.acceptedAt) {
      // Re-importing keeps the link already sent; a corrected name is taken.
      if (invitation.name !== row.name) await tx.invitation.update({ where: { id: invitation.id }, data: { name: row.name } });
      result.invited.push({ ...person, token: invitation.token });
    } else if (invitation.acceptedBy?.enrolments.length) {
      // Accepted under another address (the student may change it when signing up).
      result.alreadyInClass.push(person);
    } else {
      // Accepted, then removed from the class, or the account is gone: listing them again
      // offers the place again on a new link, and only their Accept brings them back.
      const token = newInvitationToken();
      await tx.invitation.update({ where: { id: invitation.id }, data: { name: row.name, token, acceptedAt: null, acceptedById: null } });
      result.invited.push({ ...person, token });
    }
  }

  if (newInvitations.length) {
    await tx.invitation.createMany({ data: newInvitations.map((i) => ({ ...i, classroomId, invitedById: teacherId })) });
  }
  // Counts only: the people invited are not accounts yet, and each joins on their own Accept.
  const counts = { invited: result.invited.length, alreadyInClass: result.alreadyInClass.length, declined: result.declined.length };
  await recordClassAudit(tx, classroomId, { action: "ENROLMENT_CHANGED", actorId: teacherId, detail: { change: "roster imported", via: "roster import", ...counts } });
  return result;
}
