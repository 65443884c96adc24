import { z } from "zod";
import { ID_PATTERN, proseText } from "../validation/text";
import { JUDGEMENT_LINE, PLAN_LIMITS, WEIGHT_MAX, WEIGHT_MIN } from "./plan-limits";

// A plan is stored as JSON on the Plan row and re-sent by the planner on every autosave, so
// every string and list is bounded here: this schema is the only thing between a client and
// the database column. Text is deliberately not trimmed and may be empty: the planner saves
// half-typed work, and trimming on save would eat the space a student has just typed.
// Whether a plan is *finished* is checkPlan's job, not the schema's.

// Every text in a plan is prose: a NUL or non-character from a paste is dropped (jsonb refuses
// \u0000), never a reason to refuse the save.
const text = (max: number, what: string) => proseText().max(max, `Keep ${what} under ${max} characters.`);

// Ids end up as React keys and DOM ids, so keep them to a safe alphabet (uuid, cuid).
const Id = z
  .string()
  .min(1)
  .max(PLAN_LIMITS.idLength)
  .regex(ID_PATTERN, "Ids may only hold letters, digits, '-' and '_'.");

export const EvidenceSourceSchema = z.discriminatedUnion("kind", [
  // From the teacher's notes: the point's id plus the heading path, kept so the planner can
  // show where it came from even after the notes are re-imported and the id is gone.
  z.object({
    kind: z.literal("bank"),
    pointId: Id,
    path: z.array(text(PLAN_LIMITS.bankPathPart, "each heading")).max(PLAN_LIMITS.bankPath),
  }),
  z.object({ kind: z.literal("own") }),
]);

export const EvidenceSchema = z.object({
  id: Id,
  text: text(PLAN_LIMITS.evidenceText, "each piece of evidence"),
  source: EvidenceSourceSchema,
  // The student marked it as evidence the essay must use (the submit check lists it if unused).
  // Optional so plans saved before the flag still parse: absent means not key.
  key: z.boolean().optional(),
});

export const FactorKindSchema = z.enum(["stated", "other", "claim", "counter"]);

export const FactorSchema = z.object({
  id: Id,
  name: text(PLAN_LIMITS.factorName, "the factor's name"),
  // stated: the factor the question names; other: any other factor;
  // claim / counter: the case for / against a to-what-extent claim.
  kind: FactorKindSchema,
  evidence: z
    .array(EvidenceSchema)
    .max(PLAN_LIMITS.evidencePerFactor, `A factor can hold up to ${PLAN_LIMITS.evidencePerFactor} pieces of evidence.`),
  argumentFor: text(PLAN_LIMITS.argument, "the argument"),
  argumentAgainst: text(PLAN_LIMITS.argument, "the counter-argument"),
  weight: z.number().int().min(WEIGHT_MIN).max(WEIGHT_MAX).nullable(),
  miniJudgement: text(PLAN_LIMITS.miniJudgement, "the mini-judgement"),
  // To-what-extent plans weigh claim and counter area by area ("Political", "Economic"…).
  area: text(PLAN_LIMITS.area, "the area").optional(),
});

export const JudgementSchema = z.object({
  position: z.number().min(JUDGEMENT_LINE.min).max(JUDGEMENT_LINE.max).nullable(),
  argument: text(PLAN_LIMITS.lineOfArgument, "your line of argument"),
});

const unique = (list: string[]) => new Set(list).size === list.length;

export const PlanSchema = z
  .object({
    // Order is the student's own (they sort by weight as they plan); the outline re-sorts.
    factors: z.array(FactorSchema).max(PLAN_LIMITS.factors, `A plan can hold up to ${PLAN_LIMITS.factors} factors.`),
    // Ids of chosen built-in criteria (significance-criteria.ts). Unknown ids are kept, not
    // rejected, so a plan saved before a criterion was renamed still loads; readers skip them.
    criteria: z.array(Id).max(PLAN_LIMITS.criteria).refine(unique, "Each criterion can be chosen once."),
    // The student's own criteria, as text; every one listed counts as chosen.
    customCriteria: z.array(text(PLAN_LIMITS.criterion, "each criterion")).max(PLAN_LIMITS.customCriteria),
    judgement: JudgementSchema,
  })
  .superRefine((plan, ctx) => {
    // Ids must be unique across the plan so the UI can address any factor or evidence by id.
    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path, message: `The id "${id}" is used twice.` });
      seen.add(id);
    };
    plan.factors.forEach((factor, i) => {
      claim(factor.id, ["factors", i, "id"]);
      factor.evidence.forEach((item, j) => claim(item.id, ["factors", i, "evidence", j, "id"]));
    });
  });

export type Plan = z.infer<typeof PlanSchema>;
export type Factor = z.infer<typeof FactorSchema>;
export type FactorKind = z.infer<typeof FactorKindSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;
export type Judgement = z.infer<typeof JudgementSchema>;
