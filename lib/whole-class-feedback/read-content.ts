import type { Rubric } from "../rubrics/rubric-schema";
import { WholeClassContentSchema, type WholeClassContent } from "./schemas";

/** Stored content in the rubric's order, one section per criterion; anything unreadable reads as empty. */
export function readWholeClassContent(raw: unknown, rubric: Pick<Rubric, "criteria">): WholeClassContent {
  const parsed = WholeClassContentSchema.safeParse(raw);
  const content = parsed.success ? parsed.data : { intro: "", criteria: [], comments: "" };
  return {
    ...content,
    criteria: rubric.criteria.map((c) => content.criteria.find((x) => x.criterionId === c.id) ?? { criterionId: c.id, strengths: "", targets: "" }),
  };
}

/** Nothing written in any section. */
export const isEmptyContent = (c: WholeClassContent) => !c.intro && !c.comments && c.criteria.every((x) => !x.strengths && !x.targets);
