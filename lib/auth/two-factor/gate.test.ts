import { describe, expect, it } from "vitest";
import { twoFactorGate, type GateFacts } from "./gate";

const teacher: GateFacts = { role: "TEACHER", method: "PASSWORD", secondFactorAt: null, enrolled: false, schoolRequires: false };

describe("the two-factor gate", () => {
  it("lets a teacher with no two-factor and no school policy through (the demo accounts)", () => {
    expect(twoFactorGate(teacher)).toBe("none");
  });

  it("asks an enrolled teacher's password session for a code, until one is given", () => {
    expect(twoFactorGate({ ...teacher, enrolled: true })).toBe("verify");
    expect(twoFactorGate({ ...teacher, enrolled: true, secondFactorAt: new Date() })).toBe("none");
  });

  it("sends a teacher whose school requires it to set it up", () => {
    expect(twoFactorGate({ ...teacher, schoolRequires: true })).toBe("enrol");
    expect(twoFactorGate({ ...teacher, schoolRequires: true, enrolled: true })).toBe("verify");
  });

  it("counts provider and LMS sign-in as satisfying it", () => {
    for (const method of ["PROVIDER", "LTI"] as const) {
      expect(twoFactorGate({ ...teacher, method, schoolRequires: true })).toBe("none");
      expect(twoFactorGate({ ...teacher, method, enrolled: true })).toBe("none");
    }
  });

  it("never gates a student, whatever the school requires", () => {
    expect(twoFactorGate({ ...teacher, role: "STUDENT", schoolRequires: true })).toBe("none");
    expect(twoFactorGate({ ...teacher, role: "STUDENT", enrolled: true })).toBe("none");
  });
});
