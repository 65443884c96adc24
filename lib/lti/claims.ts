// The LTI 1.3 vocabulary (1EdTech LTI Core 1.3, Deep Linking 2.0, AGS 2.0, NRPS 2.0) and the
// pure checks on a launch's claims, kept apart from I/O so they are unit-tested alone.

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  dlSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  dlContentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  dlData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
} as const;

export const SCOPE = {
  lineitem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineitemRead: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultRead: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
} as const;

/** The custom parameter a Deep Linking content item carries, naming the assignment it set. */
export const CUSTOM_ASSIGNMENT = "extent_assignment";

/** What Extent does with a person, from their roles in the course (context membership roles). */
export type LaunchRole = "TEACHER" | "STUDENT";

// Platforms send full membership URIs, the short forms LTI 1.3 also allows ("Instructor"),
// sub-roles ("…membership/Instructor#TeachingAssistant") and institution roles. Only the
// course membership decides: an institution "Faculty" who is a Learner here is a student.
const TEACHING = new Set(["Instructor", "ContentDeveloper", "Administrator", "Mentor"]);

function membershipRole(uri: string): string | null {
  const short = /^[A-Za-z]+$/.test(uri) ? uri : null;
  if (short) return short;
  const m = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership(?:\/([A-Za-z]+))?#([A-Za-z]+)$/.exec(uri);
  if (!m) return null;
  // A sub-role names its principal role in the path: membership/Instructor#TeachingAssistant.
  return m[1] ?? m[2]!;
}

/** TEACHER for instructors (and course designers, administrators, mentors), STUDENT for learners, null otherwise. */
export function launchRole(roles: readonly unknown[]): LaunchRole | null {
  const names = roles.filter((r): r is string => typeof r === "string").map(membershipRole);
  if (names.some((n) => n !== null && TEACHING.has(n))) return "TEACHER";
  if (names.includes("Learner")) return "STUDENT";
  return null;
}

export type LaunchMessage =
  | { type: "LtiResourceLinkRequest"; resourceLinkId: string }
  | { type: "LtiDeepLinkingRequest"; returnUrl: string; data: string | undefined };

/** The LTI claims every launch must carry (Core 1.3 §5.3), checked after the signature. Throws a message for the refusal page. */
export function checkLaunchClaims(payload: Record<string, unknown>): LaunchMessage {
  if (payload[CLAIM.version] !== "1.3.0") throw new LaunchRefused("The launch is not LTI 1.3.0.");
  if (typeof payload[CLAIM.deploymentId] !== "string" || !payload[CLAIM.deploymentId]) throw new LaunchRefused("The launch names no deployment.");
  if (!Array.isArray(payload[CLAIM.roles])) throw new LaunchRefused("The launch carries no roles.");
  if (typeof payload.sub !== "string" || !payload.sub) throw new LaunchRefused("The launch names no user.");
  const type = payload[CLAIM.messageType];
  if (type === "LtiResourceLinkRequest") {
    const link = payload[CLAIM.resourceLink] as { id?: unknown } | undefined;
    if (typeof link?.id !== "string" || !link.id) throw new LaunchRefused("The launch has no resource link.");
    return { type, resourceLinkId: link.id };
  }
  if (type === "LtiDeepLinkingRequest") {
    const settings = payload[CLAIM.dlSettings] as { deep_link_return_url?: unknown; data?: unknown } | undefined;
    const url = settings?.deep_link_return_url;
    if (typeof url !== "string" || !isHttpUrl(url)) throw new LaunchRefused("The deep linking request has no return address.");
    return { type, returnUrl: url, data: typeof settings?.data === "string" ? settings.data : undefined };
  }
  throw new LaunchRefused(`Extent does not handle ${typeof type === "string" ? `"${type.slice(0, 60)}"` : "this kind of"} launch.`);
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:";
}

/** A refused launch or login: its message is shown on the refusal page (never the token's contents). */
export class LaunchRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 = 403,
  ) {
    super(message);
    this.name = "LaunchRefused";
  }
}
