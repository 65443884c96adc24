import { JUDGEMENT_LINE, WEIGHT_MAX } from "./plan-limits";
import type { Evidence, EvidenceSource, Factor, FactorKind } from "./plan-schema";
import { findCriterion } from "./significance-criteria";

// What a student reads when two tabs changed the same part of a plan: a label naming the part
// in the planner's own words and each side's value as text. Pure, so the merge can be tested
// by what it would show.

export const DELETED = "(deleted)";

export const FACTOR_FIELD_NAMES = {
  name: "name",
  kind: "kind",
  weight: "weight",
  argumentFor: "argument for",
  argumentAgainst: "argument against",
  miniJudgement: "mini-judgement",
  area: "area",
} as const satisfies Record<Exclude<keyof Factor, "id" | "evidence">, string>;

export type FactorField = keyof typeof FACTOR_FIELD_NAMES;

const KIND_NAMES: Record<FactorKind, string> = {
  stated: "the question's factor",
  other: "another factor",
  claim: "the case for the claim",
  counter: "the case against the claim",
};

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const showText = (v: string) => (v.trim() ? v : "(empty)");

export function showFactorField(field: FactorField, value: Factor[FactorField]): string {
  if (field === "weight") return value == null ? "(no weight)" : `${value as number} of ${WEIGHT_MAX}`;
  if (field === "kind") return KIND_NAMES[value as FactorKind];
  if (field === "area") return typeof value === "string" && value.trim() ? value : "(none)";
  return showText(value as string);
}

export const showPosition = (v: number | null) =>
  v == null ? "(not placed on the line)" : `${v} of ${JUDGEMENT_LINE.max}`;

export const showSource = (s: EvidenceSource) =>
  s.kind === "bank" ? `From your notes: ${s.path.join(" › ") || "(no heading)"}` : "Your own evidence";

/** “Economic failures”, from whichever version has a name, the student's own first. */
export function factorLabel(...versions: (Factor | undefined)[]): string {
  const name = versions.find((f) => f?.name.trim())?.name;
  return `“${clip(name ?? "Untitled factor", 60)}”`;
}

export function evidenceLabel(factor: string, ...versions: (Evidence | undefined)[]): string {
  const text = versions.find((e) => e?.text.trim())?.text;
  return `${factor}: evidence “${clip(text ?? "", 40)}”`;
}

export function showEvidenceList(list: Evidence[]): string {
  if (!list.length) return "(no evidence)";
  return `${list.length} ${list.length === 1 ? "piece" : "pieces"}: ${list.map((e) => `“${clip(e.text, 40)}”`).join("; ")}`;
}

export function showFactorList(list: Factor[]): string {
  if (!list.length) return "(no factors)";
  return `${list.length} ${list.length === 1 ? "factor" : "factors"}: ${list.map((f) => clip(f.name || "Untitled factor", 40)).join("; ")}`;
}

export const showCriteria = (ids: string[]) =>
  ids.length ? ids.map((id) => findCriterion(id)?.name ?? id).join("; ") : "(none chosen)";

export const showCustomCriteria = (list: string[]) => (list.length ? list.join("; ") : "(none)");

/** "Kept, with changes to its argument for and evidence", for a factor the other side deleted. */
export function showKeptWithChanges(changed: string[]): string {
  if (!changed.length) return "Kept";
  const list = changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(", ")} and ${changed.at(-1)}`;
  return `Kept, with changes to its ${list}`;
}
