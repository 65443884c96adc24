import { namePattern, stripNames, toQuote } from "./quotes";

// Whole-class feedback drawn from an assignment's marks and annotations (decision 032). Pure:
// lib/whole-class-feedback/whole-class.ts loads the rows; this counts and chooses.

export type AggregateCriterion = { id: string; name: string; levels: number[] };
export type AggregateAnnotation = { kind: "STRENGTH" | "TARGET"; criterionId: string; comment: string; exact: string };
/** One student's latest marked version: its levels (when every criterion has one) and its annotations. */
export type AggregateEssay = { studentName: string; awards: { criterionId: string; level: number }[] | null; annotations: AggregateAnnotation[] };
export type AggregateBankEntry = { text: string; criterionId: string; kind: "STRENGTH" | "TARGET" };

/** A comment several essays were given, with how many, and short quotes of passages it was given on. */
export type Theme = { comment: string; essays: number; quotes: string[] };
export type CriterionSummary = {
  criterionId: string;
  name: string;
  /** Every level of the criterion, lowest first, with how many essays were placed in it. */
  distribution: { level: number; count: number }[];
  /** Mean level as a share of the top level (0–1), or null with nothing marked. */
  meanShare: number | null;
  strengths: Theme[];
  targets: Theme[];
};
export type BankUse = { text: string; criterionId: string; criterionName: string; kind: "STRENGTH" | "TARGET"; uses: number };
export type WholeClassSummary = { essays: number; marked: number; criteria: CriterionSummary[]; bankUses: BankUse[] };

export const THEMES_PER_KIND = 3;
export const QUOTES_PER_THEME = 1;
export const BANK_USES_SHOWN = 5;

/** Comments match when they differ only in case, spacing or closing punctuation. */
export const commentKey = (comment: string) =>
  comment
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!?…]+$/, "");

function themes(essays: AggregateEssay[], criterionId: string, kind: AggregateAnnotation["kind"], names: RegExp | null): Theme[] {
  const byKey = new Map<string, { comment: string; students: Set<number>; quotes: string[] }>();
  essays.forEach((essay, i) => {
    for (const a of essay.annotations) {
      if (a.kind !== kind || a.criterionId !== criterionId) continue;
      const key = commentKey(a.comment);
      if (!key) continue;
      const theme = byKey.get(key) ?? { comment: stripNames(a.comment.trim(), names), students: new Set<number>(), quotes: [] };
      theme.students.add(i);
      const quote = toQuote(a.exact, names);
      if (quote && theme.quotes.length < QUOTES_PER_THEME && !theme.quotes.includes(quote)) theme.quotes.push(quote);
      byKey.set(key, theme);
    }
  });
  return [...byKey.values()]
    .map((t) => ({ comment: t.comment, essays: t.students.size, quotes: t.quotes }))
    .sort((a, b) => b.essays - a.essays || a.comment.localeCompare(b.comment))
    .slice(0, THEMES_PER_KIND);
}

/**
 * Per criterion: how the levels fell, the strengths and targets given most often (with a
 * quote each), and the comment-bank comments used most on this assignment. Names of anyone
 * in the class (`classNames`) are taken out of comments and quotes.
 */
export function summariseClass(input: { criteria: AggregateCriterion[]; essays: AggregateEssay[]; bank: AggregateBankEntry[]; classNames: string[] }): WholeClassSummary {
  const names = namePattern([...input.classNames, ...input.essays.map((e) => e.studentName)]);
  const marked = input.essays.filter((e) => e.awards);
  const criteria = input.criteria.map((c): CriterionSummary => {
    const levels = marked.map((e) => e.awards!.find((a) => a.criterionId === c.id)?.level).filter((l): l is number => l !== undefined);
    const top = Math.max(0, ...c.levels);
    const all = [...new Set([0, ...c.levels, ...levels])].sort((a, b) => a - b);
    return {
      criterionId: c.id,
      name: c.name,
      distribution: all.map((level) => ({ level, count: levels.filter((l) => l === level).length })),
      meanShare: levels.length && top ? levels.reduce((s, l) => s + l, 0) / levels.length / top : null,
      strengths: themes(input.essays, c.id, "STRENGTH", names),
      targets: themes(input.essays, c.id, "TARGET", names),
    };
  });

  const bankByKey = new Map(input.bank.map((b) => [`${b.criterionId}\u0000${commentKey(b.text)}`, b]));
  const uses = new Map<AggregateBankEntry, number>();
  for (const essay of input.essays) {
    for (const a of essay.annotations) {
      const entry = bankByKey.get(`${a.criterionId}\u0000${commentKey(a.comment)}`);
      if (entry) uses.set(entry, (uses.get(entry) ?? 0) + 1);
    }
  }
  const nameOf = (id: string) => input.criteria.find((c) => c.id === id)?.name ?? "Other";
  const bankUses = [...uses.entries()]
    .map(([b, n]) => ({ text: stripNames(b.text, names), criterionId: b.criterionId, criterionName: nameOf(b.criterionId), kind: b.kind, uses: n }))
    .sort((a, b) => b.uses - a.uses || a.text.localeCompare(b.text))
    .slice(0, BANK_USES_SHOWN);

  return { essays: input.essays.length, marked: marked.length, criteria, bankUses };
}
