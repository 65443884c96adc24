import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../auth/sessions";
import { enqueue } from "../jobs/enqueue";
import { replierName, type TeacherReply } from "./teacher-reply-view";
import { ReplySchema, type ReplyInput } from "./schemas";
import { requireSubmissionToMark } from "./submissions";

// The teacher's answer to a student's response to returned feedback (issue 17). Any teacher
// of the class may write it (marking is shared); saving again replaces it. The student hears
// of the first reply only: a later correction is not news.

export type ReplyResult = { ok: true; reply: TeacherReply } | { ok: false; conflict: TeacherReply | null };

const replySelect = { teacherReply: true, teacherRepliedAt: true, teacherReplyBy: { select: { name: true } } } as const;

function toReply(row: { teacherReply: string; teacherRepliedAt: Date | null; teacherReplyBy: { name: string } | null } | null): TeacherReply | null {
  if (!row?.teacherRepliedAt) return null;
  return { text: row.teacherReply, repliedAt: row.teacherRepliedAt, byName: replierName(row.teacherRepliedAt, row.teacherReplyBy)! };
}

/**
 * Saves the reply on a returned marking the student has responded to. Compare-and-swap on the
 * reply's time: the form sends the time of the reply it showed (null for none), and a reply
 * another teacher saved since is returned as a conflict instead of being overwritten. The
 * first reply (none before) enqueues the student's notification in the same transaction.
 */
export async function replyToResponse(user: SessionUser, raw: ReplyInput): Promise<ReplyResult> {
  const input = ReplySchema.parse(raw);
  const submission = await requireSubmissionToMark(user, input);
  const marking = await db().marking.findUnique({ where: { submissionId: submission.id }, select: { status: true, response: true } });
  if (marking?.status !== "RETURNED") throw new AppError("You can reply once this feedback has been returned and the student has responded to it.", 409);
  if (!marking.response) throw new AppError("The student has not responded to this feedback yet, so there is nothing to reply to.", 409);

  const base = input.baseRepliedAt === null ? null : new Date(input.baseRepliedAt);
  const saved = await db().$transaction(async (tx) => {
    const { count } = await tx.marking.updateMany({
      where: { submissionId: submission.id, status: "RETURNED", response: { not: "" }, teacherRepliedAt: base },
      data: { teacherReply: input.reply, teacherRepliedAt: new Date(), teacherReplyById: user.id },
    });
    // Only the write that found no reply before tells the student (one such write can win).
    if (count && base === null) await enqueue(tx, "notify", { type: "teacher-replied", submissionId: submission.id });
    return count > 0;
  });
  const current = toReply(await db().marking.findUnique({ where: { submissionId: submission.id }, select: replySelect }));
  return saved && current ? { ok: true, reply: current } : { ok: false, conflict: current };
}
