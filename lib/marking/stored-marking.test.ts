import { describe, expect, it } from "vitest";
import { decodeStoredMarking, draftOf, encodeStoredMarking, markingStorageKey, markingToRestore, sameMarking, type MarkingDraft } from "./stored-marking";

const draft: MarkingDraft = {
  awards: [
    { criterionId: "ao1", level: 3, mark: 11 },
    { criterionId: "ao2", level: 2 },
  ],
  total: null,
  wentWell: "Clear line of argument.",
  evenBetterIf: "Weigh the factors against each other.",
  allowRedraft: true,
};
const server = (over: Partial<MarkingDraft> & { status?: "IN_PROGRESS" | "RETURNED"; revision?: number } = {}) => ({
  awards: [],
  total: null,
  wentWell: "",
  evenBetterIf: "",
  allowRedraft: false,
  status: "IN_PROGRESS" as const,
  revision: 2,
  ...over,
});

describe("markingStorageKey", () => {
  it("names the teacher, assignment, student and version", () => {
    const place = { teacherId: "t1", assignmentId: "a1", studentId: "s1", submissionNumber: 2 };
    expect(markingStorageKey(place)).toBe("extent:marking:t1:a1:s1:2");
    expect(markingStorageKey({ ...place, teacherId: "t2" })).not.toBe(markingStorageKey(place));
    expect(markingStorageKey({ ...place, submissionNumber: 3 })).not.toBe(markingStorageKey(place));
  });
});

describe("encode and decode", () => {
  it("round-trips a draft with its base revision", () => {
    expect(decodeStoredMarking(encodeStoredMarking(draft, 4, 1000))).toEqual({ draft, baseRevision: 4, at: 1000 });
  });

  it("treats missing, malformed or wrongly shaped copies as nothing stored", () => {
    expect(decodeStoredMarking(null)).toBeNull();
    expect(decodeStoredMarking("{not json")).toBeNull();
    expect(decodeStoredMarking(JSON.stringify({ value: "draft text", baseRevision: 1, at: 1 }))).toBeNull();
    expect(decodeStoredMarking(JSON.stringify({ draft: { ...draft, awards: [{ criterionId: "ao1", level: "3" }] }, baseRevision: 1, at: 1 }))).toBeNull();
    expect(decodeStoredMarking(JSON.stringify({ draft: { ...draft, wentWell: 5 }, baseRevision: 1, at: 1 }))).toBeNull();
    expect(decodeStoredMarking(JSON.stringify({ draft, baseRevision: -1, at: 1 }))).toBeNull();
  });

  it("keeps only the award fields it knows", () => {
    const raw = JSON.stringify({ draft: { ...draft, awards: [{ criterionId: "ao1", level: 1, mark: 3, extra: "x" }] }, baseRevision: 0, at: 1 });
    expect(decodeStoredMarking(raw)?.draft.awards).toEqual([{ criterionId: "ao1", level: 1, mark: 3 }]);
  });
});

describe("sameMarking", () => {
  it("ignores the order criteria were marked in", () => {
    expect(sameMarking(draft, { ...draft, awards: [...draft.awards].reverse() })).toBe(true);
  });

  it("sees any change to a level, mark, total, summary or the redraft flag", () => {
    expect(sameMarking(draft, { ...draft, awards: [{ criterionId: "ao1", level: 3, mark: 12 }, draft.awards[1]!] })).toBe(false);
    expect(sameMarking(draft, { ...draft, awards: [draft.awards[0]!] })).toBe(false);
    expect(sameMarking(draft, { ...draft, total: 14 })).toBe(false);
    expect(sameMarking(draft, { ...draft, wentWell: "Clear line of argument" })).toBe(false);
    expect(sameMarking(draft, { ...draft, evenBetterIf: "" })).toBe(false);
    expect(sameMarking(draft, { ...draft, allowRedraft: false })).toBe(false);
  });
});

describe("draftOf", () => {
  it("keeps the total only for a rubric that takes one (strands)", () => {
    const view = { ...draft, total: 15 };
    expect(draftOf(view, true).total).toBe(15);
    expect(draftOf(view, false).total).toBeNull();
  });
});

describe("markingToRestore", () => {
  const stored = { draft, baseRevision: 2, at: 1 };

  it("brings back marks the server does not have", () => {
    expect(markingToRestore(stored, server())).toEqual({ draft, baseRevision: 2 });
  });

  it("offers nothing when nothing is stored or the server already holds the same marking", () => {
    expect(markingToRestore(null, server())).toBeNull();
    expect(markingToRestore(stored, server({ ...draft, revision: 3 }))).toBeNull();
  });

  it("offers nothing once the marking is returned", () => {
    expect(markingToRestore(stored, server({ status: "RETURNED", revision: 3 }))).toBeNull();
  });

  it("keeps the older base revision when the server moved on, so saving meets the conflict instead of overwriting", () => {
    expect(markingToRestore(stored, server({ revision: 5, wentWell: "Someone else's words" }))).toEqual({ draft, baseRevision: 2 });
  });

  it("ignores a copy based on a revision the server never had", () => {
    expect(markingToRestore({ ...stored, baseRevision: 9 }, server({ revision: 2 }))).toBeNull();
  });
});
