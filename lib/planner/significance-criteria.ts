// Built-in criteria for judging significance (see /work/shared/PEDAGOGY.md). Ids are stored
// in plans, so never rename one: add a new criterion instead.

export type CriterionFamily = "everyday" | "partington" | "name";

export type SignificanceCriterion = {
  id: string;
  name: string;
  family: CriterionFamily;
  /** A prompt the student can answer about any factor. */
  question: string;
};

// Families are named in full: a student meeting "NAME" or "Partington" for the first time
// should not need to know the mnemonic or the historian to use them.
export const CRITERION_FAMILIES: readonly { id: CriterionFamily; name: string; description: string }[] = [
  { id: "everyday", name: "Scale, duration and depth of impact", description: "Three quick tests anyone can apply." },
  {
    id: "partington",
    name: "Importance, profundity, quantity, durability and relevance",
    description: "Partington's criteria: five tests from the historian Geoffrey Partington.",
  },
  { id: "name", name: "Novelty, applicability, memory and effect", description: "The NAME criteria, from the initials of the four tests." },
];

export const SIGNIFICANCE_CRITERIA: readonly SignificanceCriterion[] = [
  { id: "everyday-scale", name: "Scale", family: "everyday", question: "How many people, places or parts of life did it affect?" },
  { id: "everyday-duration", name: "Duration", family: "everyday", question: "How long did its effects last?" },
  { id: "everyday-depth", name: "Depth of impact", family: "everyday", question: "How much did it really change things for the people it affected?" },

  { id: "partington-importance", name: "Importance at the time", family: "partington", question: "How much did it matter to people living at the time?" },
  { id: "partington-profundity", name: "Profundity", family: "partington", question: "How deeply were people's lives affected?" },
  { id: "partington-quantity", name: "Quantity", family: "partington", question: "How many people were affected?" },
  { id: "partington-durability", name: "Durability", family: "partington", question: "For how long were people's lives affected?" },
  { id: "partington-relevance", name: "Relevance today", family: "partington", question: "Does it still matter, or help us understand the world today?" },

  { id: "name-novelty", name: "Novelty", family: "name", question: "Was it new, or different from what had happened before?" },
  { id: "name-applicability", name: "Applicability", family: "name", question: "How widely did it apply: to how many people, places or areas of life?" },
  { id: "name-memory", name: "Memory", family: "name", question: "Is it remembered, and does it still shape how people think?" },
  { id: "name-effect", name: "Effect", family: "name", question: "What did it lead to, and how big were those consequences?" },
];

const BY_ID = new Map(SIGNIFICANCE_CRITERIA.map((c) => [c.id, c]));

export function findCriterion(id: string): SignificanceCriterion | undefined {
  return BY_ID.get(id);
}

/**
 * The names of the criteria a plan has chosen: built-ins in the order chosen, then the
 * student's own. Unknown ids (a criterion since retired) and blank custom text are skipped.
 */
export function chosenCriteriaNames(criteria: readonly string[], customCriteria: readonly string[]): string[] {
  const builtIn = criteria.flatMap((id) => findCriterion(id)?.name ?? []);
  const custom = customCriteria.map((c) => c.trim()).filter((c) => c !== "");
  return [...builtIn, ...custom];
}
