import type { BankRow } from "./bank-view";

export type CriterionOption = { id: string; name: string; description?: string };

/**
 * The comment-bank search as the teacher types: every word typed must appear somewhere in
 * the comment or its criterion's label (the names it is shown with, bank-view.ts), in any
 * order. Entries that fill the criterion the teacher has chosen come first; otherwise the
 * bank's own order (most used first) holds.
 */
export function searchBank(rows: BankRow[], query: string, criterionId: string): BankRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = rows.filter((row) => {
    const haystack = `${row.text} ${row.criterionLabel}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const chosen = (row: BankRow) => Number(criterionId !== "" && row.fillCriterionId === criterionId);
  return hits.sort((a, b) => chosen(b) - chosen(a));
}
