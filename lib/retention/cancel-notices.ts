import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { withdrawClassDeletionNotices } from "../notifications/erasure";

// A closed class's deletion notice no longer holds (decision 042): the class was reopened, or
// its school lengthened the period. The notices go, and so do the notifications that gave
// them (decision 047), so no inbox still says a kept class is about to go. In the caller's
// transaction; returns how many notices went.
export async function cancelRetentionNotices(tx: Prisma.TransactionClient, classroomId: string): Promise<number> {
  await withdrawClassDeletionNotices(tx, classroomId);
  return (await tx.retentionNotice.deleteMany({ where: { classroomId } })).count;
}
