import type { Plan } from "./plan-schema";

/** One field both tabs changed to different values; `mine`/`theirs` are readable values. */
export type PlanClash = { key: string; label: string; mine: string; theirs: string };
export type ClashChoice = "mine" | "theirs";

/**
 * Three-way, field-by-field merge of two plans saved from the same base (work in progress:
 * the signature is final, the body currently takes `theirs`).
 */
export function mergePlans(
  base: Plan,
  mine: Plan,
  theirs: Plan,
  choices: Record<string, ClashChoice> = {},
): { plan: Plan; clashes: PlanClash[] } {
  void base;
  void mine;
  void choices;
  return { plan: structuredClone(theirs), clashes: [] };
}
