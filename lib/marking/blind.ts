// Blind marking's pure rules (docs/decisions/029-blind-marking.md): when an assignment's names
// are hidden, and how candidate numbers are drawn. The numbers are stored (CandidateNumber)
// once drawn, so a student keeps theirs as others join or leave; drawing them here from a
// random source, never from the name or the roster order, is what keeps them unguessable.

export type BlindState = { blindMarking: boolean; namesRevealedAt: Date | null };

/** Markers see candidate numbers, not names: blind marking is on and nobody has revealed them. */
export function namesHidden(a: BlindState): boolean {
  return a.blindMarking && a.namesRevealedAt === null;
}

// Four digits while they last (a class of 30 has 9,000 to choose from), then five, six…:
// a number never looks like a roster position, and the range never runs out.
function rangeFor(needed: number): { low: number; size: number } {
  let low = 1000;
  while (low * 9 < needed * 2) low *= 10;
  return { low, size: low * 9 };
}

/**
 * `count` new candidate numbers, distinct from each other and from `taken`, chosen uniformly
 * from the free numbers of the range by `random` (a value in [0, 1), crypto-backed in the app).
 */
export function drawCandidateNumbers(taken: Iterable<number>, count: number, random: () => number): number[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number; got ${count}.`);
  const used = new Set(taken);
  const { low, size } = rangeFor(used.size + count);
  const drawn: number[] = [];
  while (drawn.length < count) {
    // Rejection sampling: at most half the range is ever in use, so this ends quickly.
    const n = low + Math.floor(random() * size);
    if (n >= low && n < low + size && !used.has(n)) {
      used.add(n);
      drawn.push(n);
    }
  }
  return drawn;
}

/**
 * Numbers for the students who have none yet; students who already have one keep it.
 * Returns only the new pairs, in the order the students were given.
 */
export function assignCandidateNumbers(existing: ReadonlyMap<string, number>, studentIds: readonly string[], random: () => number): Map<string, number> {
  const missing = [...new Set(studentIds)].filter((id) => !existing.has(id));
  const numbers = drawCandidateNumbers(existing.values(), missing.length, random);
  return new Map(missing.map((id, i) => [id, numbers[i]!]));
}

export const candidateLabel = (number: number | null | undefined) => (number == null ? "Candidate (number pending)" : `Candidate ${number}`);
