import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { db } from "../../db";
import { enqueue } from "../../jobs/enqueue";
import { SCOPE } from "../claims";
import { ServiceError, withToken } from "./services";

// Assignment and Grade Services: returned marks go to the LMS gradebook (decision 036). The
// score is written to an outbox row with the returned marking's data, in the return's own
// transaction together with an "lti-scores" job (lib/jobs/queues.ts, decision 040), so the
// teacher's return never waits for the LMS and a failure never fails it. The job posts what is
// waiting for its link (retried with back-off); a sweep every 15 minutes retries the rest.

// A row is tried this many times before it is left for a later return to renew: with the
// job's retries and the 15-minute sweep, about a day of an LMS being down.
const MAX_ATTEMPTS = 100;
const lineItemMime = "application/vnd.ims.lis.v2.lineitem+json";

/**
 * Records the score for a returned marking of an LTI-linked assignment (no-op otherwise) and
 * enqueues its sending, inside the caller's transaction: the marking's return (or release of
 * its marks), so the score exists exactly when the return does. Database work only.
 */
export async function queueReturnedScore(tx: Prisma.TransactionClient, submissionId: string): Promise<void> {
  const row = await tx.submission.findUnique({
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
  await tx.ltiScore.upsert({
    where: { linkId_studentId: { linkId: link.id, studentId: row.draft.studentId } },
    create: { linkId: link.id, studentId: row.draft.studentId, ...data },
    update: data,
  });
  await enqueueScoreSending(tx, link.id);
}

/**
 * Asks for a link's waiting scores to be posted. The queue is "stately" keyed by link: a job
 * already waiting for this link takes this row too, so a class's returns in a row make one
 * job, not thirty. (Should that job start before this transaction commits, the sweep sends it.)
 */
export async function enqueueScoreSending(tx: Prisma.TransactionClient, linkId: string): Promise<void> {
  await enqueue(tx, "lti-scores", { linkId }, { singletonKey: `link:${linkId}` });
}

/**
 * The "lti-scores" job: one link's waiting scores (sent on a return), or every link's (the
 * sweep). A link's job fails when the LMS refused one, so pg-boss retries it with back-off;
 * the sweep records refusals on the rows and leaves them to the next sweep. Idempotent: only
 * unsent rows are posted. A run stops taking rows after a few minutes (an LMS that times out
 * costs 10 s a call), well inside the queue's expiry; the rest wait for the next run.
 */
export async function runScoreJob({ linkId }: { linkId?: string }): Promise<void> {
  const { failed } = await sendWaitingScores(linkId, { budgetMs: 4 * 60_000 });
  if (linkId && failed) throw new Error(`The LMS did not take ${failed} score${failed === 1 ? "" : "s"} for link ${linkId}; retried later.`);
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

/**
 * Posts every unsent score of a link (or of every link), each on its own: one failure is
 * recorded and the rest go on. With `budgetMs`, no new row is started after that long.
 */
export async function sendWaitingScores(linkId?: string, { budgetMs = Infinity }: { budgetMs?: number } = {}): Promise<{ sent: number; failed: number }> {
  const started = Date.now();
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
    if (Date.now() - started > budgetMs) break;
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
