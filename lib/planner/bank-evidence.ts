import { PLAN_LIMITS } from "./plan-limits";
import type { Evidence } from "./plan-schema";

export type BankPointRef = { id: string; text: string; path: string[] };

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * A point from the teacher's notes as a piece of evidence that fits the plan's limits: notes
 * can hold points longer than a plan accepts, and a plan the server refuses stops saving
 * until the student notices. `trimmed` tells the planner to say it was shortened.
 */
export function evidenceFromBank(point: BankPointRef, makeId: () => string): { evidence: Evidence; trimmed: boolean } {
  const text = clip(point.text, PLAN_LIMITS.evidenceText);
  const path = point.path.slice(0, PLAN_LIMITS.bankPath).map((part) => clip(part, PLAN_LIMITS.bankPathPart));
  return { evidence: { id: makeId(), text, source: { kind: "bank", pointId: point.id, path } }, trimmed: text !== point.text };
}

export const bankPointTooLong = (point: { text: string }) => point.text.length > PLAN_LIMITS.evidenceText;
