import { describe, expect, it } from "vitest";
import { actionLabel, describeChange, describeMarks, personLabel } from "./describe";

describe("how the audit viewer words an event", () => {
  it("names people, and an erased or deleted one as a deleted account", () => {
    expect(personLabel("u1", "Amira Khan")).toBe("Amira Khan");
    expect(personLabel("erased-0a1b2c", null)).toBe("deleted account");
    expect(personLabel("erased-0a1b2c", "Someone")).toBe("deleted account");
    expect(personLabel("u-gone", null)).toBe("deleted account");
    expect(personLabel(null, null)).toBe("System");
    expect(personLabel(null, null, "Unknown")).toBe("Unknown");
  });

  it("shows marks as levels, total and status, before → after", () => {
    expect(describeMarks(null)).toBe("not marked");
    expect(describeMarks({ awards: [{ criterionId: "overall", level: 3, mark: 13 }], total: 13, status: "RETURNED" })).toBe("overall L3 (13) · total 13 · returned");
    expect(describeMarks({ awards: [{ criterionId: "ao1", level: 2 }], total: null, status: "IN_PROGRESS" })).toBe("ao1 L2 · no total yet · in progress");
    expect(describeChange({ action: "MARK_CHANGED", before: null, after: { awards: [], total: null, status: "IN_PROGRESS" }, detail: { assignmentId: "a", submissionNumber: 1 } })).toEqual({
      before: "not marked",
      after: "no levels · no total yet · in progress",
      facts: "submissionNumber: 1",
    });
  });

  it("shows settings before → after, and other events by their facts", () => {
    expect(describeChange({ action: "SCHOOL_SETTINGS_CHANGED", before: { requireStaffMfa: false }, after: { requireStaffMfa: true }, detail: { setting: "staff two-factor" } })).toEqual({
      before: "requireStaffMfa: false",
      after: "requireStaffMfa: true",
      facts: "setting: staff two-factor",
    });
    expect(describeChange({ action: "SCHOOL_SETTINGS_CHANGED", before: { rules: [] }, after: { rules: [{ kind: "STAFF_DOMAIN", value: "staff.example" }] }, detail: null }).after).toBe("staff domain staff.example");
    expect(describeChange({ action: "SIGN_IN", before: null, after: null, detail: { method: "PASSWORD" } })).toEqual({ facts: "method: PASSWORD" });
    expect(actionLabel("MARK_CHANGED")).toBe("Mark changed");
    expect(actionLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
