import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";

/** The Prisma client or an interactive transaction's client: audit rows are written in the change's own transaction. */
export type AuditWriter = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

export type AuditEventInput = {
  action: AuditAction;
  /** Who did it; null for the system (a scheduled job) or an unknown person (a failed sign-in). */
  actorId: string | null;
  /** Whom it is about, when that is a person (the student whose mark changed). */
  subjectId?: string | null;
  schoolId?: string | null;
  classroomId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** For marks: awards, total and status only, never free text. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  detail?: Prisma.InputJsonValue | null;
};

const orDbNull = (value: Prisma.InputJsonValue | null | undefined) => (value == null ? undefined : value);

/**
 * Appends one event to the audit trail. Internal: the caller has already authorised the
 * change it records, and passes its transaction so the event and the change commit together.
 */
export async function recordAudit(writer: AuditWriter, event: AuditEventInput): Promise<void> {
  await writer.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId,
      subjectId: event.subjectId ?? null,
      schoolId: event.schoolId ?? null,
      classroomId: event.classroomId ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      before: orDbNull(event.before),
      after: orDbNull(event.after),
      detail: orDbNull(event.detail),
    },
    select: { id: true },
  });
}
