import "server-only";
import { createHash } from "node:crypto";
import { db } from "../../db";
import { isUniqueViolation } from "../../db-errors";
import { generateJoinCode } from "../../classes/join-code";
import { CLAIM, CUSTOM_ASSIGNMENT, LaunchRefused, isHttpUrl, launchRole, type LaunchRole } from "../claims";
import type { VerifiedLaunch } from "./login";
import { recordClassAudit } from "../../audit/scoped";

// What a verified launch does in Extent (decision 036): the person's account (made on their
// first launch, LMS-only, no password), the course's class (made by its first teacher launch),
// enrolment, the resource link's assignment, and where to land.

const DEEP_LINK_TTL_MS = 60 * 60 * 1000;
const MAX_TEXT = 200;

type Context = { id: string; label?: string; title?: string };
const text = (v: unknown, max = MAX_TEXT) => (typeof v === "string" ? v.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, max) : "");

export type Launched = { userId: string; role: LaunchRole; path: string };

export type LtiPerson = { issuer: string; subject: string; name: string; email: string; role: LaunchRole; schoolId: string };

/** The person's name from LTI's name claims (launch or NRPS member), cleaned. */
export function personName(claims: { name?: unknown; given_name?: unknown; family_name?: unknown }, role: LaunchRole): string {
  return text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || (role === "TEACHER" ? "Teacher" : "Student");
}

/** The account for (issuer, subject): found by its identity, else made; a role that changed between teacher and student is refused. */
export async function ensureLtiAccount(person: LtiPerson): Promise<string> {
  const { issuer, subject, name, role } = person;
  const email = text(person.email, 254).toLowerCase();
  const found = await db().externalIdentity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    select: { user: { select: { id: true, role: true, name: true } } },
  });
  if (found) {
    if (found.user.role !== role) throw new LaunchRefused(`Your Extent account is a ${found.user.role.toLowerCase()} account, but this course launched you as a ${role.toLowerCase()}. Ask your school's Extent administrator.`, 403);
    if (found.user.name !== name) await db().user.update({ where: { id: found.user.id }, data: { name } });
    return found.user.id;
  }
  // An email the LMS sends is used only if no Extent account has it: linking an existing
  // account to an LMS identity on the LMS's word alone would let an LMS account take it over.
  const synthetic = `lti-${createHash("sha256").update(`${issuer}\u0000${subject}`).digest("hex").slice(0, 24)}@lti.invalid`;
  const emailFree = /^[^@\s]+@[^@\s]+$/.test(email) && !(await db().user.findUnique({ where: { email }, select: { id: true } }));
  try {
    const user = await db().user.create({
      data: {
        name,
        email: emailFree ? email : synthetic,
        role,
        schoolId: person.schoolId,
        identities: { create: { kind: "LTI", issuer, subject, email: email || null } },
      },
      select: { id: true },
    });
    return user.id;
  } catch (e) {
    // The same person's first launch in two tabs at once: the other made the account.
    if (!isUniqueViolation(e)) throw e;
    const again = await db().externalIdentity.findUnique({ where: { issuer_subject: { issuer, subject } }, select: { userId: true } });
    if (!again) throw e;
    return again.userId;
  }
}

/** The class linked to the course, made by its first teacher launch; null for a student before any teacher launched. */
async function classFor(launch: VerifiedLaunch, userId: string, role: LaunchRole, context: Context) {
  const { payload, deployment } = launch;
  const ags = payload[CLAIM.ags] as { lineitems?: unknown } | undefined;
  const nrps = payload[CLAIM.nrps] as { context_memberships_url?: unknown } | undefined;
  const services = {
    ...(typeof ags?.lineitems === "string" && isHttpUrl(ags.lineitems) ? { lineItemsUrl: ags.lineitems } : {}),
    ...(typeof nrps?.context_memberships_url === "string" && isHttpUrl(nrps.context_memberships_url) ? { membershipsUrl: nrps.context_memberships_url } : {}),
  };
  const where = { deploymentId_contextId: { deploymentId: deployment.id, contextId: context.id } };
  let linked = await db().ltiContext.findUnique({ where, select: { id: true, classroomId: true } });
  if (!linked && role === "TEACHER") {
    const title = text(context.title) || text(context.label) || "LMS course";
    try {
      linked = await db().ltiContext.create({
        data: {
          deployment: { connect: { id: deployment.id } },
          contextId: context.id,
          title,
          ...services,
          classroom: {
            create: {
              name: title.slice(0, 80),
              subject: "History",
              yearGroup: text(context.label, 30) || "From the LMS",
              joinCode: generateJoinCode(),
              teacher: { connect: { id: userId } },
              teachers: { create: { teacherId: userId, role: "OWNER" as const } },
            },
          },
        },
        select: { id: true, classroomId: true },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      linked = await db().ltiContext.findUnique({ where, select: { id: true, classroomId: true } });
    }
  }
  if (!linked) return null;
  if (Object.keys(services).length) await db().ltiContext.update({ where: { id: linked.id }, data: services });
  // Every instructor of the course teaches its class; every learner is enrolled in it.
  const classroomId = linked.classroomId;
  await db().$transaction(async (tx) => {
    const { count } =
      role === "TEACHER"
        ? await tx.classTeacher.createMany({ data: [{ classroomId, teacherId: userId, role: "CO_TEACHER" }], skipDuplicates: true })
        : await tx.enrolment.createMany({ data: [{ classroomId, studentId: userId }], skipDuplicates: true });
    const action = role === "TEACHER" ? "TEACHER_ADDED" : "ENROLMENT_CHANGED";
    if (count) await recordClassAudit(tx, classroomId, { action, actorId: userId, subjectId: userId, detail: { change: "joined", via: "LMS launch" } });
  });
  return linked;
}

/** Links the platform's resource link to the assignment Deep Linking made (named in its custom claim); the assignment it opens, if any. */
async function assignmentFor(launch: VerifiedLaunch, ltiContextId: string, resourceLinkId: string): Promise<string | null> {
  const custom = launch.payload[CLAIM.custom] as Record<string, unknown> | undefined;
  const ags = launch.payload[CLAIM.ags] as { lineitem?: unknown } | undefined;
  const lineItemUrl = typeof ags?.lineitem === "string" && isHttpUrl(ags.lineitem) ? ags.lineitem : undefined;
  const byLink = await db().ltiAssignmentLink.findUnique({ where: { ltiContextId_resourceLinkId: { ltiContextId, resourceLinkId } }, select: { id: true, assignmentId: true, lineItemUrl: true } });
  let link = byLink;
  const named = typeof custom?.[CUSTOM_ASSIGNMENT] === "string" ? (custom[CUSTOM_ASSIGNMENT] as string) : null;
  if (!link && named) {
    // Only a link made for this course, not yet tied to another resource link, can be claimed.
    const { count } = await db().ltiAssignmentLink.updateMany({ where: { assignmentId: named, ltiContextId, resourceLinkId: null }, data: { resourceLinkId } });
    if (count) link = await db().ltiAssignmentLink.findUnique({ where: { assignmentId: named }, select: { id: true, assignmentId: true, lineItemUrl: true } });
  }
  if (!link) return null;
  if (lineItemUrl && link.lineItemUrl !== lineItemUrl) await db().ltiAssignmentLink.update({ where: { id: link.id }, data: { lineItemUrl } });
  return link.assignmentId;
}

export async function provisionLaunch(launch: VerifiedLaunch): Promise<Launched> {
  const { payload, message } = launch;
  const role = launchRole(payload[CLAIM.roles] as unknown[]);
  if (!role) throw new LaunchRefused("Extent opens for a course's teachers and students; the LMS gave you neither role here.", 403);
  if (message.type === "LtiDeepLinkingRequest" && role !== "TEACHER") throw new LaunchRefused("Only a course's teachers can choose what Extent adds to it.", 403);
  const userId = await ensureLtiAccount({
    issuer: launch.registration.issuer,
    subject: String(payload.sub),
    name: personName(payload as { name?: unknown }, role),
    email: typeof payload.email === "string" ? payload.email : "",
    role,
    schoolId: launch.deployment.schoolId,
  });
  const rawContext = payload[CLAIM.context] as { id?: unknown; label?: unknown; title?: unknown } | undefined;
  const context = typeof rawContext?.id === "string" && rawContext.id ? { id: rawContext.id.slice(0, 255), label: text(rawContext.label), title: text(rawContext.title) } : null;
  const linked = context ? await classFor(launch, userId, role, context) : null;

  if (message.type === "LtiDeepLinkingRequest") {
    if (!linked) throw new LaunchRefused("Extent can only add work to a course: the LMS sent no course with this request.", 403);
    const request = await db().ltiDeepLinkRequest.create({
      data: { userId, deploymentId: launch.deployment.id, classroomId: linked.classroomId, returnUrl: message.returnUrl, data: message.data ?? null, expiresAt: new Date(Date.now() + DEEP_LINK_TTL_MS) },
      select: { id: true },
    });
    return { userId, role, path: `/lti/deep-link/${request.id}` };
  }
  const assignmentId = linked ? await assignmentFor(launch, linked.id, message.resourceLinkId) : null;
  if (assignmentId) return { userId, role, path: `/assignments/${assignmentId}` };
  if (linked && role === "TEACHER") return { userId, role, path: `/classes/${linked.classroomId}` };
  return { userId, role, path: "/dashboard" };
}
