import { mulberry32 } from "../seeded-random";

// Choosing which essays are second-marked. Pure: the caller passes the candidates (every
// handed-in version of the assignment with a complete first marking) and gets back the
// chosen submission ids. The order of the candidates does not matter: each method sorts
// them first, so the same candidates and choice always give the same sample.

export type Candidate = { submissionId: string; total: number };

export type SampleChoice =
  | { method: "ALL" }
  /** percent of the candidates (rounded up, at least one), shuffled by `seed`. */
  | { method: "RANDOM"; percent: number; seed: number }
  /** perGroup from the top, the middle and the bottom by first mark (all of them when there are too few). */
  | { method: "SPREAD"; perGroup: number };

export type SampledGroup = "top" | "middle" | "bottom" | null;
export type Sampled = { submissionId: string; group: SampledGroup };

const byId = (a: Candidate, b: Candidate) => (a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0);

export function chooseSample(candidates: Candidate[], choice: SampleChoice): Sampled[] {
  const sorted = [...candidates].sort(byId);
  switch (choice.method) {
    case "ALL":
      return sorted.map((c) => ({ submissionId: c.submissionId, group: null }));
    case "RANDOM":
      return shuffle(sorted, choice.seed)
        .slice(0, randomCount(sorted.length, choice.percent))
        .map((c) => ({ submissionId: c.submissionId, group: null }));
    case "SPREAD":
      return spread(sorted, choice.perGroup);
  }
}

/** How many a random N% sample holds: rounded up, so a small class still gets one. */
export function randomCount(candidates: number, percent: number): number {
  if (candidates === 0) return 0;
  const count = Math.ceil((candidates * Math.min(100, Math.max(0, percent))) / 100);
  return Math.min(candidates, Math.max(1, count));
}

// Highest first mark first; ties by id, so the order never depends on the database's.
function spread(sorted: Candidate[], perGroup: number): Sampled[] {
  const ranked = [...sorted].sort((a, b) => b.total - a.total || byId(a, b));
  const n = ranked.length;
  const k = Math.max(1, perGroup);
  if (n <= 3 * k) return ranked.map((c) => ({ submissionId: c.submissionId, group: null }));
  // With n > 3k the three windows never overlap: the middle one starts at or after k and
  // ends at or before n − k.
  const middleStart = Math.floor((n - k) / 2);
  const pick = (from: number, group: SampledGroup) => ranked.slice(from, from + k).map((c) => ({ submissionId: c.submissionId, group }));
  return [...pick(0, "top"), ...pick(middleStart, "middle"), ...pick(n - k, "bottom")];
}

// Fisher–Yates with mulberry32: a tiny, well-known generator whose output depends only on
// the seed, so the sample can be drawn again from the recorded seed on any machine.
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
