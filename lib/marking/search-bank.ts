import type { BankEntry } from "./comment-bank";

export type CriterionOption = { id: string; name: string };

/**
 * The comment-bank search as the teacher types: every word typed must appear somewhere in
 * the comment or its criterion's name, in any order. Entries tagged with the criterion the
 * teacher has chosen come first; otherwise the bank's own order (most used first) holds.
 */
export function searchBank(bank: BankEntry[], query: string, criterionId: string, criteria: CriterionOption[]): BankEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const names = new Map(criteria.map((c) => [c.id, c.name.toLowerCase()]));
  const hits = bank.filter((e) => {
    const haystack = `${e.text} ${names.get(e.criterionId) ?? e.criterionId}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  return hits.sort((a, b) => Number(b.criterionId === criterionId) - Number(a.criterionId === criterionId));
}
