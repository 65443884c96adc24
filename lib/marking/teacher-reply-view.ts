import { FORMER_TEACHER } from "./annotation-view";

// The teacher's reply to a student's response, as the marking desk and the student's feedback
// show it. Pure, so client components (the desk) read it as the server does.

export type TeacherReply = { text: string; repliedAt: Date; byName: string };

/** Who wrote a reply: their name, or "a former teacher" once their account is gone (decision 042); null with no reply. */
export const replierName = (repliedAt: Date | null, by: { name: string } | null): string | null => (repliedAt ? (by?.name ?? FORMER_TEACHER) : null);

/** The reply on a marking view, or null while there is none. */
export function teacherReplyOf(m: { teacherReply: string; teacherRepliedAt: Date | null; teacherReplyByName: string | null }): TeacherReply | null {
  return m.teacherRepliedAt ? { text: m.teacherReply, repliedAt: m.teacherRepliedAt, byName: m.teacherReplyByName ?? FORMER_TEACHER } : null;
}
