import type { NotificationKind } from "../generated/prisma/enums";

// What each kind of notification is, who gets it, and whether it is emailed unless the person
// says otherwise (decision 047). Pure: the preferences page, the email job and the unsubscribe
// page read the same list.

export type Audience = "STUDENT" | "TEACHER";

export type KindInfo = {
  kind: NotificationKind;
  audience: Audience;
  /** The preferences page's label, and the unsubscribe page's "emails about …". */
  label: string;
  description: string;
  emailByDefault: boolean;
};

export const KINDS: readonly KindInfo[] = [
  { kind: "ASSIGNMENT_SET", audience: "STUDENT", label: "New assignments", description: "When a teacher sets your class an essay.", emailByDefault: true },
  { kind: "DUE_SOON", audience: "STUDENT", label: "Deadline reminders", description: "A day before an essay is due, if you have not handed it in.", emailByDefault: true },
  { kind: "FEEDBACK_RETURNED", audience: "STUDENT", label: "Feedback returned", description: "When your teacher returns feedback on an essay.", emailByDefault: true },
  { kind: "REDRAFT_ASKED", audience: "STUDENT", label: "Redrafts asked for", description: "When your teacher returns feedback and asks you to redraft.", emailByDefault: true },
  { kind: "TEACHER_REPLIED", audience: "STUDENT", label: "Teacher replies", description: "When your teacher replies to your response to feedback.", emailByDefault: true },
  { kind: "DAILY_DIGEST", audience: "TEACHER", label: "Daily digest", description: "Each morning: yesterday's submissions and the late work in each class.", emailByDefault: true },
  { kind: "STUDENT_RESPONDED", audience: "TEACHER", label: "Responses to feedback", description: "When a student responds to feedback you returned.", emailByDefault: true },
  { kind: "RESUBMITTED", audience: "TEACHER", label: "Resubmissions", description: "When a student hands in a redraft.", emailByDefault: true },
  { kind: "CLASS_TO_BE_DELETED", audience: "TEACHER", label: "Classes to be deleted", description: "When a closed class is due to be deleted under your school's retention setting, while you can still export or reopen it.", emailByDefault: true },
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: NotificationKind): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`Unknown notification kind ${kind}`);
  return info;
}

/** The kinds a person of this role can receive (and so choose about). */
export function kindsFor(role: "STUDENT" | "TEACHER"): KindInfo[] {
  return KINDS.filter((k) => k.audience === role);
}

export function isNotificationKind(value: string): value is NotificationKind {
  return byKind.has(value as NotificationKind);
}

/** Whether email is wanted: the person's stored choice, else the kind's default. */
export function wantsEmail(kind: NotificationKind, stored: { kind: NotificationKind; email: boolean }[]): boolean {
  return stored.find((p) => p.kind === kind)?.email ?? kindInfo(kind).emailByDefault;
}
