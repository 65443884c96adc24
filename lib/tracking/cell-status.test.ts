import { describe, expect, it } from "vitest";
import { CELL_STATUS_LABELS, CELL_STATUS_ORDER, deriveCell, INACTIVE_AFTER_DAYS, isInactive, type Cell, type CellInput } from "./cell-status";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-03-10T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const dueAt = new Date(now.getTime() + 3 * DAY);

function cell(over: Partial<CellInput> = {}): Cell {
  return deriveCell({
    planRevision: null,
    draftWords: null,
    submittedAt: null,
    late: false,
    submissionCount: 0,
    latestMarking: null,
    dueAt,
    lastActivityAt: null,
    now,
    ...over,
  });
}

const handedIn = { submittedAt: daysAgo(1), submissionCount: 1, draftWords: 800, planRevision: 4 };
const marking = (status: "IN_PROGRESS" | "RETURNED", complete: boolean, submissionNumber: number) => ({ status, complete, submissionNumber });

describe("deriveCell status", () => {
  it("works up from not started through planning to drafting", () => {
    expect(cell().status).toBe("not-started");
    expect(cell({ planRevision: 0, draftWords: 0 }).status).toBe("not-started");
    expect(cell({ planRevision: 2 }).status).toBe("planning");
    expect(cell({ planRevision: 2, draftWords: 150 }).status).toBe("drafting");
    expect(cell({ draftWords: 150 }).status).toBe("drafting");
  });

  it("tells on-time, late and resubmitted work apart", () => {
    expect(cell(handedIn).status).toBe("submitted");
    expect(cell({ ...handedIn, late: true }).status).toBe("late");
    expect(cell({ ...handedIn, submissionCount: 2 }).status).toBe("resubmitted");
    // A resubmission is news for the teacher whether or not the first hand-in was late.
    expect(cell({ ...handedIn, submissionCount: 3, late: true }).status).toBe("resubmitted");
  });

  it("is marked only when a complete marking covers the latest submission", () => {
    expect(cell({ ...handedIn, latestMarking: marking("IN_PROGRESS", true, 1) }).status).toBe("marked");
    expect(cell({ ...handedIn, late: true, latestMarking: marking("IN_PROGRESS", true, 1) }).status).toBe("marked");
    expect(cell({ ...handedIn, latestMarking: marking("IN_PROGRESS", false, 1) }).status).toBe("submitted");
    expect(cell({ ...handedIn, submissionCount: 2, latestMarking: marking("IN_PROGRESS", false, 2) }).status).toBe("resubmitted");
    // A complete marking of version 1 says nothing about version 2.
    expect(cell({ ...handedIn, submissionCount: 2, latestMarking: marking("IN_PROGRESS", true, 1) }).status).toBe("resubmitted");
  });

  it("is returned when the latest submission's marking is returned, even while redrafting", () => {
    expect(cell({ ...handedIn, latestMarking: marking("RETURNED", true, 1) }).status).toBe("returned");
    expect(cell({ ...handedIn, submittedAt: null, latestMarking: marking("RETURNED", true, 1) }).status).toBe("returned");
    expect(cell({ ...handedIn, submissionCount: 2, latestMarking: marking("RETURNED", true, 2) }).status).toBe("returned");
  });

  it("moves on from returned once the student hands in again", () => {
    expect(cell({ ...handedIn, submissionCount: 2, latestMarking: marking("RETURNED", true, 1) }).status).toBe("resubmitted");
  });

  it("ignores a returned marking that does not match the submission count", () => {
    // Unlocked after a return but the count says two versions: the marking is stale.
    expect(cell({ ...handedIn, submittedAt: null, submissionCount: 2, latestMarking: marking("RETURNED", true, 1) }).status).toBe("drafting");
    expect(cell({ latestMarking: marking("RETURNED", true, 0) }).status).toBe("not-started");
  });
});

describe("deriveCell flags", () => {
  it("is overdue only before any hand-in and after the due time", () => {
    const past = daysAgo(1);
    expect(cell().overdue).toBe(false);
    expect(cell({ dueAt: past }).overdue).toBe(true);
    expect(cell({ dueAt: now }).overdue).toBe(false);
    expect(cell({ dueAt: past, draftWords: 300 }).overdue).toBe(true);
    expect(cell({ ...handedIn, dueAt: past, late: true }).overdue).toBe(false);
    // Redrafting after a return is not overdue: the work was handed in once.
    expect(cell({ ...handedIn, submittedAt: null, dueAt: past, latestMarking: marking("RETURNED", true, 1) }).overdue).toBe(false);
  });

  it("counts whole days since the last activity", () => {
    expect(cell().inactiveDays).toBeNull();
    expect(cell({ lastActivityAt: now }).inactiveDays).toBe(0);
    expect(cell({ lastActivityAt: new Date(now.getTime() - DAY + 1) }).inactiveDays).toBe(0);
    expect(cell({ lastActivityAt: daysAgo(1) }).inactiveDays).toBe(1);
    expect(cell({ lastActivityAt: daysAgo(6.9) }).inactiveDays).toBe(6);
    expect(cell({ lastActivityAt: new Date(now.getTime() + DAY) }).inactiveDays).toBe(0);
  });
});

describe("isInactive", () => {
  it("flags students quiet for INACTIVE_AFTER_DAYS or more", () => {
    expect(isInactive(cell({ planRevision: 1, lastActivityAt: daysAgo(INACTIVE_AFTER_DAYS - 0.5) }))).toBe(false);
    expect(isInactive(cell({ planRevision: 1, lastActivityAt: daysAgo(INACTIVE_AFTER_DAYS) }))).toBe(true);
    expect(isInactive(cell({ draftWords: 20, lastActivityAt: daysAgo(30) }))).toBe(true);
  });

  it("flags a student never active only once the work is overdue", () => {
    expect(isInactive(cell())).toBe(false);
    expect(isInactive(cell({ dueAt: daysAgo(1) }))).toBe(true);
  });

  it("never flags work that is with the teacher or returned", () => {
    const quiet = { lastActivityAt: daysAgo(20), dueAt: daysAgo(10) };
    expect(isInactive(cell({ ...handedIn, ...quiet }))).toBe(false);
    expect(isInactive(cell({ ...handedIn, ...quiet, latestMarking: marking("IN_PROGRESS", true, 1) }))).toBe(false);
    expect(isInactive(cell({ ...handedIn, ...quiet, submittedAt: null, latestMarking: marking("RETURNED", true, 1) }))).toBe(false);
  });
});

describe("status list", () => {
  it("orders every status once and labels each", () => {
    expect(new Set(CELL_STATUS_ORDER).size).toBe(8);
    expect(CELL_STATUS_ORDER).toEqual(["not-started", "planning", "drafting", "submitted", "late", "resubmitted", "marked", "returned"]);
    for (const status of CELL_STATUS_ORDER) expect(CELL_STATUS_LABELS[status]).toMatch(/^[A-Z]/);
    expect(CELL_STATUS_LABELS.drafting).toBe("Drafting");
  });
});
