import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit/record";
import { appOrigin } from "../../env";
import { isUniqueViolation } from "../../db-errors";
import { LaunchRefused, SCOPE } from "../claims";
import { launchPath, loginPath } from "./login";

// LTI Dynamic Registration 1.0 (decision 036): the administrator pastes the tool's URL into
// the LMS, which opens it with ?openid_configuration=…&registration_token=…; we read the
// platform's configuration, post our client metadata to its registration endpoint, and store
// the (issuer, client id) and deployment it gives us for the school the URL names.

const TOOL_CONFIG = "https://purl.imsglobal.org/spec/lti-tool-configuration";
const PLATFORM_CONFIG = "https://purl.imsglobal.org/spec/lti-platform-configuration";

// Plain http is allowed only while Extent itself runs on http (a test or a laptop): a real
// deployment fetches only https, which keeps the fetch off internal plain-http services.
function platformUrl(value: unknown, what: string): string {
  const insecureOk = new URL(appOrigin()).protocol === "http:";
  if (typeof value !== "string" || !URL.canParse(value)) throw new LaunchRefused(`The LMS's configuration has no ${what}.`, 400);
  const u = new URL(value);
  if (u.protocol !== "https:" && !(insecureOk && u.protocol === "http:")) throw new LaunchRefused(`The LMS's ${what} must be an https address.`, 400);
  return u.href;
}

async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> | null }> {
  try {
    const res = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(10_000) });
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: res.status, body: body && typeof body === "object" ? body : null };
  } catch {
    throw new LaunchRefused("The LMS could not be reached. Try the registration again from the LMS.", 400);
  }
}

export function toolMetadata(origin = appOrigin()) {
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: `${origin}${loginPath}`,
    redirect_uris: [`${origin}${launchPath}`],
    client_name: "Extent",
    jwks_uri: `${origin}/lti/jwks`,
    logo_uri: `${origin}/icon.svg`,
    token_endpoint_auth_method: "private_key_jwt",
    scope: [SCOPE.lineitem, SCOPE.resultRead, SCOPE.score, SCOPE.nrps].join(" "),
    [TOOL_CONFIG]: {
      domain: new URL(origin).host,
      target_link_uri: `${origin}${launchPath}`,
      claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
      messages: [
        { type: "LtiDeepLinkingRequest", target_link_uri: `${origin}${launchPath}`, label: "Set an Extent essay" },
        { type: "LtiResourceLinkRequest", target_link_uri: `${origin}${launchPath}` },
      ],
    },
  };
}

export async function registerDynamically(schoolId: string, configurationUrl: string | null, registrationToken: string | null): Promise<{ issuer: string; clientId: string; deploymentId: string; label: string }> {
  if (!configurationUrl) throw new LaunchRefused("Paste this address into your LMS's tool registration: it is opened by the LMS, not by hand.", 400);
  const cfgUrl = platformUrl(configurationUrl, "configuration address");
  const { body: cfg } = await fetchJson(cfgUrl, { headers: { accept: "application/json" } });
  if (!cfg) throw new LaunchRefused("The LMS's configuration could not be read.", 400);
  const issuer = platformUrl(cfg.issuer, "issuer");
  // The issuer must be the configuration URL's prefix (Dynamic Registration §3.5.1).
  if (!cfgUrl.startsWith(String(cfg.issuer))) throw new LaunchRefused("The LMS's configuration names another issuer than its own address.", 400);
  const authUrl = platformUrl(cfg.authorization_endpoint, "authorization endpoint");
  const tokenUrl = platformUrl(cfg.token_endpoint, "token endpoint");
  const jwksUrl = platformUrl(cfg.jwks_uri, "key set");
  const registrationEndpoint = platformUrl(cfg.registration_endpoint, "registration endpoint");
  const product = (cfg[PLATFORM_CONFIG] as { product_family_code?: unknown } | undefined)?.product_family_code;

  const { status, body: out } = await fetchJson(registrationEndpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}) },
    body: JSON.stringify(toolMetadata()),
  });
  const clientId = out?.client_id;
  const deploymentId = (out?.[TOOL_CONFIG] as { deployment_id?: unknown } | undefined)?.deployment_id;
  if (status >= 300 || typeof clientId !== "string" || !clientId) throw new LaunchRefused(`The LMS refused the registration (${status}).`, 400);
  const label = typeof product === "string" ? product.slice(0, 80) : new URL(issuer).host;
  try {
    const reg = await db().ltiRegistration.upsert({
      where: { issuer_clientId: { issuer: String(cfg.issuer), clientId } },
      create: { schoolId, issuer: String(cfg.issuer), clientId, authUrl, tokenUrl, jwksUrl, label },
      update: {},
      select: { id: true, schoolId: true },
    });
    // The platform already registered this client for another school: never add to theirs.
    if (reg.schoolId !== schoolId) throw new LaunchRefused("This LMS registration belongs to another school in Extent. Ask your LMS for a new registration.", 403);
    if (typeof deploymentId === "string" && deploymentId) {
      await db().ltiDeployment.createMany({ data: [{ registrationId: reg.id, deploymentId, schoolId }], skipDuplicates: true });
    }
    // The LMS's own window carries no session: the signed one-day URL stands for the administrator.
    const detail = { setting: "LMS registrations", change: "registration added", via: "dynamic registration", issuer: String(cfg.issuer), clientId };
    await recordAudit(db(), { action: "SCHOOL_SETTINGS_CHANGED", actorId: null, schoolId, entityType: "LtiRegistration", entityId: reg.id, detail });
  } catch (e) {
    if (isUniqueViolation(e)) throw new LaunchRefused("This LMS was registered a moment ago. Reload your school's settings in Extent to see it.", 400);
    throw e;
  }
  return { issuer: String(cfg.issuer), clientId, deploymentId: typeof deploymentId === "string" ? deploymentId : "", label };
}
