import { describe, expect, it } from "vitest";
import { funnel, heatmapFromTallies, heatmapRows, levelHeatmap, markDistribution, type HeatmapInput } from "./analytics";
import type { CellStatus } from "./cell-status";

describe("funnel", () => {
  it("counts each status and how many got at least that far", () => {
    const statuses: CellStatus[] = ["not-started", "planning", "planning", "drafting", "submitted", "late", "resubmitted", "marked", "returned", "returned"];
    const steps = funnel(statuses);
    expect(steps.map((s) => [s.status, s.count, s.reached])).toEqual([
      ["not-started", 1, 10],
      ["planning", 2, 9],
      ["drafting", 1, 7],
      // Handed in: submitted, late and resubmitted are one stage, so they share "reached".
      ["submitted", 1, 6],
      ["late", 1, 6],
      ["resubmitted", 1, 6],
      ["marked", 1, 3],
      ["returned", 2, 2],
    ]);
    expect(steps[4]?.label).toBe("Submitted late");
  });

  it("returns every status with zeros for an empty class", () => {
    const steps = funnel([]);
    expect(steps).toHaveLength(8);
    expect(steps.every((s) => s.count === 0 && s.reached === 0)).toBe(true);
  });

  it("counts a returned cell as having reached every stage", () => {
    expect(funnel(["returned"]).map((s) => s.reached)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("markDistribution", () => {
  const ranges = (buckets: { from: number; to: number }[]) => buckets.map((b) => `${b.from}-${b.to}`);

  it("splits 0..total into five buckets, the extra marks going low", () => {
    expect(ranges(markDistribution([], 25))).toEqual(["0-5", "6-10", "11-15", "16-20", "21-25"]);
    expect(ranges(markDistribution([], 20))).toEqual(["0-4", "5-8", "9-12", "13-16", "17-20"]);
    expect(ranges(markDistribution([], 24))).toEqual(["0-4", "5-9", "10-14", "15-19", "20-24"]);
  });

  it("puts every total in exactly one bucket, boundaries included", () => {
    const totals = [0, 5, 6, 10, 11, 25, 25, 13];
    const buckets = markDistribution(totals, 25);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 2, 0, 2]);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(totals.length);
  });

  it("covers every mark once for any total and bucket count", () => {
    for (let total = 0; total <= 40; total++) {
      for (const count of [1, 3, 5, 8]) {
        const buckets = markDistribution([], total, count);
        expect(buckets[0]?.from).toBe(0);
        expect(buckets.at(-1)?.to).toBe(total);
        buckets.forEach((b, i) => {
          expect(b.to).toBeGreaterThanOrEqual(b.from);
          if (i > 0) expect(b.from).toBe((buckets[i - 1]?.to ?? NaN) + 1);
        });
        const sizes = buckets.map((b) => b.to - b.from + 1);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("uses fewer buckets when there are fewer marks than buckets", () => {
    expect(ranges(markDistribution([0, 3, 3], 3))).toEqual(["0-0", "1-1", "2-2", "3-3"]);
    expect(markDistribution([0, 3, 3], 3).map((b) => b.count)).toEqual([1, 0, 0, 2]);
    expect(markDistribution([0], 0)).toEqual([{ from: 0, to: 0, count: 1 }]);
  });

  it("honours a bucket count", () => {
    expect(ranges(markDistribution([], 15, 3))).toEqual(["0-5", "6-10", "11-15"]);
    expect(ranges(markDistribution([], 9, 1))).toEqual(["0-9"]);
  });

  it("refuses totals outside 0..totalMarks and nonsense arguments", () => {
    expect(() => markDistribution([26], 25)).toThrow(RangeError);
    expect(() => markDistribution([-1], 25)).toThrow(RangeError);
    expect(() => markDistribution([12.5], 25)).toThrow(RangeError);
    expect(() => markDistribution([Number.NaN], 25)).toThrow(RangeError);
    expect(() => markDistribution([], -1)).toThrow(RangeError);
    expect(() => markDistribution([], 25, 0)).toThrow(RangeError);
  });
});

describe("levelHeatmap", () => {
  const criteria = [
    { id: "analysis", name: "Analysis", levelCount: 4 },
    { id: "knowledge", name: "Knowledge", levelCount: 4 },
    { id: "judgement", name: "Judgement", levelCount: 2 },
  ];
  const input: HeatmapInput = {
    criteria,
    students: [
      { id: "s1", name: "Ada", awards: [{ criterionId: "knowledge", level: 3 }, { criterionId: "analysis", level: 2 }, { criterionId: "judgement", level: 1 }] },
      { id: "s2", name: "Ben", awards: null },
      { id: "s3", name: "Cleo", awards: [{ criterionId: "analysis", level: 3 }, { criterionId: "knowledge", level: 4 }] },
      { id: "s4", name: "Dev", awards: [{ criterionId: "analysis", level: 0 }, { criterionId: "knowledge", level: 4 }, { criterionId: "judgement", level: 2 }] },
    ],
  };

  it("aligns each row's levels with the criteria, null where nothing was awarded", () => {
    const { rows } = levelHeatmap(input);
    expect(rows).toEqual([
      { studentId: "s1", name: "Ada", levels: [2, 3, 1] },
      { studentId: "s2", name: "Ben", levels: [null, null, null] },
      { studentId: "s3", name: "Cleo", levels: [3, 4, null] },
      { studentId: "s4", name: "Dev", levels: [0, 4, 2] },
    ]);
  });

  it("averages over the students awarded each criterion, to one decimal", () => {
    const heatmap = levelHeatmap(input);
    expect(heatmap.criteria).toEqual([
      { id: "analysis", name: "Analysis", levelCount: 4, average: 1.7, awardedCount: 3 },
      { id: "knowledge", name: "Knowledge", levelCount: 4, average: 3.7, awardedCount: 3 },
      { id: "judgement", name: "Judgement", levelCount: 2, average: 1.5, awardedCount: 2 },
    ]);
  });

  it("names the weakest criterion relative to its number of levels", () => {
    // Analysis 5/3 ÷ 4 = 0.42 beats Judgement 1.5 ÷ 2 = 0.75, though 1.7 > 1.5 in raw levels.
    expect(levelHeatmap(input).weakest).toEqual({ id: "analysis", name: "Analysis", relative: 0.42 });
  });

  it("breaks a tie in favour of the criterion listed first", () => {
    const tie = levelHeatmap({
      criteria: [criteria[0]!, criteria[1]!],
      students: [{ id: "s", name: "S", awards: [{ criterionId: "knowledge", level: 2 }, { criterionId: "analysis", level: 2 }] }],
    });
    expect(tie.weakest?.id).toBe("analysis");
  });

  it("has no weakest criterion with fewer than two criteria holding data", () => {
    expect(levelHeatmap({ criteria: [criteria[0]!], students: [{ id: "s", name: "S", awards: [{ criterionId: "analysis", level: 1 }] }] }).weakest).toBeNull();
    const oneWithData = levelHeatmap({ criteria, students: [{ id: "s", name: "S", awards: [{ criterionId: "analysis", level: 1 }] }] });
    expect(oneWithData.weakest).toBeNull();
    expect(oneWithData.criteria.map((c) => c.average)).toEqual([1, null, null]);
  });

  it("copes with no students and ignores awards for unknown criteria", () => {
    expect(levelHeatmap({ criteria, students: [] })).toEqual({
      criteria: criteria.map((c) => ({ ...c, average: null, awardedCount: 0 })),
      rows: [],
      weakest: null,
    });
    const stray = levelHeatmap({ criteria, students: [{ id: "s", name: "S", awards: [{ criterionId: "gone", level: 3 }] }] });
    expect(stray.rows[0]?.levels).toEqual([null, null, null]);
  });

  it("refuses a criterion without levels", () => {
    expect(() => levelHeatmap({ criteria: [{ id: "x", name: "X", levelCount: 0 }], students: [] })).toThrow(RangeError);
  });
});

describe("heatmapFromTallies", () => {
  const criteria = [
    { id: "analysis", name: "Analysis", levelCount: 4 },
    { id: "judgement", name: "Judgement", levelCount: 2 },
  ];

  it("gives one page of rows the whole class's averages and weakest, as levelHeatmap does over every row", () => {
    const students = Array.from({ length: 7 }, (_, i) => ({
      id: `s${i}`,
      name: `S${i}`,
      awards: [
        { criterionId: "analysis", level: i % 5 },
        ...(i % 3 ? [{ criterionId: "judgement", level: i % 2 }] : []),
      ],
    }));
    const whole = levelHeatmap({ criteria, students });
    const tallies = criteria.map((c, j) => {
      const levels = whole.rows.flatMap((r) => (r.levels[j] === null ? [] : [r.levels[j]!]));
      return { criterionId: c.id, sum: levels.reduce((a, b) => a + b, 0), count: levels.length };
    });
    const page = heatmapRows({ criteria, students: students.slice(2, 4) });
    expect(heatmapFromTallies(criteria, tallies, page)).toEqual({ ...whole, rows: whole.rows.slice(2, 4) });
  });

  it("treats a criterion with no tally as never awarded", () => {
    const heatmap = heatmapFromTallies(criteria, [{ criterionId: "analysis", sum: 6, count: 4 }], []);
    expect(heatmap.criteria.map((c) => [c.average, c.awardedCount])).toEqual([
      [1.5, 4],
      [null, 0],
    ]);
    expect(heatmap.weakest).toBeNull();
  });
});
