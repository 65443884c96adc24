import { describe, expect, it } from "vitest";
import { agreementReport, compareLevels, type ModeratedEssay } from "./stats";

const criteria = [
  { id: "a", name: "Analysis" },
  { id: "k", name: "Knowledge" },
];
const marks = (a: number, k: number, total: number) => ({ awards: [{ criterionId: "a", level: a }, { criterionId: "k", level: k }], total });
const ann = { id: "ann", name: "Ann" };
const bob = { id: "bob", name: "Bob" };

const essays: ModeratedEssay[] = [
  // Agree on Analysis, one apart on Knowledge; agreed with Bob's.
  { criteria, first: { ...marks(3, 3, 12), marker: ann }, second: { ...marks(3, 2, 10), marker: bob }, agreed: marks(3, 2, 10) },
  // Two apart on Analysis, agree on Knowledge; agreed between them.
  { criteria, first: { ...marks(4, 2, 14), marker: ann }, second: { ...marks(2, 2, 9), marker: bob }, agreed: marks(3, 2, 11) },
  // Second-marked, not agreed yet.
  { criteria, first: { ...marks(1, 1, 4), marker: ann }, second: { ...marks(1, 1, 4), marker: bob }, agreed: null },
  // Sampled, not second-marked.
  { criteria, first: { ...marks(5, 5, 25), marker: ann }, second: null, agreed: null },
];

describe("agreementReport", () => {
  const report = agreementReport(essays);

  it("counts the sample's progress", () => {
    expect([report.sampled, report.secondMarked, report.agreed]).toEqual([4, 3, 2]);
  });

  it("gives exact-level agreement and mean absolute difference per criterion, over second-marked essays only", () => {
    expect(report.perCriterion).toEqual([
      { criterion: "Analysis", compared: 3, exact: 2, exactRate: 2 / 3, meanAbsDiff: 2 / 3 },
      { criterion: "Knowledge", compared: 3, exact: 2, exactRate: 2 / 3, meanAbsDiff: 1 / 3 },
    ]);
    expect(report.overall).toEqual({ compared: 6, exact: 4, exactRate: 4 / 6, meanAbsDiff: 3 / 6, meanAbsMarkDiff: (2 + 5 + 0) / 3 });
  });

  it("gives each marker's mean difference from the agreed marks (signed and absolute), agreed essays only", () => {
    expect(report.markers).toEqual([
      // Ann: essay 1 levels (0, +1), essay 2 (+1, 0); marks +2, +3.
      { marker: ann, essays: 2, meanLevelDiff: 0.5, meanAbsLevelDiff: 0.5, meanMarkDiff: 2.5 },
      // Bob: essay 1 (0, 0), essay 2 (−1, 0); marks 0, −2.
      { marker: bob, essays: 2, meanLevelDiff: -0.25, meanAbsLevelDiff: 0.25, meanMarkDiff: -1 },
    ]);
  });

  it("merges criteria by name across assignments and keeps a deleted marker's record by name", () => {
    const other: ModeratedEssay = {
      criteria: [{ id: "analysis-2", name: "Analysis" }],
      first: { awards: [{ criterionId: "analysis-2", level: 2 }], total: 8, marker: { id: null, name: "Former teacher" } },
      second: { awards: [{ criterionId: "analysis-2", level: 2 }], total: 8, marker: bob },
      agreed: { awards: [{ criterionId: "analysis-2", level: 2 }], total: 8 },
    };
    const merged = agreementReport([...essays, other]);
    expect(merged.perCriterion[0]).toMatchObject({ criterion: "Analysis", compared: 4, exact: 3 });
    expect(merged.markers.map((m) => m.marker.name)).toEqual(["Ann", "Bob", "Former teacher"]);
  });

  it("reports nothing compared as null, not zero", () => {
    const empty = agreementReport([essays[3]!]);
    expect(empty.overall).toEqual({ compared: 0, exact: 0, exactRate: null, meanAbsDiff: null, meanAbsMarkDiff: null });
    expect(empty.perCriterion[0]!.exactRate).toBeNull();
    expect(empty.markers).toEqual([]);
  });
});

describe("compareLevels", () => {
  it("lines the two markings up per criterion with the second minus the first", () => {
    expect(compareLevels(criteria, marks(4, 2, 0), { awards: [{ criterionId: "a", level: 2 }], total: null })).toEqual([
      { criterionId: "a", name: "Analysis", first: 4, second: 2, difference: -2 },
      { criterionId: "k", name: "Knowledge", first: 2, second: null, difference: null },
    ]);
  });
});
