import { describe, expect, it } from "vitest";
import { CLAIM, ROLE, checkLaunchClaims, launchRole } from "./claims";

describe("launchRole", () => {
  it("maps course membership roles, full or short, and ignores institution roles", () => {
    expect(launchRole([ROLE.instructor])).toBe("TEACHER");
    expect(launchRole(["Instructor"])).toBe("TEACHER");
    expect(launchRole(["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"])).toBe("TEACHER");
    expect(launchRole([ROLE.learner])).toBe("STUDENT");
    expect(launchRole(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty", ROLE.learner])).toBe("STUDENT");
    expect(launchRole(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty"])).toBeNull();
    expect(launchRole([])).toBeNull();
  });
});

describe("checkLaunchClaims", () => {
  const base = { sub: "u1", [CLAIM.version]: "1.3.0", [CLAIM.deploymentId]: "d1", [CLAIM.roles]: [ROLE.learner] };
  it("accepts a resource link launch and a deep linking request", () => {
    expect(checkLaunchClaims({ ...base, [CLAIM.messageType]: "LtiResourceLinkRequest", [CLAIM.resourceLink]: { id: "rl" } })).toEqual({ type: "LtiResourceLinkRequest", resourceLinkId: "rl" });
    expect(
      checkLaunchClaims({ ...base, [CLAIM.messageType]: "LtiDeepLinkingRequest", [CLAIM.dlSettings]: { deep_link_return_url: "https://lms.example/dl", data: "x" } }),
    ).toEqual({ type: "LtiDeepLinkingRequest", returnUrl: "https://lms.example/dl", data: "x" });
  });
  it("refuses another version, a missing deployment, roles or resource link, and other message types", () => {
    const ok = { ...base, [CLAIM.messageType]: "LtiResourceLinkRequest", [CLAIM.resourceLink]: { id: "rl" } };
    expect(() => checkLaunchClaims({ ...ok, [CLAIM.version]: "1.1" })).toThrow(/1\.3\.0/);
    expect(() => checkLaunchClaims({ ...ok, [CLAIM.deploymentId]: undefined })).toThrow(/deployment/);
    expect(() => checkLaunchClaims({ ...ok, [CLAIM.roles]: "Learner" })).toThrow(/roles/);
    expect(() => checkLaunchClaims({ ...ok, [CLAIM.resourceLink]: {} })).toThrow(/resource link/);
    expect(() => checkLaunchClaims({ ...ok, [CLAIM.messageType]: "LtiSubmissionReviewRequest" })).toThrow(/does not handle/);
    expect(() => checkLaunchClaims({ ...base, [CLAIM.messageType]: "LtiDeepLinkingRequest", [CLAIM.dlSettings]: { deep_link_return_url: "javascript:alert(1)" } })).toThrow(/return address/);
  });
});
