import { describe, expect, it } from "vitest";
import { EMPTY_MARKING, type MarkingView } from "./markings";
import { forStudent, marksReleased } from "./marks-release";

const returned: MarkingView = {
  ...EMPTY_MARKING,
  status: "RETURNED",
  awards: [{ criterionId: "overall", level: 4, mark: 18 }],
  total: 18,
  wentWell: "Clear line of argument.",
  evenBetterIf: "Weigh the economy.",
  returnedAt: new Date("2026-12-01T10:00:00Z"),
};

describe("marks release", () => {
  it("shows the marks of an ordinary returned marking", () => {
    expect(marksReleased({ ...returned, marksReleasedAt: returned.returnedAt }, false)).toBe(true);
    const view = forStudent({ ...returned, marksReleasedAt: returned.returnedAt }, false);
    expect(view).toMatchObject({ marksHeld: false, total: 18, awards: [{ level: 4 }] });
  });

  it("holds levels and the total, but not the comments, until released", () => {
    const view = forStudent(returned, true);
    expect(view.marksHeld).toBe(true);
    expect(view.awards).toEqual([]);
    expect(view.total).toBeNull();
    expect(view.wentWell).toBe("Clear line of argument.");
    expect(JSON.stringify(view)).not.toContain("18");
  });

  it("releases once the response is recorded", () => {
    const view = forStudent({ ...returned, marksReleasedAt: new Date() }, true);
    expect(view).toMatchObject({ marksHeld: false, total: 18 });
  });

  it("never holds marks when the setting is off, even if none was recorded", () => {
    expect(marksReleased(returned, false)).toBe(true);
  });

  it("a marking in progress is never released", () => {
    expect(marksReleased({ status: "IN_PROGRESS", marksReleasedAt: null }, false)).toBe(false);
  });
});
