import { AUDIT_ACTIONS, type AuditAction } from "./actions";

// How the audit viewer words an event (pure, so the page and its tests agree). Marks are
// shown as each criterion's level (and mark, where the rubric gives one per criterion), the
// total and the status: what the trail keeps (decision 039), never the written feedback.

export const ACTION_LABELS: Record<AuditAction, string> = {
  SIGN_IN: "Signed in",
  SIGN_IN_FAILED: "Failed sign-in",
  SIGN_OUT: "Signed out",
  MARK_CHANGED: "Mark changed",
  MARKING_RETURNED: "Marking returned",
  MARKS_RELEASED: "Marks released",
  EXPORT_REQUESTED: "Export requested",
  EXPORT_DOWNLOADED: "Export downloaded",
  ACCOUNT_DELETED: "Account deleted",
  CLASS_DELETED: "Class deleted",
  CLASS_CLOSED: "Class closed",
  CLASS_REOPENED: "Class reopened",
  SCHOOL_DELETED: "School's data deleted",
  RETENTION_NOTICE: "Retention notice",
  RETENTION_APPLIED: "Retention applied",
  ROLE_CHANGED: "Role changed",
  ENROLMENT_CHANGED: "Enrolment changed",
  TEACHER_ADDED: "Teacher added",
  TEACHER_REMOVED: "Teacher removed",
  SCHOOL_SETTINGS_CHANGED: "School settings changed",
};

export const actionLabel = (action: string): string => (AUDIT_ACTIONS as readonly string[]).includes(action) ? ACTION_LABELS[action as AuditAction] : action;

/** A person as the trail names them: an erased pseudonym or an account that is gone reads "deleted account". */
export function personLabel(id: string | null, name: string | null, nobody = "System"): string {
  if (!id) return nobody;
  if (id.startsWith("erased-") || name === null) return "deleted account";
  return name;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

const STATUS_WORDS: Record<string, string> = { IN_PROGRESS: "in progress", RETURNED: "returned" };

/** "overall L3 (12) · total 12 · returned"; "not marked" for a marking that did not exist. */
export function describeMarks(snapshot: Json): string {
  if (!isObject(snapshot)) return "not marked";
  const awards = Array.isArray(snapshot.awards) ? snapshot.awards.filter(isObject) : [];
  const parts = awards.map((a) => `${String(a.criterionId)} L${String(a.level)}${typeof a.mark === "number" ? ` (${a.mark})` : ""}`);
  const total = typeof snapshot.total === "number" ? `total ${snapshot.total}` : "no total yet";
  const status = typeof snapshot.status === "string" ? (STATUS_WORDS[snapshot.status] ?? snapshot.status.toLowerCase()) : null;
  return [parts.length ? parts.join(", ") : "no levels", total, status].filter(Boolean).join(" · ");
}

const detailWords = (detail: Json): string =>
  isObject(detail)
    ? Object.entries(detail)
        .filter(([k, v]) => v !== null && v !== undefined && k !== "assignmentId" && typeof v !== "object")
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(", ")
    : "";

const settingWords = (v: Json): string => {
  if (isObject(v) && Array.isArray(v.rules)) return v.rules.length ? v.rules.filter(isObject).map((r) => `${String(r.kind).toLowerCase().replace(/_/g, " ")} ${String(r.value)}`).join(", ") : "none";
  if (isObject(v)) return Object.entries(v).map(([k, x]) => `${k}: ${String(x)}`).join(", ");
  return String(v);
};

/** What changed, in words: "before → after" for marks and settings, else the event's facts. */
export function describeChange(event: { action: string; before: Json; after: Json; detail: Json }): { before?: string; after?: string; facts: string } {
  const facts = detailWords(event.detail);
  if (["MARK_CHANGED", "MARKING_RETURNED"].includes(event.action) && (event.before !== null || event.after !== null)) {
    return { before: describeMarks(event.before), after: describeMarks(event.after), facts };
  }
  if (event.before !== null || event.after !== null) {
    return { before: event.before === null ? "nothing" : settingWords(event.before), after: event.after === null ? "nothing" : settingWords(event.after), facts };
  }
  return { facts };
}
