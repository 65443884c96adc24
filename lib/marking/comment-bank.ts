import { db } from "../db";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { BankEntryIdSchema, BankEntrySchema } from "./schemas";

// Each teacher's reusable comments. The most used come first, so the bank sorts itself
// into the comments a teacher actually reaches for.

export type BankEntry = { id: string; text: string; criterionId: string; kind: "STRENGTH" | "TARGET"; uses: number };

const select = { id: true, text: true, criterionId: true, kind: true, uses: true } as const;

export async function listCommentBank(user: SessionUser): Promise<BankEntry[]> {
  assertTeacher(user);
  return db().commentBankEntry.findMany({ where: { teacherId: user.id }, orderBy: [{ uses: "desc" }, { updatedAt: "desc" }], select, take: 500 });
}

/** Adds a comment to the bank; adding one that is already there returns the existing entry. */
export async function addToCommentBank(user: SessionUser, raw: { text: string; criterionId: string; kind: "STRENGTH" | "TARGET" }): Promise<BankEntry> {
  assertTeacher(user);
  const input = BankEntrySchema.parse(raw);
  const key = { teacherId_criterionId_text: { teacherId: user.id, criterionId: input.criterionId, text: input.text } };
  const existing = await db().commentBankEntry.findUnique({ where: key, select });
  if (existing) return existing;
  try {
    return await db().commentBankEntry.create({ data: { ...input, teacherId: user.id }, select });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return db().commentBankEntry.findUniqueOrThrow({ where: key, select });
  }
}

export async function deleteFromCommentBank(user: SessionUser, raw: { entryId: string }): Promise<void> {
  assertTeacher(user);
  const { entryId } = BankEntryIdSchema.parse(raw);
  const { count } = await db().commentBankEntry.deleteMany({ where: { id: entryId, teacherId: user.id } });
  if (!count) throw notFound("That saved comment");
}
