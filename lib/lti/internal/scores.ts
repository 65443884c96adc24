import "server-only";
import { db } from "../../db";
import { SCOPE } from "../claims";
import { ServiceError, withToken } from "./services";

// Assignment and Grade Services: returned marks go to the LMS gradebook (decision 036). The
// score is written to an outbox row with the returned marking's data, then posted; a failure
// never fails the teacher's return. Unsent rows are retried on the next return for the same
// assignment and on a roster sync (there is no job queue yet: issue 17 brings one).

const MAX_ATTEMPTS = 20;
const lineItemMime = "application/vnd.ims.lis.v2.lineitem+json";

/** Records the score for a returned marking of an LTI-linked assignment (no-op otherwise), then tries to send what is waiting. */
export async function queueReturnedScore(submissionId: string): Promise<void> {
  const row = await db().submission.findUnique({
    where: { id: submissionId },
    select: {
      draft: { select: { studentId: true, assignment: { select: { ltiLink: { select: { id: true } }, rubricVersion: { select: { content: true } } } } } },
      marking: { select: { total: true, status: true, returnedAt: true, marksReleasedAt: true, wentWell: true } },
    },
  });
  const link = row?.draft.assignment.ltiLink;
  const marking = row?.marking;
  // Only a returned marking whose marks the student may see (decision 031) is sent.
  if (!row || !link || !marking || marking.status !== "RETURNED" || marking.total === null || !marking.marksReleasedAt) return;
  const maxMark = maxMarkOf(row.draft.assignment.rubricVersion.content);
  if (!maxMark) return;
  const data = { scoreGiven: marking.total, scoreMaximum: maxMark, comment: "", timestamp: marking.returnedAt ?? new Date(), postedAt: null, attempts: 0, lastError: null };
  await db().ltiScore.upsert({
    where: { linkId_studentId: { linkId: link.id, studentId: row.draft.studentId } },
    create: { linkId: link.id, studentId: row.draft.studentId, ...data },
    update: data,
  });
  await sendWaitingScores(link.id);
}

function maxMarkOf(content: unknown): number | null {
  const total = (content as { totalMarks?: unknown } | null)?.totalMarks;
  return typeof total === "number" && total > 0 ? total : null;
}

/** AGS 2.0 §3.4: the scores service is the line item URL's path with /scores appended, query kept. */
export function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/$/, "")}/scores`;
  return u.href;
}

/** Posts every unsent score of a link (or of every link), each on its own: one failure is recorded and the rest go on. */
export async function sendWaitingScores(linkId?: string): Promise<{ sent: number; failed: number }> {
  const waiting = await db().ltiScore.findMany({
    where: { postedAt: null, attempts: { lt: MAX_ATTEMPTS }, ...(linkId ? { linkId } : {}) },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      scoreGiven: true,
      scoreMaximum: true,
      comment: true,
      timestamp: true,
      student: { select: { identities: { where: { kind: "LTI" }, select: { issuer: true, subject: true } } } },
      link: {
        select: {
          id: true,
          assignmentId: true,
          resourceLinkId: true,
          lineItemUrl: true,
          assignment: { select: { question: { select: { text: true } } } },
          context: { select: { lineItemsUrl: true, deployment: { select: { registration: { select: { id: true, clientId: true, tokenUrl: true, issuer: true } } } } } },
        },
      },
    },
  });
  let sent = 0;
  let failed = 0;
  for (const s of waiting) {
    const reg = s.link.context.deployment.registration;
    try {
      const userId = s.student.identities.find((i) => i.issuer === reg.issuer)?.subject;
      if (!userId) throw new ServiceError("The student has no account at this LMS.");
      const lineItem = s.link.lineItemUrl ?? (await createLineItem(reg, s.link, s.scoreMaximum, s.link.context.lineItemsUrl));
      const res = await withToken(reg, [SCOPE.score, SCOPE.lineitem], scoresUrl(lineItem), {
        method: "POST",
        headers: { "content-type": "application/vnd.ims.lis.v1.score+json" },
        body: JSON.stringify({
          userId,
          scoreGiven: s.scoreGiven,
          scoreMaximum: s.scoreMaximum,
          ...(s.comment ? { comment: s.comment } : {}),
          timestamp: s.timestamp.toISOString(),
          activityProgress: "Completed",
          gradingProgress: "FullyGraded",
        }),
      });
      if (!res.ok) throw new ServiceError(`The LMS refused the score (${res.status}).`, res.status);
      await db().ltiScore.update({ where: { id: s.id }, data: { postedAt: new Date(), lastError: null, attempts: { increment: 1 } } });
      sent++;
    } catch (e) {
      failed++;
      const message = e instanceof ServiceError ? e.message : "Unexpected error while sending the score.";
      if (!(e instanceof ServiceError)) console.error("LTI score post failed", e);
      await db().ltiScore.update({ where: { id: s.id }, data: { lastError: message, attempts: { increment: 1 } } });
    }
  }
  return { sent, failed };
}

/** The platform made no gradebook column for this link: find one we made before (by resourceId) or make it. */
async function createLineItem(reg: { id: string; clientId: string; tokenUrl: string }, link: { id: string; assignmentId: string; resourceLinkId: string | null; assignment: { question: { text: string } } }, scoreMaximum: number, lineItemsUrl: string | null): Promise<string> {
  if (!lineItemsUrl) throw new ServiceError("The LMS offers no gradebook service for this course.");
  const scopes = [SCOPE.score, SCOPE.lineitem];
  const find = new URL(lineItemsUrl);
  find.searchParams.set("resource_id", link.assignmentId);
  const found = await withToken(reg, scopes, find.href, { headers: { accept: "application/vnd.ims.lis.v2.lineitemcontainer+json" } });
  const existing = found.ok ? ((await found.json().catch(() => [])) as { id?: unknown; resourceId?: unknown }[]) : [];
  let id = Array.isArray(existing) ? existing.find((l) => l.resourceId === link.assignmentId && typeof l.id === "string")?.id : undefined;
  if (typeof id !== "string") {
    const res = await withToken(reg, scopes, lineItemsUrl, {
      method: "POST",
      headers: { "content-type": lineItemMime, accept: lineItemMime },
      body: JSON.stringify({
        scoreMaximum,
        label: link.assignment.question.text.slice(0, 100),
        resourceId: link.assignmentId,
        tag: "extent",
        ...(link.resourceLinkId ? { resourceLinkId: link.resourceLinkId } : {}),
      }),
    });
    const made = res.ok ? ((await res.json().catch(() => null)) as { id?: unknown } | null) : null;
    if (typeof made?.id !== "string") throw new ServiceError(`The LMS refused to make a gradebook column (${res.status}).`, res.status);
    id = made.id;
  }
  await db().ltiAssignmentLink.update({ where: { id: link.id }, data: { lineItemUrl: id as string } });
  return id as string;
}

/** For the marking's return: never throws, so the LMS being down cannot fail the teacher's return (the outbox keeps the score). */
export async function afterMarkingReturned(submissionId: string): Promise<void> {
  try {
    await queueReturnedScore(submissionId);
  } catch (e) {
    console.error("Could not queue the LMS score for a returned marking", e);
  }
}
