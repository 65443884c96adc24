// STUB until the audit trail groundwork lands on main (its version replaces this file).
import type { AuditAction } from "./actions";
export type AuditEntry = { action: AuditAction; actorId: string | null; subjectId?: string | null; schoolId?: string | null; classroomId?: string | null; entityType?: string; entityId?: string; before?: unknown; after?: unknown; detail?: unknown };
export async function recordAudit(_client: unknown, _entry: AuditEntry): Promise<void> {}
