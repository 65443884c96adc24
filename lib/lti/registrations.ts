import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { appOrigin, env } from "../env";
import { AppError, notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { AddDeploymentSchema, AddRegistrationSchema, RemoveDeploymentSchema, RemoveRegistrationSchema, type AddRegistrationInput } from "./schemas";
import type { z } from "zod";
import { recordAudit, type AuditWriter } from "../audit/record";

// A school's LMS registrations, for its administrators (decisions 033, 036). One platform
// (issuer, client id) may carry deployments of several schools; each deployment names the
// school whose accounts its launches make.

export async function listLtiRegistrations(user: SessionUser, schoolId: string) {
  await requireSchoolAdmin(user, schoolId);
  return db().ltiRegistration.findMany({
    where: { OR: [{ schoolId }, { deployments: { some: { schoolId } } }] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      label: true,
      issuer: true,
      clientId: true,
      authUrl: true,
      tokenUrl: true,
      jwksUrl: true,
      schoolId: true,
      deployments: { where: { schoolId }, orderBy: { createdAt: "asc" }, select: { id: true, deploymentId: true, _count: { select: { contexts: true } } } },
    },
  });
}

export async function addLtiRegistration(user: SessionUser, raw: AddRegistrationInput) {
  const input = AddRegistrationSchema.parse(raw);
  await requireSchoolAdmin(user, input.schoolId);
  const existing = await db().ltiRegistration.findUnique({ where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } }, select: { id: true, schoolId: true } });
  if (existing) {
    // The platform is known already (another school on the same LMS tenant, or this one):
    // only the deployment is new. Its addresses stay as their administrator set them.
    return addDeploymentRow(existing.id, input.deploymentId, input.schoolId, user.id);
  }
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.ltiRegistration.create({
        data: {
          schoolId: input.schoolId,
          label: input.label,
          issuer: input.issuer,
          clientId: input.clientId,
          authUrl: input.authUrl,
          tokenUrl: input.tokenUrl,
          jwksUrl: input.jwksUrl,
          deployments: { create: { deploymentId: input.deploymentId, schoolId: input.schoolId } },
        },
        select: { id: true },
      });
      await ltiAudit(tx, user.id, input.schoolId, { change: "registration added", issuer: input.issuer, clientId: input.clientId, deploymentId: input.deploymentId });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("That LMS was registered a moment ago. Reload the page to see it.", 409);
    throw e;
  }
}

const ltiAudit = (tx: AuditWriter, actorId: string, schoolId: string, detail: Record<string, string>) =>
  recordAudit(tx, { action: "SCHOOL_SETTINGS_CHANGED", actorId, schoolId, entityType: "LtiRegistration", detail: { setting: "LMS registrations", ...detail } });

async function addDeploymentRow(registrationId: string, deploymentId: string, schoolId: string, actorId: string) {
  try {
    await db().$transaction(async (tx) => {
      await tx.ltiDeployment.create({ data: { registrationId, deploymentId, schoolId } });
      await ltiAudit(tx, actorId, schoolId, { change: "deployment added", registrationId, deploymentId });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("That deployment is registered already.", 409, { deploymentId: ["That deployment is registered already."] });
    throw e;
  }
  return { id: registrationId };
}

/** Another deployment of a platform this school manages or already uses. */
export async function addLtiDeployment(user: SessionUser, raw: z.input<typeof AddDeploymentSchema>) {
  const input = AddDeploymentSchema.parse(raw);
  await requireSchoolAdmin(user, input.schoolId);
  const reg = await db().ltiRegistration.findFirst({
    where: { id: input.registrationId, OR: [{ schoolId: input.schoolId }, { deployments: { some: { schoolId: input.schoolId } } }] },
    select: { id: true },
  });
  if (!reg) throw notFound("That LMS registration");
  return addDeploymentRow(reg.id, input.deploymentId, input.schoolId, user.id);
}

/** Removes this school's deployment; its courses' classes stay, unlinked, and nothing launches through it any more. */
export async function removeLtiDeployment(user: SessionUser, raw: z.input<typeof RemoveDeploymentSchema>) {
  const input = RemoveDeploymentSchema.parse(raw);
  await requireSchoolAdmin(user, input.schoolId);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.ltiDeployment.deleteMany({ where: { id: input.deploymentId, schoolId: input.schoolId } });
    if (count) await ltiAudit(tx, user.id, input.schoolId, { change: "deployment removed", deploymentRowId: input.deploymentId });
    return count;
  });
  if (!count) throw notFound("That deployment");
}

/** Removes a registration this school manages, with every school's deployments of it. */
export async function removeLtiRegistration(user: SessionUser, raw: z.input<typeof RemoveRegistrationSchema>) {
  const input = RemoveRegistrationSchema.parse(raw);
  await requireSchoolAdmin(user, input.schoolId);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.ltiRegistration.deleteMany({ where: { id: input.registrationId, schoolId: input.schoolId } });
    if (count) await ltiAudit(tx, user.id, input.schoolId, { change: "registration removed", registrationId: input.registrationId });
    return count;
  });
  if (!count) throw notFound("That LMS registration");
}

// ── Dynamic Registration URL ──────────────────────────────────────────────────────────────
// The LMS opens the pasted URL in its own window or frame, where the administrator's Lax
// session cookie is not sent, so the URL itself says which school it registers for: the
// school id, an expiry and an HMAC with SESSION_SECRET. It is shown only to the school's
// administrators, lasts a day and registers once (lib/lti/protocol.ts's ltiRegister spends
// it): a copied link cannot register platforms for the school later.

const REGISTRATION_URL_DAYS = 1;
const sign = (payload: string) => createHmac("sha256", env().SESSION_SECRET).update(`lti-registration:${payload}`).digest("base64url");

export async function dynamicRegistrationUrl(user: SessionUser, schoolId: string, now = Date.now()): Promise<{ url: string; expiresAt: Date }> {
  await requireSchoolAdmin(user, schoolId);
  const expiresAt = new Date(now + REGISTRATION_URL_DAYS * 24 * 60 * 60 * 1000);
  const payload = `${schoolId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return { url: `${appOrigin()}/lti/register/${payload}.${sign(payload)}`, expiresAt };
}

/** The school a registration URL's token names, if it is ours and unexpired. */
export function schoolOfRegistrationToken(token: string, now = Date.now()): string | null {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(`${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(m[2]) * 1000 > now ? m[1]! : null;
}
