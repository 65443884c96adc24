import { describe, expect, it } from "vitest";
import { assignCandidateNumbers, candidateLabel, drawCandidateNumbers, namesHidden } from "./blind";
import { displayName } from "./display-name";

// A seeded generator, so a failure can be replayed.
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const roster = (n: number) => Array.from({ length: n }, (_, i) => `student-${String(i).padStart(3, "0")}`);

describe("namesHidden", () => {
  it("hides names only while blind marking is on and nobody has revealed them", () => {
    expect(namesHidden({ blindMarking: true, namesRevealedAt: null })).toBe(true);
    expect(namesHidden({ blindMarking: true, namesRevealedAt: new Date() })).toBe(false);
    expect(namesHidden({ blindMarking: false, namesRevealedAt: null })).toBe(false);
  });
});

describe("drawCandidateNumbers", () => {
  it("draws distinct four-digit numbers that avoid the ones taken", () => {
    const taken = [1000, 4821, 9999];
    const drawn = drawCandidateNumbers(taken, 200, seeded(1));
    expect(new Set(drawn).size).toBe(200);
    for (const n of drawn) {
      expect(n).toBeGreaterThanOrEqual(1000);
      expect(n).toBeLessThanOrEqual(9999);
      expect(taken).not.toContain(n);
    }
  });

  it("moves to five digits before four run short, so a large class never runs out", () => {
    const drawn = drawCandidateNumbers([], 5000, seeded(2));
    expect(new Set(drawn).size).toBe(5000);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(99_999);
  });

  it("refuses a count that is not a whole number", () => {
    expect(() => drawCandidateNumbers([], -1, seeded(3))).toThrow(RangeError);
    expect(() => drawCandidateNumbers([], 1.5, seeded(3))).toThrow(RangeError);
  });
});

describe("assignCandidateNumbers", () => {
  it("gives every student a number unique within the assignment", () => {
    const numbers = assignCandidateNumbers(new Map(), roster(60), seeded(4));
    expect(numbers.size).toBe(60);
    expect(new Set(numbers.values()).size).toBe(60);
  });

  it("keeps the numbers already given when students join, and gives the newcomers unused ones", () => {
    const first = assignCandidateNumbers(new Map(), roster(30), seeded(5));
    const joined = [...roster(30), "newcomer-a", "newcomer-b"];
    const added = assignCandidateNumbers(first, joined, seeded(6));
    expect([...added.keys()]).toEqual(["newcomer-a", "newcomer-b"]);
    const all = new Map([...first, ...added]);
    expect(new Set(all.values()).size).toBe(32);
    // Nobody who had a number is given another.
    for (const [id, n] of first) expect(all.get(id)).toBe(n);
  });

  it("does not follow the alphabetical roster: the order of numbers is not the order of names", () => {
    const ids = roster(40);
    const numbers = assignCandidateNumbers(new Map(), ids, seeded(7));
    const inNumberOrder = [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(inNumberOrder).not.toEqual(ids);
    // Nor is it a fixed function of the student: another draw gives other numbers.
    const again = assignCandidateNumbers(new Map(), ids, seeded(8));
    expect(ids.filter((id) => again.get(id) === numbers.get(id)).length).toBeLessThan(3);
  });

  it("counts a student given twice once", () => {
    expect(assignCandidateNumbers(new Map(), ["a", "a", "b"], seeded(9)).size).toBe(2);
  });
});

describe("displayName", () => {
  const student = { name: "Ada Lovelace" };
  it("shows the name unless the assignment's names are hidden", () => {
    expect(displayName(student)).toBe("Ada Lovelace");
    expect(displayName(student, { hidden: false, candidate: 4821 })).toBe("Ada Lovelace");
  });
  it("shows the candidate number, and nothing of the name, while names are hidden", () => {
    const shown = displayName(student, { hidden: true, candidate: 4821 });
    expect(shown).toBe("Candidate 4821");
    expect(shown).not.toMatch(/Ada|Lovelace/);
    expect(displayName(student, { hidden: true, candidate: null })).toBe(candidateLabel(null));
  });
});
