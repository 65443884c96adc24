import "server-only";
import { db } from "../../db";

// Internal: addAnnotation calls it for the teacher it has already authorized; app/ may not
// import this (lint).

/** Counts a use when an annotation's comment came from the bank (same words, same criterion). */
export async function recordBankUse(teacherId: string, criterionId: string, text: string): Promise<void> {
  await db().commentBankEntry.updateMany({ where: { teacherId, criterionId, text }, data: { uses: { increment: 1 } } });
}
