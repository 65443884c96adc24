import { stemmer } from "stemmer";
import type { BankEntry } from "./comment-bank";

// The comment bank as the marking desk shows it. A teacher has one bank across all their
// assignments, but each comment was saved under a criterion of whichever mark scheme it was
// written for: "overall" (a holistic ladder), "judgement" (a strand), "analysis-judgement"
// (a summed table). On another scheme that id means nothing, so each entry is shown by its
// criterion's name, and "Use" fills the criterion of the scheme on screen that it belongs to:
//   1. the same criterion, when this scheme has it;
//   2. the only criterion of a holistic ladder;
//   3. the criterion whose name shares the most words with the one it was saved under
//      ("Evaluation and judgement" → "Analysis and judgement");
//   4. among those still tied, the one whose name and description share the most words
//      with the comment itself ("Add precise evidence here" → Knowledge: "the evidence used");
//   5. otherwise none: the teacher chooses, told which criterion the comment was saved under.
// A wrong guess would file the comment, and its evidence, under the wrong criterion without
// anyone noticing, so step 5 asks rather than picking the first.

export type BankCriterion = { id: string; name: string; description?: string };

export type BankRow = BankEntry & {
  /** The criterion of the scheme on screen that "Use" fills, or null for the teacher to choose. */
  fillCriterionId: string | null;
  /** What the row says about its criterion: names only, never ids. */
  criterionLabel: string;
};

// Words that say nothing about which criterion a comment is about: function words, and the
// words every descriptor uses ("the answer", "the question").
const STOP = new Set(
  (
    "a an and are as at be been but by can do does for from has have here how if in into is it its more most of on or rather so such " +
    "than that the their them then there these they this those to too up was were what when where whether which while who why will with " +
    "you your answer answers question questions essay level levels mark marks marked table own out"
  ).split(" "),
);

// A bank of hundreds of comments is viewed against the same few criteria on every change.
const stemCache = new Map<string, Set<string>>();

function stems(text: string): Set<string> {
  const cached = stemCache.get(text);
  if (cached) return cached;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // British "-isation" read as "-ization" (the Porter stemmer is American), as coverage does.
  const found = new Set(words.filter((w) => !STOP.has(w) && w.length > 1).map((w) => stemmer(w.replace(/is(ation|ations|e|es|ed|ing)$/, "iz$1"))));
  if (stemCache.size > 2000) stemCache.clear();
  stemCache.set(text, found);
  return found;
}

const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

/** The criteria with the highest score, if it is above zero. */
function best<T>(items: T[], score: (item: T) => number): T[] {
  const scored = items.map((item) => ({ item, score: score(item) }));
  const top = Math.max(0, ...scored.map((s) => s.score));
  return top === 0 ? [] : scored.filter((s) => s.score === top).map((s) => s.item);
}

/** Which criterion of `criteria` a bank entry belongs to on this scheme, or null when it cannot tell. */
export function criterionToFill(entry: Pick<BankEntry, "criterionId" | "criterionName" | "text">, criteria: BankCriterion[]): string | null {
  if (criteria.some((c) => c.id === entry.criterionId)) return entry.criterionId;
  if (criteria.length === 1) return criteria[0]!.id;
  const savedUnder = stems(`${entry.criterionId.replaceAll("-", " ")} ${entry.criterionName}`);
  const byName = best(criteria, (c) => overlap(savedUnder, stems(`${c.id.replaceAll("-", " ")} ${c.name}`)));
  if (byName.length === 1) return byName[0]!.id;
  const said = stems(entry.text);
  const byComment = best(byName.length ? byName : criteria, (c) => overlap(said, stems(`${c.name} ${c.description ?? ""}`)));
  return byComment.length === 1 ? byComment[0]!.id : null;
}

/** Each entry with the criterion "Use" fills on this scheme and a label naming it. */
export function viewBank(bank: BankEntry[], criteria: BankCriterion[]): BankRow[] {
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  return bank.map((entry) => {
    const fillCriterionId = criterionToFill(entry, criteria);
    const fill = fillCriterionId ? names.get(fillCriterionId)! : null;
    const saved = names.get(entry.criterionId) ?? entry.criterionName;
    const criterionLabel = fill === saved ? saved : fill ? `${fill} (saved under ${saved})` : `Saved under ${saved}: choose the criterion`;
    return { ...entry, fillCriterionId, criterionLabel };
  });
}

/**
 * Whether the bank already holds this comment under this criterion: the bank's own unique
 * key (teacher, criterion, text), the teacher being the one whose bank it is.
 */
export function isInBank(bank: Pick<BankEntry, "criterionId" | "text">[], annotation: { criterionId: string; comment: string }): boolean {
  return bank.some((e) => e.criterionId === annotation.criterionId && e.text === annotation.comment);
}
