import { randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireTeacherOf } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import type { Prisma } from "../generated/prisma/client";
import { parseRoster, type RosterError, type RosterRow } from "./parse-roster";
import { ImportRosterSchema, type ImportRosterInput } from "./schemas";

// A teacher's class list becomes, all at once or not at all: enrolments for students who
// already have accounts, and invitations (a sign-up link that joins the class) for everyone
// else. Each list reports the rows as the teacher wrote them, so they can be matched to the
// file.

export type RosterPerson = { name: string; email: string };
export type RosterImportResult = {
  enrolled: RosterPerson[];
  alreadyInClass: RosterPerson[];
  invited: (RosterPerson & { token: string })[];
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
  const accounts = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, role: true, enrolments: { where: { classroomId }, select: { id: true } } },
  });
  const accountOf = new Map(accounts.map((a) => [a.email, a]));

  const teachers = rows.filter((r) => accountOf.get(r.email)?.role === "TEACHER");
  if (teachers.length) {
    throw new RosterRowsError(
      teachers.map((r) => ({ line: r.line, message: `${r.email} is a teacher's account, so it cannot join a class as a student. Use the student's own address or remove the row.` })),
    );
  }

  const invitations = await tx.invitation.findMany({
    where: { classroomId, email: { in: emails } },
    select: {
      id: true,
      email: true,
      name: true,
      token: true,
      acceptedAt: true,
      acceptedBy: { select: { id: true, enrolments: { where: { classroomId }, select: { id: true } } } },
    },
  });
  const invitationOf = new Map(invitations.map((i) => [i.email, i]));

  const result: RosterImportResult = { enrolled: [], alreadyInClass: [], invited: [] };
  const toEnrol = new Set<string>();
  const newInvitations: { name: string; email: string; token: string }[] = [];
  const now = new Date();

  for (const row of rows) {
    const person = { name: row.name, email: row.email };
    const account = accountOf.get(row.email);
    const invitation = invitationOf.get(row.email);

    if (account) {
      if (account.enrolments.length) result.alreadyInClass.push(person);
      else {
        toEnrol.add(account.id);
        result.enrolled.push(person);
      }
      // They made an account without the link: the invitation has done its job.
      if (invitation && !invitation.acceptedAt) {
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: account.id } });
      }
    } else if (!invitation) {
      const token = newInvitationToken();
      newInvitations.push({ ...person, token });
      result.invited.push({ ...person, token });
    } else if (!invitation.acceptedAt) {
      // Re-importing keeps the link already sent; a corrected name is taken.
      if (invitation.name !== row.name) await tx.invitation.update({ where: { id: invitation.id }, data: { name: row.name } });
      result.invited.push({ ...person, token: invitation.token });
    } else if (invitation.acceptedBy?.enrolments.length) {
      // Accepted under another address (the student may change it when signing up).
      result.alreadyInClass.push(person);
    } else if (invitation.acceptedBy) {
      // Accepted, then removed from the class: listing them again brings them back.
      toEnrol.add(invitation.acceptedBy.id);
      result.enrolled.push(person);
    } else {
      // The account that accepted it was deleted: the place is offered again, on a new link.
      const token = newInvitationToken();
      await tx.invitation.update({ where: { id: invitation.id }, data: { name: row.name, token, acceptedAt: null, acceptedById: null } });
      result.invited.push({ ...person, token });
    }
  }

  if (toEnrol.size) {
    await tx.enrolment.createMany({ data: [...toEnrol].map((studentId) => ({ classroomId, studentId })), skipDuplicates: true });
  }
  if (newInvitations.length) {
    await tx.invitation.createMany({ data: newInvitations.map((i) => ({ ...i, classroomId, invitedById: teacherId })) });
  }
  return result;
}
