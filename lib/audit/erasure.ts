import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Replaces a deleted person's id in the audit trail by a pseudonym, so that no row names
 * them while what happened (a mark changed, work returned) stays on record. The table's
 * trigger allows exactly this change, and only inside the transaction that sets
 * `extent.audit_erasure` (transaction-local: the embedded database shares one session
 * between connections, so a session-level SET would leak). Must run inside the deletion's
 * interactive transaction. Returns the pseudonym, for the deletion's own audit row.
 */
export async function eraseFromAudit(tx: Prisma.TransactionClient, userId: string): Promise<string> {
  const pseudonym = `erased-${randomBytes(6).toString("hex")}`;
  await tx.$executeRaw`SELECT set_config('extent.audit_erasure', ${`${userId} ${pseudonym}`}, true)`;
  await tx.$executeRaw`
    UPDATE "AuditEvent"
       SET "actorId" = CASE WHEN "actorId" = ${userId} THEN ${pseudonym} ELSE "actorId" END,
           "subjectId" = CASE WHEN "subjectId" = ${userId} THEN ${pseudonym} ELSE "subjectId" END
     WHERE "actorId" = ${userId} OR "subjectId" = ${userId}`;
  await tx.$executeRaw`SELECT set_config('extent.audit_erasure', '', true)`;
  return pseudonym;
}
