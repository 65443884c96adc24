import { describe, expect, it } from "vitest";
import { mulberry32 } from "../seeded-random";
import { chooseSample, randomCount, type Candidate } from "./sample";

const candidates = (n: number): Candidate[] => Array.from({ length: n }, (_, i) => ({ submissionId: `s${String(i).padStart(2, "0")}`, total: i }));
const ids = (xs: { submissionId: string }[]) => xs.map((x) => x.submissionId);

describe("chooseSample", () => {
  it("ALL takes every candidate", () => {
    expect(ids(chooseSample(candidates(4), { method: "ALL" })).sort()).toEqual(["s00", "s01", "s02", "s03"]);
  });

  it("RANDOM takes N% rounded up, the same sample for the same seed whatever order the candidates come in", () => {
    const list = candidates(20);
    const a = chooseSample(list, { method: "RANDOM", percent: 25, seed: 42 });
    const b = chooseSample([...list].reverse(), { method: "RANDOM", percent: 25, seed: 42 });
    expect(a).toHaveLength(5);
    expect(ids(b)).toEqual(ids(a));
    expect(new Set(ids(a)).size).toBe(5);
  });

  it("RANDOM with another seed draws another sample", () => {
    const list = candidates(30);
    const a = ids(chooseSample(list, { method: "RANDOM", percent: 20, seed: 1 }));
    const b = ids(chooseSample(list, { method: "RANDOM", percent: 20, seed: 2 }));
    expect(a).not.toEqual(b);
  });

  it("RANDOM is not always the first N (the shuffle moves things)", () => {
    const firstFive = ids(candidates(5));
    const drawn = [1, 2, 3, 4, 5].map((seed) => ids(chooseSample(candidates(20), { method: "RANDOM", percent: 25, seed })));
    expect(drawn.some((d) => d.join() !== firstFive.join())).toBe(true);
  });

  it("randomCount rounds up, keeps at least one, never more than there are", () => {
    expect(randomCount(0, 50)).toBe(0);
    expect(randomCount(3, 10)).toBe(1);
    expect(randomCount(10, 10)).toBe(1);
    expect(randomCount(11, 10)).toBe(2);
    expect(randomCount(7, 100)).toBe(7);
    expect(randomCount(7, 150)).toBe(7);
  });

  it("SPREAD takes the top, middle and bottom by first mark", () => {
    // totals 0..9: top 9,8; middle (start floor((10-2)/2)=4 in descending order) 5,4; bottom 1,0.
    const got = chooseSample(candidates(10), { method: "SPREAD", perGroup: 2 });
    expect(got).toEqual([
      { submissionId: "s09", group: "top" },
      { submissionId: "s08", group: "top" },
      { submissionId: "s05", group: "middle" },
      { submissionId: "s04", group: "middle" },
      { submissionId: "s01", group: "bottom" },
      { submissionId: "s00", group: "bottom" },
    ]);
  });

  it("SPREAD with too few candidates for three separate groups takes them all", () => {
    expect(chooseSample(candidates(6), { method: "SPREAD", perGroup: 2 })).toHaveLength(6);
    expect(chooseSample(candidates(7), { method: "SPREAD", perGroup: 2 })).toHaveLength(6);
  });

  it("SPREAD breaks ties by id, so equal marks give the same sample every time", () => {
    const tied = ["d", "a", "c", "b", "e"].map((id) => ({ submissionId: id, total: 10 }));
    expect(ids(chooseSample(tied, { method: "SPREAD", perGroup: 1 }))).toEqual(["a", "c", "e"]);
  });
});

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
