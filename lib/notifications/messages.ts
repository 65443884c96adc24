import type { NotificationKind } from "../generated/prisma/enums";
import { formatDate, formatDue } from "../time/format";

// What each notification says and where it leads (decision 047). Pure: the fan-out job gathers
// the facts and these turn them into rows, so wording, links and once-only keys are unit-tested.
// A dedupe key names the event, not the moment: the same return noticed twice is one row.

export type Message = { kind: NotificationKind; title: string; body: string; href: string; dedupeKey: string };

/** Questions are long; a notification names one by its opening words. */
export function shortQuestion(text: string, max = 90): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

type Essay = { assignmentId: string; question: string; className: string };
type Version = Essay & { submissionId: string; number: number };

const feedbackHref = (v: Version) => `/assignments/${v.assignmentId}?view=version&version=${v.number}`;
const deskHref = (v: Version, studentId: string) => `/assignments/${v.assignmentId}/students/${studentId}/mark?version=${v.number}`;

export function assignmentSet(e: Essay & { dueAt: Date; setBy: string | null }, zone: string): Message {
  return {
    kind: "ASSIGNMENT_SET",
    title: `New essay for ${e.className}: ${shortQuestion(e.question)}`,
    body: `Due ${formatDue(e.dueAt, zone)}.${e.setBy ? ` Set by ${e.setBy}.` : ""} Start with the planner: weigh the factors, then draft.`,
    href: `/assignments/${e.assignmentId}`,
    dedupeKey: `assignment-set:${e.assignmentId}`,
  };
}

export function dueSoon(e: Essay & { dueAt: Date; hasDraft: boolean }, zone: string): Message {
  return {
    kind: "DUE_SOON",
    title: `Due ${formatDue(e.dueAt, zone)}: ${shortQuestion(e.question)}`,
    body: e.hasDraft
      ? `You have not handed in your essay for ${e.className} yet. Your draft is saved; hand it in when it is ready.`
      : `You have not started your essay for ${e.className} yet.`,
    href: `/assignments/${e.assignmentId}`,
    // Per due date: moving the deadline earns a new reminder, the same one twice does not.
    dedupeKey: `due-soon:${e.assignmentId}:${e.dueAt.toISOString()}`,
  };
}

export function markingReturned(v: Version & { redraft: boolean; marker: string | null }): Message {
  const by = v.marker ?? "Your teacher";
  return v.redraft
    ? {
        kind: "REDRAFT_ASKED",
        title: `Redraft asked: ${shortQuestion(v.question)}`,
        body: `${by} returned feedback on version ${v.number} and asks you to redraft it. Read the targets, then hand in a new version.`,
        href: feedbackHref(v),
        dedupeKey: `returned:${v.submissionId}`,
      }
    : {
        kind: "FEEDBACK_RETURNED",
        title: `Feedback returned: ${shortQuestion(v.question)}`,
        body: `${by} returned feedback on version ${v.number} of your essay for ${v.className}.`,
        href: feedbackHref(v),
        dedupeKey: `returned:${v.submissionId}`,
      };
}

export function teacherReplied(v: Version & { teacher: string | null }): Message {
  return {
    kind: "TEACHER_REPLIED",
    title: `${v.teacher ?? "Your teacher"} replied to your response`,
    body: `On your feedback for ${shortQuestion(v.question)} (version ${v.number}).`,
    href: feedbackHref(v),
    dedupeKey: `teacher-replied:${v.submissionId}`,
  };
}

/** `student` is what the marker may see: a candidate number while names are hidden (decision 029). */
export function studentResponded(v: Version & { studentId: string; student: string }): Message {
  return {
    kind: "STUDENT_RESPONDED",
    title: `${v.student} responded to your feedback`,
    body: `${v.className}: ${shortQuestion(v.question)} (version ${v.number}).`,
    href: deskHref(v, v.studentId),
    dedupeKey: `responded:${v.submissionId}`,
  };
}

export function resubmitted(v: Version & { studentId: string; student: string }): Message {
  return {
    kind: "RESUBMITTED",
    title: `${v.student} handed in a redraft (version ${v.number})`,
    body: `${v.className}: ${shortQuestion(v.question)}.`,
    href: deskHref(v, v.studentId),
    dedupeKey: `resubmitted:${v.submissionId}`,
  };
}

/**
 * A closed class is to be deleted under the school's retention setting (decision 042). Keyed
 * by the date: a moved date is told again (the old one's notification is withdrawn first).
 */
export function classToBeDeleted(c: { classroomId: string; className: string; deleteAfter: Date }, zone: string): Message {
  return {
    kind: "CLASS_TO_BE_DELETED",
    title: `${c.className} will be deleted on ${formatDate(c.deleteAfter, zone)}`,
    body: "The class and all its students' work will be deleted under your school's retention setting. Export it before then, or reopen the class to keep it.",
    href: classHref(c.classroomId),
    dedupeKey: `class-to-be-deleted:${c.classroomId}:${c.deleteAfter.toISOString()}`,
  };
}

export const classHref = (classroomId: string) => `/classes/${classroomId}`;

export type DigestClass = {
  classroomId: string;
  className: string;
  /** Versions handed in during the day, of them late, and of them redrafts. */
  submitted: number;
  late: number;
  redrafts: number;
  /** Open assignments past their deadline with students who have handed nothing in. */
  missing: { question: string; dueAt: Date; students: number }[];
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A teacher's morning digest (decision 047): per class, the day's hand-ins and the work still
 * missing after a deadline. Null when there is nothing to say: no email saying "nothing".
 * `day` is the school-clock date it covers up to, which also makes it once per day.
 */
export function dailyDigest(classes: DigestClass[], day: string, zone: string): Message | null {
  const busy = classes.filter((c) => c.submitted || c.missing.length).sort((a, b) => a.className.localeCompare(b.className));
  if (!busy.length) return null;
  const submitted = busy.reduce((n, c) => n + c.submitted, 0);
  const missing = busy.reduce((n, c) => n + c.missing.reduce((m, x) => m + x.students, 0), 0);
  const lines = busy.map((c) => {
    const parts: string[] = [];
    if (c.submitted) {
      const extra = [c.late ? `${c.late} late` : "", c.redrafts ? count(c.redrafts, "redraft") : ""].filter(Boolean).join(", ");
      parts.push(`${count(c.submitted, "essay")} handed in${extra ? ` (${extra})` : ""}.`);
    }
    for (const m of c.missing) parts.push(`${count(m.students, "student")} still to hand in “${shortQuestion(m.question, 60)}”, due ${formatDue(m.dueAt, zone)}.`);
    return `${c.className}\n${parts.map((p) => `- ${p}`).join("\n")}`;
  });
  const headline = [submitted ? `${count(submitted, "essay")} handed in` : "", missing ? `${count(missing, "piece", "pieces")} of work overdue` : ""].filter(Boolean).join(", ");
  return {
    kind: "DAILY_DIGEST",
    title: `Your daily digest: ${headline}`,
    body: lines.join("\n\n"),
    href: "/dashboard",
    dedupeKey: `digest:${day}`,
  };
}
