import { describe, expect, it } from "vitest";
import { UpdateAssignmentSchema } from "./schemas";

// The due date a teacher types is a reading of the school's clock (APP_TIME_ZONE, unset here:
// Europe/London), whatever zone the server runs in.

const parse = (dueAt: unknown) => UpdateAssignmentSchema.safeParse({ assignmentId: "a1", dueAt, wordLimit: "", instructions: "" });
const dueOf = (dueAt: unknown) => {
  const result = parse(dueAt);
  if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join("; "));
  return result.data.dueAt.toISOString();
};
const errorOf = (dueAt: unknown) => parse(dueAt).error?.issues.map((i) => i.message);

describe("due dates", () => {
  it("reads the datetime-local value on London's clock: 17:00 in June is 16:00 UTC", () => {
    expect(dueOf("2026-06-10T17:00")).toBe("2026-06-10T16:00:00.000Z");
    expect(dueOf("2026-12-10T17:00")).toBe("2026-12-10T17:00:00.000Z");
  });

  it("still takes a timestamp with its offset, and a Date from lib/", () => {
    expect(dueOf("2026-06-10T16:00:00.000Z")).toBe("2026-06-10T16:00:00.000Z");
    expect(dueOf(new Date("2026-06-10T16:00:00Z"))).toBe("2026-06-10T16:00:00.000Z");
  });

  it("the night the clocks go back: 01:30 means the first 01:30 (BST)", () => {
    expect(dueOf("2026-10-25T01:30")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("the night the clocks go forward: 01:30 does not happen, and the teacher is asked to choose", () => {
    expect(errorOf("2026-03-29T01:30")).toEqual(["01:30 does not happen on that day in Europe/London: the clocks go forward. Choose a time after the change."]);
  });

  it("refuses what it cannot read, and an empty field", () => {
    expect(errorOf("next Friday")).toEqual(["That due date could not be read."]);
    expect(errorOf("2026-02-30T10:00")).toEqual(["That due date could not be read."]);
    expect(errorOf(new Date(Number.NaN))).toEqual(["That due date could not be read."]);
    expect(errorOf("")).toEqual(["Choose a due date and time."]);
  });
});
