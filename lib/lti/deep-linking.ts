import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { db } from "../db";
import { appOrigin } from "../env";
import { AppError, notFound } from "../errors";
import { assertTeacher, requireTeacherOf } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { setAssignment } from "../assignments/assignments";
import { CLAIM, CUSTOM_ASSIGNMENT } from "./claims";
import { signingKey } from "./internal/keys";
import { launchPath } from "./internal/login";
import { ChooseDeepLinkSchema, type ChooseDeepLinkInput } from "./schemas";

// Deep Linking 2.0 (decision 036): a teacher in the LMS chooses a question and mark scheme;
// Extent sets the assignment in the course's class and answers the platform with a resource
// link carrying a line item, so the LMS makes the gradebook column.

async function requireOwnRequest(user: SessionUser, requestId: string) {
  assertTeacher(user);
  const request = await db().ltiDeepLinkRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      userId: true,
      classroomId: true,
      returnUrl: true,
      data: true,
      assignmentId: true,
      expiresAt: true,
      usedAt: true,
      deployment: { select: { deploymentId: true, registration: { select: { issuer: true, clientId: true } } } },
    },
  });
  if (!request || request.userId !== user.id) throw notFound("That LMS request");
  await requireTeacherOf(user, request.classroomId);
  return request;
}

const expiredMessage = "This choice has expired or was already sent. Add Extent to the course again from your LMS.";

/** The request the choosing page is for; refused once used or expired. */
export async function getDeepLinkRequest(user: SessionUser, requestId: string) {
  const r = await requireOwnRequest(user, requestId);
  const classroom = await db().classroom.findUniqueOrThrow({ where: { id: r.classroomId }, select: { id: true, name: true } });
  return { id: r.id, classroom, open: !r.usedAt && r.expiresAt > new Date() };
}

/** Sets the chosen assignment in the course's class and links it to the course; the answer is then sent by deepLinkingResponse. */
export async function chooseDeepLink(user: SessionUser, raw: ChooseDeepLinkInput): Promise<{ requestId: string; assignmentId: string }> {
  const { requestId, ...fields } = ChooseDeepLinkSchema.parse(raw);
  const r = await requireOwnRequest(user, requestId);
  if (r.usedAt || r.expiresAt < new Date() || r.assignmentId) throw new AppError(expiredMessage, 409);
  const context = await db().ltiContext.findUnique({ where: { classroomId: r.classroomId }, select: { id: true } });
  if (!context) throw new AppError("This class is no longer linked to the LMS course.", 409);
  const { id: assignmentId } = await setAssignment(user, { ...fields, classroomId: r.classroomId });
  await db().ltiAssignmentLink.create({ data: { assignmentId, ltiContextId: context.id } });
  await db().ltiDeepLinkRequest.update({ where: { id: r.id }, data: { assignmentId } });
  return { requestId, assignmentId };
}

/** The signed LtiDeepLinkingResponse to post to the platform, once: the request is spent as it is built. */
export async function deepLinkingResponse(user: SessionUser, requestId: string): Promise<{ returnUrl: string; jwt: string }> {
  const r = await requireOwnRequest(user, requestId);
  if (!r.assignmentId) throw new AppError("Choose the question and mark scheme first.", 409);
  const { count } = await db().ltiDeepLinkRequest.updateMany({ where: { id: r.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  if (!count) throw new AppError(expiredMessage, 409);
  const assignment = await db().assignment.findUniqueOrThrow({
    where: { id: r.assignmentId },
    select: { id: true, question: { select: { text: true } }, rubricVersion: { select: { content: true } } },
  });
  const totalMarks = (assignment.rubricVersion.content as { totalMarks?: number }).totalMarks ?? 0;
  const title = assignment.question.text.slice(0, 200);
  const item = {
    type: "ltiResourceLink",
    title,
    url: `${appOrigin()}${launchPath}`,
    custom: { [CUSTOM_ASSIGNMENT]: assignment.id },
    ...(totalMarks > 0 ? { lineItem: { scoreMaximum: totalMarks, label: title.slice(0, 100), resourceId: assignment.id, tag: "extent" } } : {}),
  };
  const { kid, key } = await signingKey();
  const reg = r.deployment.registration;
  const jwt = await new SignJWT({
    nonce: randomUUID(),
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: r.deployment.deploymentId,
    [CLAIM.dlContentItems]: [item],
    ...(r.data !== null ? { [CLAIM.dlData]: r.data } : {}),
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(reg.clientId)
    .setAudience(reg.issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
  return { returnUrl: r.returnUrl, jwt };
}
