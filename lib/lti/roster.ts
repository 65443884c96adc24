import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { requireTeacherOf } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { ROLE, SCOPE, launchRole } from "./claims";
import { LaunchRefused } from "./claims";
import { ensureLtiAccount, personName } from "./internal/provision";
import { nextLink, withToken, ServiceError } from "./internal/services";
import { enqueueScoreSending } from "./internal/scores";
import { recordClassAudit } from "../audit/scoped";

// Names and Role Provisioning (decision 036): the class made for an LMS course takes its
// roster from the course. Active learners are enrolled (their accounts made if new); students
// this LMS had enrolled who are no longer active learners are removed. Students who joined by
// code (no identity at this LMS) are the teacher's to manage and are left alone.

const MAX_PAGES = 50;
const membershipMime = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

type Member = { status?: unknown; user_id?: unknown; name?: unknown; given_name?: unknown; family_name?: unknown; email?: unknown; roles?: unknown };

export async function syncRoster(user: SessionUser, classroomId: string): Promise<{ added: number; removed: number; kept: number; skipped: number }> {
  await requireTeacherOf(user, classroomId);
  const link = await db().ltiContext.findUnique({
    where: { classroomId },
    select: { id: true, membershipsUrl: true, deployment: { select: { schoolId: true, registration: { select: { id: true, issuer: true, clientId: true, tokenUrl: true } } } } },
  });
  if (!link) throw new AppError("This class is not linked to an LMS course.", 409);
  if (!link.membershipsUrl) throw new AppError("The LMS has not offered this course's roster. Open Extent from the course once, then try again.", 409);
  const reg = link.deployment.registration;

  const members: Member[] = [];
  const first = new URL(link.membershipsUrl);
  first.searchParams.set("role", ROLE.learner);
  let url: string | null = first.href;
  try {
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const res = await withToken(reg, [SCOPE.nrps], url, { headers: { accept: membershipMime } });
      if (!res.ok) throw new ServiceError(`The LMS refused the roster (${res.status}).`, res.status);
      const body = (await res.json().catch(() => null)) as { members?: unknown } | null;
      if (!Array.isArray(body?.members)) throw new ServiceError("The LMS sent a roster Extent could not read.");
      members.push(...(body.members as Member[]));
      url = nextLink(res);
    }
  } catch (e) {
    if (e instanceof ServiceError) throw new AppError(`${e.message} Nothing was changed.`, 503);
    throw e;
  }

  const active = new Set<string>();
  let skipped = 0;
  let added = 0;
  for (const m of members) {
    if (typeof m.user_id !== "string" || !m.user_id || (m.status !== undefined && m.status !== "Active")) continue;
    if (launchRole(Array.isArray(m.roles) ? m.roles : []) !== "STUDENT") continue;
    let studentId: string;
    try {
      studentId = await ensureLtiAccount({ issuer: reg.issuer, subject: m.user_id, name: personName(m, "STUDENT"), email: typeof m.email === "string" ? m.email : "", role: "STUDENT", schoolId: link.deployment.schoolId });
    } catch (e) {
      // A teacher account the course lists as a learner: not enrolled, reported.
      if (e instanceof LaunchRefused) {
        skipped++;
        continue;
      }
      throw e;
    }
    active.add(studentId);
    added += await db().$transaction(async (tx) => {
      const { count } = await tx.enrolment.createMany({ data: [{ classroomId, studentId }], skipDuplicates: true });
      if (count) await recordClassAudit(tx, classroomId, { action: "ENROLMENT_CHANGED", actorId: user.id, subjectId: studentId, detail: { change: "joined", via: "LMS roster" } });
      return count;
    });
  }
  const removed = await db().$transaction(async (tx) => {
    const gone = await tx.enrolment.findMany({
      where: { classroomId, studentId: { notIn: [...active] }, student: { identities: { some: { kind: "LTI", issuer: reg.issuer } } } },
      select: { id: true, studentId: true },
    });
    const { count } = await tx.enrolment.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
    for (const { studentId } of gone) {
      await recordClassAudit(tx, classroomId, { action: "ENROLMENT_CHANGED", actorId: user.id, subjectId: studentId, detail: { change: "removed", via: "LMS roster" } });
    }
    return count;
  });
  // A good moment to retry the class's scores the LMS did not take before: by a job per
  // assignment (decision 036), so the sync does not wait for the gradebook.
  const waiting = await db().ltiAssignmentLink.findMany({ where: { ltiContextId: link.id, scores: { some: { postedAt: null } } }, select: { id: true } });
  await db().$transaction(async (tx) => {
    await tx.ltiContext.update({ where: { id: link.id }, data: { syncedAt: new Date() } });
    for (const l of waiting) await enqueueScoreSending(tx, l.id);
  });
  return { added, removed, kept: active.size - added, skipped };
}

/** What the class page shows of its LMS link, for its teachers; null when it has none. */
export async function getLtiLinkForClass(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  const link = await db().ltiContext.findUnique({ where: { classroomId }, select: { title: true, syncedAt: true, membershipsUrl: true } });
  if (!link) return null;
  const unsent = await db().ltiScore.count({ where: { postedAt: null, link: { context: { classroomId } } } });
  return { title: link.title, syncedAt: link.syncedAt, canSync: link.membershipsUrl !== null, unsentScores: unsent };
}
