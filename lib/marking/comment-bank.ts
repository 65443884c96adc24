import { db } from "../db";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { listRubrics } from "../rubrics/rubric-catalogue";
import { BankEntryIdSchema, BankEntrySchema } from "./schemas";

// Each teacher's reusable comments. The most used come first, so the bank sorts itself
// into the comments a teacher actually reaches for.

export type BankEntry = {
  id: string;
  text: string;
  criterionId: string;
  /** The name of the criterion it was saved under, for a scheme that does not have it (bank-view.ts). */
  criterionName: string;
  kind: "STRENGTH" | "TARGET";
  uses: number;
};

const select = { id: true, text: true, criterionId: true, kind: true, uses: true } as const;

/**
 * Criterion names by id from the rubric files, since one bank serves every scheme a teacher
 * marks with. A criterion no file has any more is named from its id ("analysis-judgement" →
 * "Analysis judgement") rather than shown as one.
 */
function withNames<T extends { criterionId: string }>(entries: T[]): (T & { criterionName: string })[] {
  const names = new Map<string, string>();
  for (const rubric of listRubrics().rubrics) for (const c of rubric.criteria) if (!names.has(c.id)) names.set(c.id, c.name);
  const named = (id: string) => names.get(id) ?? id.charAt(0).toUpperCase() + id.slice(1).replaceAll("-", " ");
  return entries.map((e) => ({ ...e, criterionName: named(e.criterionId) }));
}

export async function listCommentBank(user: SessionUser): Promise<BankEntry[]> {
  assertTeacher(user);
  return withNames(await db().commentBankEntry.findMany({ where: { teacherId: user.id }, orderBy: [{ uses: "desc" }, { updatedAt: "desc" }], select, take: 500 }));
}

/** Adds a comment to the bank; adding one that is already there returns the existing entry. */
export async function addToCommentBank(user: SessionUser, raw: { text: string; criterionId: string; kind: "STRENGTH" | "TARGET" }): Promise<BankEntry> {
  assertTeacher(user);
  const input = BankEntrySchema.parse(raw);
  const key = { teacherId_criterionId_text: { teacherId: user.id, criterionId: input.criterionId, text: input.text } };
  const existing = await db().commentBankEntry.findUnique({ where: key, select });
  if (existing) return withNames([existing])[0]!;
  try {
    return withNames([await db().commentBankEntry.create({ data: { ...input, teacherId: user.id }, select })])[0]!;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return withNames([await db().commentBankEntry.findUniqueOrThrow({ where: key, select })])[0]!;
  }
}

export async function deleteFromCommentBank(user: SessionUser, raw: { entryId: string }): Promise<void> {
  assertTeacher(user);
  const { entryId } = BankEntryIdSchema.parse(raw);
  const { count } = await db().commentBankEntry.deleteMany({ where: { id: entryId, teacherId: user.id } });
  if (!count) throw notFound("That saved comment");
}
