// What the audit trail records (decision 039). Text in the database, so adding an action
// needs no migration; this union keeps the app's spelling in one place.
export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT",
  "MARK_CHANGED",
  "MARKING_RETURNED",
  "MARKS_RELEASED",
  "EXPORT_REQUESTED",
  "EXPORT_DOWNLOADED",
  "ACCOUNT_DELETED",
  "CLASS_DELETED",
  "CLASS_CLOSED",
  "CLASS_REOPENED",
  "SCHOOL_DELETED",
  "RETENTION_NOTICE",
  "RETENTION_APPLIED",
  "ROLE_CHANGED",
  "ENROLMENT_CHANGED",
  "TEACHER_ADDED",
  "TEACHER_REMOVED",
  "SCHOOL_SETTINGS_CHANGED",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
