import { db } from "../lib/db";
import type { Prisma } from "../lib/generated/prisma/client";
import type { SessionUser } from "../lib/auth/sessions";
import { isWellFormedJoinCode } from "../lib/classes/join-code";
import { addQuestion } from "../lib/questions/questions";
import { columnsToAnalysis } from "../lib/questions/question-record";
import type { QuestionAnalysis } from "../lib/questions/analyse-question";
import { pinRubric } from "../lib/rubrics/internal/pin-rubric";
import { rubricFromSnapshot } from "../lib/rubrics/rubric-catalogue";
import { checkPartialMarking, validateMarking, type Award } from "../lib/rubrics/marks";
import type { Rubric } from "../lib/rubrics/rubric-schema";
import { anchorFor } from "../lib/annotations/anchor";
import { areaFactors, blankFactor, initialPlan } from "../lib/planner/initial-plan";
import { PlanSchema, type Evidence, type Factor, type Plan } from "../lib/planner/plan-schema";
import { countWords } from "../lib/drafts/word-count";
import { mulberry32 } from "../lib/seeded-random";
import {
  ADDRESSED_NOTES,
  BIG_CLASS,
  BIG_CLASS_STUDENTS,
  emailFor,
  EVEN_BETTER_IF,
  EXTRA_QUESTIONS,
  REDRAFT_ASK,
  RESPONSES,
  WENT_WELL,
} from "./seed-data/class-13b";
import { ESSAYS, PLANS, type EssayPool, type EvidenceSeed, type FactorFill, type Fragment, type PlanSeed, type Strand } from "./seed-data/essay-fragments";

// The demo's second class: 13B History, thirty students and six assignments over a term, in
// every state the class board shows (not started to returned and resubmitted), with marks
// spread across the levels. Judgement is the class's weakest strand and knowledge its
// strongest, so the heatmap has something to say.
//
// Speed: the rows are written with createMany (the demo's one password hash), not through lib/
// one student at a time, so the whole seed stays fast on the embedded database. Validity:
// every marking is checked with validateMarking, every plan with PlanSchema, every annotation
// anchored with anchorFor, so the demo never holds data the app would refuse.
// Determinism: a seeded generator makes every choice; only dates (relative to now) and row
// ids differ between machines.

export { BIG_CLASS, BIG_CLASS_STUDENTS } from "./seed-data/class-13b";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

// ---------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32, lib/seeded-random.ts).

type Rng = ReturnType<typeof makeRng>;

function makeRng(seed: number) {
  const next = mulberry32(seed);
  const rng = {
    next,
    between: (a: number, b: number) => a + (b - a) * next(),
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(list: readonly T[]): T => {
      if (!list.length) throw new Error("seed: pick from an empty list");
      return list[Math.floor(next() * list.length)]!;
    },
    normal: () => {
      const u = Math.max(next(), 1e-9);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    id: () => {
      let s = "";
      for (let i = 0; i < 12; i++) s += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(next() * 36)];
      return s;
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------
// The term: six assignments, and how far each student has got on each.

type EssayKey = keyof typeof ESSAYS;
type PlanKey = keyof typeof PLANS;

// What a student's work on one assignment has come to. "partMarked": handed in, marking begun
// but not complete (the board still shows it as handed in). "redrafting": returned with a
// redraft asked for, and being rewritten.
type Outcome = "none" | "planning" | "drafting" | "submitted" | "partMarked" | "marked" | "returned" | "redrafting" | "resubmitted";

type AssignmentSpec = {
  question: { imported: "TO_WHAT_EXTENT" | "HOW_FAR" } | { manual: keyof typeof EXTRA_QUESTIONS };
  essay: EssayKey | null;
  plan: PlanKey | null;
  rubricId: string;
  dueInDays: number;
  // When it was set, in days before now (0: today).
  setDaysAgo: number;
  closedDaysAfterDue?: number;
  wordLimit: number;
  instructions: string;
  handedIn: number;
  late: number;
  drafting: number;
  planning: number;
  // How the teacher has got on with the handed-in work, in the order it came in.
  marking: "all-returned" | "in-progress" | "none";
  // The share of students with unfinished work who have gone quiet (no activity for 6+ days).
  quiet: number;
  // Marked blind with the names hidden (docs/decisions/029): the queue, desk and board show candidate numbers.
  blind?: boolean;
};

const STRANDS = "strands-20-four-strands";
const SUMMED = "summed-30-two-tables";
const HOLISTIC = "holistic-25-five-levels";

const TERM: AssignmentSpec[] = [
  {
    question: { manual: "virginLands" },
    essay: "virginLands",
    plan: "virginLands",
    rubricId: STRANDS,
    dueInDays: -35,
    setDaysAgo: 56,
    closedDaysAfterDue: 12,
    wordLimit: 1200,
    instructions: "Weigh the short-term gains against the long-term problems, and decide how far it succeeded on its own terms.",
    handedIn: 28,
    late: 3,
    drafting: 1,
    planning: 0,
    marking: "all-returned",
    quiet: 1,
  },
  {
    question: { manual: "secretSpeech" },
    essay: "secretSpeech",
    plan: "secretSpeech",
    rubricId: SUMMED,
    dueInDays: -28,
    setDaysAgo: 45,
    closedDaysAfterDue: 12,
    wordLimit: 1500,
    instructions: "Use criteria for significance (scale, duration, depth of impact) and apply them to every consequence you discuss.",
    handedIn: 29,
    late: 2,
    drafting: 0,
    planning: 1,
    marking: "all-returned",
    quiet: 1,
  },
  {
    question: { imported: "TO_WHAT_EXTENT" },
    essay: "transform",
    plan: "transform",
    rubricId: STRANDS,
    dueInDays: -7,
    setDaysAgo: 21,
    wordLimit: 1200,
    instructions: "Weigh change against continuity area by area (political, economic, social, cultural) before you reach an overall judgement.",
    handedIn: 23,
    late: 3,
    drafting: 3,
    planning: 2,
    marking: "in-progress",
    quiet: 0.7,
  },
  {
    question: { imported: "HOW_FAR" },
    essay: "deStalinisation",
    plan: "deStalinisation",
    rubricId: HOLISTIC,
    dueInDays: 2,
    setDaysAgo: 12,
    wordLimit: 1500,
    instructions: "Plan first: weigh de-Stalinisation against at least two other factors, each with evidence from the notes.",
    blind: true,
    handedIn: 5,
    late: 0,
    drafting: 13,
    planning: 8,
    marking: "none",
    quiet: 0.3,
  },
  {
    question: { manual: "cuba" },
    essay: null,
    plan: "cuba",
    rubricId: STRANDS,
    dueInDays: 10,
    setDaysAgo: 4,
    wordLimit: 1200,
    instructions: "Explain at least three reasons and decide which mattered most. The notes are thin on Cuba: use your textbook too.",
    handedIn: 0,
    late: 0,
    drafting: 0,
    planning: 5,
    marking: "none",
    quiet: 0,
  },
  {
    question: { manual: "livingStandards" },
    essay: null,
    plan: null,
    rubricId: STRANDS,
    dueInDays: 21,
    setDaysAgo: 0,
    wordLimit: 1500,
    instructions: "Consider housing, consumer goods, food and education, and compare the towns with the countryside.",
    handedIn: 0,
    late: 0,
    drafting: 0,
    planning: 0,
    marking: "none",
    quiet: 0,
  },
];

// How each strand sits against the student's overall ability: knowledge strongest, judgement
// clearly weakest (the usual A-level picture).
const STRAND_OFFSET: Record<Strand, number> = { knowledge: 0.45, organisation: 0.15, analysis: -0.05, judgement: -0.6 };
const STRAND_ORDER: Strand[] = ["analysis", "knowledge", "judgement", "organisation"];
type Levels = Record<Strand, number>;

type Student = { id: string; name: string; ability: number; diligence: number; bias: Record<Strand, number> };

function clampLevel(x: number): number {
  return Math.min(5, Math.max(1, Math.round(x)));
}

function latentLevels(student: Student, trend: number, rng: Rng): Levels {
  const levels = {} as Levels;
  for (const s of STRAND_ORDER) levels[s] = clampLevel(2.85 + 0.95 * student.ability + STRAND_OFFSET[s] + student.bias[s] + trend + 0.4 * rng.normal());
  return levels;
}

// ---------------------------------------------------------------------------------------
// Marks: awards in the rubric's own terms, always checked with validateMarking.

type SettledMarking = { awards: Award[]; total: number };

function settle(rubric: Rubric, awards: Award[], total: number | undefined): SettledMarking {
  const result = validateMarking(rubric, { awards, total });
  if (!result.ok) throw new Error(`seed: invalid marking on ${rubric.id}: ${result.errors.map((e) => e.message).join(" ")}`);
  // Stored as lib/marking/markings.ts stores it: the mark only where the rubric has one.
  const stored = result.perCriterion.map((c) => (c.mark === undefined ? { criterionId: c.criterionId, level: c.level } : { criterionId: c.criterionId, level: c.level, mark: c.mark }));
  return { awards: stored, total: result.total };
}

function band(rubric: Rubric, criterionId: string, level: number) {
  const marks = rubric.criteria.find((c) => c.id === criterionId)?.levels.find((l) => l.level === level)?.marks;
  if (!marks) throw new Error(`seed: ${rubric.id} has no level ${level} on ${criterionId}`);
  return marks;
}

function markFor(rubric: Rubric, levels: Levels, rng: Rng): SettledMarking {
  if (rubric.shape === "strands") {
    const awards = rubric.criteria.map((c) => ({ criterionId: c.id, level: levels[c.id as Strand] }));
    const suggested = validateMarking(rubric, { awards });
    if (!suggested.ok || !suggested.bestFit) throw new Error("seed: strands awards did not fit");
    // The teacher's total: the suggestion, nudged a mark either way inside the best-fit band.
    const { min, max } = suggested.bestFit.marks;
    const total = Math.min(max, Math.max(min, suggested.total + rng.pick([-1, 0, 0, 0, 1])));
    return settle(rubric, awards, total);
  }
  if (rubric.shape === "summed") {
    // Knowledge and understanding; analysis and judgement together, pulled down by judgement.
    const level = (id: string) => (id.startsWith("knowledge") ? levels.knowledge : clampLevel((levels.analysis + levels.judgement) / 2 - 0.25));
    const awards = rubric.criteria.map((c) => {
      const l = level(c.id);
      const { min, max } = band(rubric, c.id, l);
      return { criterionId: c.id, level: l, mark: rng.int(min, max) };
    });
    const sum = validateMarking(rubric, { awards });
    if (!sum.ok) throw new Error("seed: summed awards did not fit");
    return settle(rubric, awards, sum.total);
  }
  // Holistic: the level of the middle strand, a mark inside its band.
  const sorted = STRAND_ORDER.map((s) => levels[s]).sort((a, b) => a - b);
  const l = sorted[1]!;
  const only = rubric.criteria[0]!;
  const { min, max } = band(rubric, only.id, l);
  const mark = rng.int(min, max);
  return settle(rubric, [{ criterionId: only.id, level: l, mark }], mark);
}

// A marking saved part-way: the first two criteria levelled, no total yet.
function partMarkFor(rubric: Rubric, levels: Levels): Award[] {
  const awards = rubric.criteria.slice(0, 2).map((c) => ({ criterionId: c.id, level: levels[c.id as Strand] ?? levels.knowledge }));
  const problems = checkPartialMarking(rubric, { awards });
  if (problems.length) throw new Error(`seed: invalid part marking: ${problems.map((p) => p.message).join(" ")}`);
  return awards;
}

function criterionFor(rubric: Rubric, strand: Strand): string {
  const id = rubric.shape === "holistic" ? rubric.criteria[0]!.id : rubric.shape === "summed" ? (strand === "knowledge" ? "knowledge-understanding" : "analysis-judgement") : strand;
  if (!rubric.criteria.some((c) => c.id === id)) throw new Error(`seed: ${rubric.id} has no criterion ${id}`);
  return id;
}

function feedback(levels: Levels, rng: Rng) {
  const ranked = rng.shuffle(STRAND_ORDER).sort((a, b) => levels[b] - levels[a]);
  const best = ranked[0]!;
  // Ties for weakest go to judgement: it is what the teacher is working on with this class.
  const low = Math.min(...STRAND_ORDER.map((s) => levels[s]));
  const worst = levels.judgement === low ? "judgement" : ranked[ranked.length - 1]!;
  return { wentWell: rng.pick(WENT_WELL[best]), evenBetterIf: rng.pick(EVEN_BETTER_IF[worst]) };
}

// ---------------------------------------------------------------------------------------
// Essays: paragraphs from the question's pool, stronger versions for stronger work, kept
// to 150–400 words.

type Essay = Fragment[];
const essayText = (essay: Essay) => essay.map((f) => f.text).join("\n\n");

function writeEssay(pool: EssayPool, levels: Levels, rng: Rng): Essay {
  const intro = rng.pick(levels.judgement >= 3 || (levels.organisation >= 4 && rng.next() < 0.5) ? pool.intro.strong : pool.intro.weak);
  const conclusion = rng.pick(levels.judgement >= 3 ? pool.conclusion.strong : pool.conclusion.weak);
  const analytical = 0.05 + (0.9 * (levels.analysis - 1)) / 4;
  const count = Math.min(pool.body.length, 2 + (levels.knowledge >= 3 ? 1 : 0) + (levels.knowledge >= 4 ? 1 : 0));
  const chosen = new Set(rng.shuffle(pool.body.map((_, i) => i)).slice(0, count));
  const body = pool.body.flatMap((f, i) => (chosen.has(i) ? [rng.next() < analytical ? f.analytical : f.descriptive] : []));
  const words = () => countWords(essayText([intro, ...body, conclusion]));
  while (words() > 400 && body.length > 2) body.pop();
  for (const [i, f] of pool.body.entries()) {
    if (words() >= 150) break;
    if (!chosen.has(i)) body.push(f.descriptive);
  }
  const essay = [intro, ...body, conclusion];
  const n = words();
  if (n < 150 || n > 400) throw new Error(`seed: an essay of ${n} words`);
  return essay;
}

// A redraft: the introduction and conclusion rewritten (what the teacher asked for), and,
// for a full resubmission, one descriptive paragraph made analytical.
function redraft(pool: EssayPool, essay: Essay, full: boolean): Essay {
  const out = [...essay];
  out[out.length - 1] = pool.conclusion.strong[0]!;
  if (!full) return out;
  out[0] = pool.intro.strong[0]!;
  const i = out.findIndex((f) => pool.body.some((b) => b.descriptive === f));
  const factor = pool.body.find((b) => b.descriptive === out[i]);
  if (factor) out[i] = factor.analytical;
  return out;
}

// ---------------------------------------------------------------------------------------
// Plans: the planner's starting plan for the question, filled as far as the student has got.

type BankPoint = { id: string; text: string; subpoints: string[]; path: string[] };

function evidenceFrom(seed: EvidenceSeed, points: BankPoint[], makeId: () => string): Evidence {
  if ("own" in seed) return { id: makeId(), text: seed.own, source: { kind: "own" } };
  // A phrase may be in a point or in one of its sub-points; the evidence is the line it is in.
  const found = points.flatMap((p) => [p.text, ...p.subpoints].filter((t) => t.includes(seed.bank)).map((text) => ({ p, text })))[0];
  if (!found) throw new Error(`seed: no point in the notes mentions "${seed.bank}"`);
  const { p, text } = found;
  return { id: makeId(), text: text.slice(0, 600), source: { kind: "bank", pointId: p.id, path: p.path.slice(0, 8).map((h) => h.slice(0, 200)) } };
}

// stage 1: a first piece of evidence; 2: evidence and arguments for the first factors;
// 3: every factor, weighed; 4: mini-judgements, criteria and an overall judgement.
function buildPlan(seed: PlanSeed, analysis: QuestionAnalysis, stage: number, points: BankPoint[], rng: Rng): Plan {
  const makeId = rng.id;
  const { plan } = initialPlan(analysis, { makeId });
  const slots: [Factor, FactorFill][] = plan.factors.map((f, i) => {
    const fill = seed.seeded[i];
    if (!fill) throw new Error("seed: plan data does not match the question's starting plan");
    return [f, fill];
  });
  // What a student adds, in the groups the planner adds them: one factor, or an area's pair.
  const groups: [Factor, FactorFill][][] = [
    ...seed.others.map(({ name, ...fill }): [Factor, FactorFill][] => [[blankFactor(name, "other", makeId), fill]]),
    ...seed.areas.map(({ area, for: yes, against }): [Factor, FactorFill][] => {
      const [claim, counter] = areaFactors(area, analysis, { makeId });
      return [
        [claim, yes],
        [counter, against],
      ];
    }),
  ];
  // A question that names nothing starts empty, so even a first look adds a factor.
  const shown = stage >= 3 ? groups.length : stage === 2 || !slots.length ? 1 : 0;
  slots.push(...groups.slice(0, shown).flat());

  slots.forEach(([factor, fill], i) => {
    if (stage === 1 && i > 0) return;
    const evidence = stage === 1 ? fill.evidence.slice(0, 1) : stage === 2 ? fill.evidence.slice(0, 2) : fill.evidence;
    factor.evidence = evidence.map((e) => evidenceFrom(e, points, makeId));
    if (stage >= 2) factor.argumentFor = fill.argumentFor;
    if (stage >= 3) {
      factor.argumentAgainst = fill.argumentAgainst;
      factor.weight = fill.weight;
    }
    if (stage >= 4) factor.miniJudgement = fill.miniJudgement;
  });
  plan.factors = slots.map(([f]) => f);
  if (stage >= 4) {
    plan.criteria = [...seed.criteria];
    plan.judgement = { position: seed.judgement.position, argument: seed.judgement.argument };
  }
  return PlanSchema.parse(plan);
}

// ---------------------------------------------------------------------------------------

export async function seedBigClass(teacher: SessionUser, passwordHash: string): Promise<{ classroomId: string; studentIds: string[] }> {
  if (!isWellFormedJoinCode(BIG_CLASS.joinCode)) throw new Error(`seed: ${BIG_CLASS.joinCode} is not a join code a student could type`);
  const rng = makeRng(13_2026);
  const now = Date.now();
  const at = (t: number) => new Date(Math.round(t));
  // Past times are kept at least a few minutes behind now.
  const past = (t: number) => Math.min(t, now - 5 * MINUTE);
  const termStart = now - 63 * DAY;

  // The class and its students, with one password hash for all of them.
  const classroom = await db().classroom.create({
    data: { name: BIG_CLASS.name, subject: "History", yearGroup: BIG_CLASS.yearGroup, joinCode: BIG_CLASS.joinCode, teacherId: teacher.id, createdAt: at(termStart), teachers: { create: { teacherId: teacher.id, role: "OWNER", addedAt: at(termStart) } } },
    select: { id: true },
  });
  const joined = BIG_CLASS_STUDENTS.map((name, i) => ({ name, email: emailFor(name), joinedAt: termStart + 2 * HOUR + i * 3 * MINUTE }));
  if (new Set(joined.map((s) => s.email)).size !== joined.length) throw new Error("seed: two students share an email");
  const users = await db().user.createManyAndReturn({
    data: joined.map((s) => ({ name: s.name, email: s.email, role: "STUDENT" as const, passwordHash, createdAt: at(s.joinedAt - MINUTE) })),
    select: { id: true, email: true },
  });
  const idByEmail = new Map(users.map((u) => [u.email, u.id]));
  await db().enrolment.createMany({ data: joined.map((s) => ({ classroomId: classroom.id, studentId: idByEmail.get(s.email)!, joinedAt: at(s.joinedAt) })) });

  // Abilities standardised over the class, so the spread is the same whatever the draws.
  const raw = joined.map(() => rng.normal());
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / raw.length);
  const students: Student[] = joined.map((s, i) => {
    const ability = (raw[i]! - mean) / sd;
    return {
      id: idByEmail.get(s.email)!,
      name: s.name,
      ability,
      diligence: 0.5 * ability + 0.85 * rng.normal(),
      bias: { analysis: 0.25 * rng.normal(), knowledge: 0.25 * rng.normal(), judgement: 0.25 * rng.normal(), organisation: 0.25 * rng.normal() },
    };
  });

  // The four questions the teacher adds by hand, then every question on the topic.
  const topic = await db().topic.findFirstOrThrow({ where: { ownerId: teacher.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const manualIds = {} as Record<keyof typeof EXTRA_QUESTIONS, string>;
  for (const [key, text] of Object.entries(EXTRA_QUESTIONS) as [keyof typeof EXTRA_QUESTIONS, string][]) {
    manualIds[key] = (await addQuestion(teacher, { topicId: topic.id, text })).id;
  }
  const questions = await db().question.findMany({
    where: { topicId: topic.id },
    select: { id: true, source: true, stem: true, focus: true, statedFactor: true, claim: true, outcome: true, periodFrom: true, periodTo: true, periodLabel: true },
  });
  const points: BankPoint[] = await db().point.findMany({ where: { topicId: topic.id }, orderBy: { position: "asc" }, select: { id: true, text: true, subpoints: true, path: true } });

  const rubrics = new Map<string, { versionId: string; rubric: Rubric }>();
  for (const id of new Set(TERM.map((a) => a.rubricId))) {
    const { id: versionId } = await pinRubric(id);
    const { content } = await db().rubricVersion.findUniqueOrThrow({ where: { id: versionId }, select: { content: true } });
    rubrics.set(id, { versionId, rubric: rubricFromSnapshot(content) });
  }

  const plans: Prisma.PlanCreateManyInput[] = [];
  type DraftSeed = {
    assignmentId: string;
    studentId: string;
    text: string;
    createdAt: number;
    updatedAt: number;
    revision: number;
    submittedAt: number | null;
    late: boolean;
    // Autosave history (prefix snapshots) before each hand-in.
    history: { text: string; at: number; reason: "AUTOSAVE" | "SUBMIT" }[];
    submissions: {
      number: number;
      essay: Essay;
      submittedAt: number;
      late: boolean;
      marking?: {
        awards: Award[];
        total: number | null;
        status: "IN_PROGRESS" | "RETURNED";
        allowRedraft: boolean;
        wentWell: string;
        evenBetterIf: string;
        createdAt: number;
        updatedAt: number;
        returnedAt: number | null;
        response: string;
        respondedAt: number | null;
        annotate: boolean;
        // The student's redraft, where targets on passages they rewrote count as addressed.
        redrafted: Essay | null;
        rubric: Rubric;
      };
    }[];
  };
  const drafts: DraftSeed[] = [];

  for (const [index, spec] of TERM.entries()) {
    const question = questions.find((q) => ("manual" in spec.question ? q.id === manualIds[spec.question.manual] : q.source === "IMPORTED" && q.stem === spec.question.imported));
    if (!question) throw new Error("seed: a question for the term is missing");
    const analysis = columnsToAnalysis(question);
    const { versionId, rubric } = rubrics.get(spec.rubricId)!;
    const due = new Date(now + spec.dueInDays * DAY);
    due.setUTCHours(16, 0, 0, 0);
    const dueAt = due.getTime();
    const setAt = spec.setDaysAgo === 0 ? now - 40 * MINUTE : Math.min(now - spec.setDaysAgo * DAY, dueAt - 3 * DAY);
    const closedAt = spec.closedDaysAfterDue === undefined ? null : dueAt + spec.closedDaysAfterDue * DAY;
    const { id: assignmentId } = await db().assignment.create({
      data: {
        classroomId: classroom.id,
        questionId: question.id,
        rubricVersionId: versionId,
        setById: teacher.id,
        instructions: spec.instructions,
        dueAt: at(dueAt),
        wordLimit: spec.wordLimit,
        status: closedAt ? "CLOSED" : "OPEN",
        closedAt: closedAt ? at(closedAt) : null,
        createdAt: at(setAt),
        blindMarking: spec.blind ?? false,
      },
      select: { id: true },
    });

    // Who got how far: the keenest hand in first; the least engaged have not started.
    const trend = [-0.1, 0, 0.1, 0.1, 0.1, 0.1][index]!;
    const ranked = students
      .map((s) => ({ s, engagement: 0.55 * s.ability + 0.45 * s.diligence + 0.45 * rng.normal(), levels: latentLevels(s, trend, rng) }))
      .sort((a, b) => b.engagement - a.engagement);
    const outcomes: Outcome[] = ranked.map((_, i) =>
      i < spec.handedIn ? "submitted" : i < spec.handedIn + spec.drafting ? "drafting" : i < spec.handedIn + spec.drafting + spec.planning ? "planning" : "none",
    );

    // Hand-in times: on time within the last few days before the deadline (or before now), the
    // last `late` of them after it.
    const handIns = ranked.slice(0, spec.handedIn).map((r, i) => {
      const late = i >= spec.handedIn - spec.late;
      const end = Math.min(dueAt - 10 * MINUTE, now - 2 * HOUR);
      const start = Math.max(setAt + 2 * DAY, end - 4 * DAY);
      const submittedAt = late ? past(dueAt + rng.between(0.1, 2.5) * DAY) : end - (end - start) * rng.next() ** 1.5;
      return { r, late, submittedAt };
    });
    // The teacher marks in the order work came in.
    const queue = [...handIns].sort((a, b) => a.submittedAt - b.submittedAt);
    const stateOf = new Map<Student, Outcome>();
    if (spec.marking === "all-returned") {
      const forgotten = new Set(rng.shuffle(queue.map((_, i) => i)).slice(0, 2));
      queue.forEach((h, i) => stateOf.set(h.r.s, forgotten.has(i) ? "marked" : "returned"));
    } else if (spec.marking === "in-progress") {
      queue.forEach((h, i) => stateOf.set(h.r.s, i < 9 ? "returned" : i < 14 ? "marked" : i < 15 ? "partMarked" : "submitted"));
    }
    ranked.forEach((r, i) => {
      if (!stateOf.has(r.s)) stateOf.set(r.s, outcomes[i]!);
    });

    // Marks first, so the redraft can go to the weakest returned essays.
    const marks = new Map<Student, SettledMarking>();
    for (const h of queue) if (["returned", "marked"].includes(stateOf.get(h.r.s)!)) marks.set(h.r.s, markFor(rubric, h.r.levels, rng));
    if (spec.marking === "in-progress") {
      const weakest = queue.filter((h) => stateOf.get(h.r.s) === "returned").sort((a, b) => marks.get(a.r.s)!.total - marks.get(b.r.s)!.total);
      stateOf.set(weakest[0]!.r.s, "resubmitted");
      stateOf.set(weakest[1]!.r.s, "redrafting");
    }
    const redraftAsked = (s: Student, i: number) =>
      stateOf.get(s) === "resubmitted" || stateOf.get(s) === "redrafting" || (spec.marking === "in-progress" && i === 2);
    const returnedOrder = queue.filter((h) => ["returned", "resubmitted", "redrafting"].includes(stateOf.get(h.r.s)!)).sort((a, b) => marks.get(a.r.s)!.total - marks.get(b.r.s)!.total);

    const pool = spec.essay ? ESSAYS[spec.essay] : null;
    const planSeed = spec.plan ? PLANS[spec.plan] : null;

    for (const r of ranked) {
      const s = r.s;
      const state = stateOf.get(s)!;
      if (state === "none") continue;
      const handIn = handIns.find((h) => h.r === r);

      // When the student last touched the work, and when they started.
      let lastActive: number;
      if (handIn) lastActive = handIn.submittedAt;
      else {
        const quiet = rng.next() < spec.quiet + (s.diligence < -0.5 ? 0.2 : 0);
        const latest = Math.min(now - 10 * MINUTE, dueAt);
        lastActive = quiet ? Math.max(setAt + 0.5 * DAY, Math.min(latest, now - rng.between(6.2, 11) * DAY)) : latest - rng.between(0.02, Math.min(4, (latest - setAt) / DAY - 0.3)) * DAY;
      }
      const startedAt = setAt + rng.between(0.1, 0.6) * (lastActive - setAt);

      // The plan: most students plan; a few of those who hand in write straight away.
      const skipsPlan = handIn !== undefined && rng.next() < 0.1;
      const stage = state === "planning" ? rng.int(1, 3) : state === "drafting" ? rng.int(2, 4) : rng.next() < 0.6 ? 4 : 3;
      const planEnd = state === "planning" ? lastActive : startedAt + rng.between(0.3, 0.7) * (lastActive - startedAt);
      if (planSeed && !skipsPlan) {
        plans.push({
          assignmentId,
          studentId: s.id,
          content: buildPlan(planSeed, analysis, stage, points, rng),
          revision: stage * rng.int(2, 6) + rng.int(0, 3),
          createdAt: at(startedAt),
          updatedAt: at(planEnd),
        });
      }
      if (state === "planning") {
        // Opening the workspace makes an empty draft; some planners have opened it.
        if (rng.next() < 0.5) drafts.push({ assignmentId, studentId: s.id, text: "", createdAt: startedAt, updatedAt: startedAt, revision: 0, submittedAt: null, late: false, history: [], submissions: [] });
        continue;
      }
      if (!pool) continue;

      const essay = writeEssay(pool, r.levels, rng);
      const draftStart = skipsPlan || !planSeed ? startedAt : planEnd + rng.between(0.05, 0.3) * (lastActive - planEnd);
      const prefix = (n: number) => essayText(essay.slice(0, n));
      if (state === "drafting") {
        const written = Math.min(essay.length - 1, rng.int(1, 3));
        drafts.push({
          assignmentId,
          studentId: s.id,
          text: prefix(written),
          createdAt: draftStart,
          updatedAt: lastActive,
          revision: written * rng.int(3, 9),
          submittedAt: null,
          late: false,
          history: [
            ...(written > 1 ? [{ text: prefix(1), at: draftStart + 0.4 * (lastActive - draftStart), reason: "AUTOSAVE" as const }] : []),
            { text: prefix(written), at: lastActive, reason: "AUTOSAVE" },
          ],
          submissions: [],
        });
        continue;
      }

      // Handed in.
      const h = handIn!;
      const saves = essay.length * rng.int(2, 6);
      const draft: DraftSeed = {
        assignmentId,
        studentId: s.id,
        text: essayText(essay),
        createdAt: draftStart,
        updatedAt: h.submittedAt,
        revision: saves + 1,
        submittedAt: h.submittedAt,
        late: h.late,
        history: [
          { text: prefix(Math.ceil(essay.length / 2)), at: draftStart + 0.5 * (h.submittedAt - draftStart), reason: "AUTOSAVE" },
          { text: essayText(essay), at: h.submittedAt - rng.between(2, 40) * MINUTE, reason: "AUTOSAVE" },
          { text: essayText(essay), at: h.submittedAt, reason: "SUBMIT" },
        ],
        submissions: [{ number: 1, essay, submittedAt: h.submittedAt, late: h.late }],
      };
      drafts.push(draft);
      if (state === "submitted") continue;
      const first = draft.submissions[0]!;

      if (state === "partMarked") {
        const createdAt = now - rng.between(0.1, 0.4) * DAY;
        first.marking = {
          ...emptyMarking(rubric),
          awards: partMarkFor(rubric, r.levels),
          createdAt,
          updatedAt: createdAt + 12 * MINUTE,
        };
        continue;
      }

      const settled = marks.get(s)!;
      const returned = state !== "marked";
      const words = feedback(r.levels, rng);
      const returnIndex = returnedOrder.findIndex((x) => x.r === r);
      const allowRedraft = returned && redraftAsked(s, returnIndex);
      // Marking times: closed assignments marked over the week after the deadline and returned
      // together; the recent one returned four days ago, the rest marked since.
      let createdAt: number;
      let returnedAt: number | null = null;
      if (spec.marking === "all-returned") {
        createdAt = Math.max(h.submittedAt + 6 * HOUR, dueAt + rng.between(1, 8) * DAY);
        if (returned) returnedAt = dueAt + 9 * DAY + returnIndex * 4 * MINUTE;
      } else if (returned) {
        createdAt = Math.max(h.submittedAt + 2 * HOUR, dueAt + rng.between(0.5, 2) * DAY);
        returnedAt = now - 4 * DAY + returnIndex * 4 * MINUTE;
      } else {
        createdAt = now - rng.between(1, 3) * DAY;
      }
      const updatedAt = returnedAt ?? createdAt + rng.between(15, 40) * MINUTE;
      const responds = returned && rng.next() < 0.3;
      const respondedAt = responds ? past(returnedAt! + rng.between(0.2, 3) * DAY) : null;
      first.marking = {
        awards: settled.awards,
        total: settled.total,
        status: returned ? "RETURNED" : "IN_PROGRESS",
        allowRedraft,
        // Drafted summaries on some markings not yet returned; always on returned ones.
        wentWell: returned || rng.next() < 0.5 ? words.wentWell : "",
        evenBetterIf: returned || rng.next() < 0.5 ? words.evenBetterIf + (allowRedraft ? REDRAFT_ASK : "") : "",
        createdAt,
        updatedAt,
        returnedAt,
        response: responds ? rng.pick(RESPONSES) : "",
        respondedAt,
        annotate: returned && (allowRedraft || rng.next() < 0.35),
        redrafted: null,
        rubric,
      };

      if (state === "redrafting") {
        const rewritten = redraft(pool, essay, false);
        first.marking.redrafted = rewritten;
        const text = essayText(rewritten);
        const editedAt = now - rng.between(1, 2.5) * DAY;
        draft.text = text;
        draft.submittedAt = null;
        draft.updatedAt = editedAt;
        draft.revision += 2 + rng.int(2, 8);
        draft.history.push({ text, at: editedAt, reason: "AUTOSAVE" });
      } else if (state === "resubmitted") {
        const second = redraft(pool, essay, true);
        first.marking.redrafted = second;
        const text = essayText(second);
        const resubmittedAt = now - rng.between(0.5, 1.5) * DAY;
        draft.text = text;
        draft.submittedAt = resubmittedAt;
        draft.updatedAt = resubmittedAt;
        draft.revision += 2 + rng.int(4, 10);
        draft.history.push({ text, at: resubmittedAt - 30 * MINUTE, reason: "AUTOSAVE" }, { text, at: resubmittedAt, reason: "SUBMIT" });
        draft.submissions.push({ number: 2, essay: second, submittedAt: resubmittedAt, late: false });
      }
    }
  }

  // Plans, drafts and their history.
  await db().plan.createMany({ data: plans });
  const draftRows = await db().draft.createManyAndReturn({
    data: drafts.map((d) => ({
      assignmentId: d.assignmentId,
      studentId: d.studentId,
      text: d.text,
      wordCount: countWords(d.text),
      revision: d.revision,
      createdAt: at(d.createdAt),
      updatedAt: at(d.updatedAt),
      submittedAt: d.submittedAt === null ? null : at(d.submittedAt),
      late: d.late,
    })),
    select: { id: true, assignmentId: true, studentId: true },
  });
  const draftId = new Map(draftRows.map((d) => [`${d.assignmentId}/${d.studentId}`, d.id]));
  const idOf = (d: DraftSeed) => draftId.get(`${d.assignmentId}/${d.studentId}`)!;
  await db().draftRevision.createMany({
    data: drafts.flatMap((d) =>
      d.history.map((h) => ({ draftId: idOf(d), text: h.text, wordCount: countWords(h.text), reason: h.reason, createdAt: at(h.at - (h.reason === "AUTOSAVE" ? rng.between(5, 50) * MINUTE : 0)), updatedAt: at(h.at) })),
    ),
  });

  // Handed-in versions, their markings and annotations.
  const handed = drafts.flatMap((d) => d.submissions.map((sub) => ({ d, sub, text: essayText(sub.essay) })));
  const submissionRows = await db().submission.createManyAndReturn({
    data: handed.map(({ d, sub, text }) => ({ draftId: idOf(d), number: sub.number, text, wordCount: countWords(text), submittedAt: at(sub.submittedAt), late: sub.late })),
    select: { id: true, draftId: true, number: true },
  });
  const submissionId = new Map(submissionRows.map((s) => [`${s.draftId}#${s.number}`, s.id]));

  const markings: Prisma.MarkingCreateManyInput[] = [];
  const annotations: Prisma.AnnotationCreateManyInput[] = [];
  for (const { d, sub, text } of handed) {
    const m = sub.marking;
    if (!m) continue;
    const id = submissionId.get(`${idOf(d)}#${sub.number}`)!;
    markings.push({
      submissionId: id,
      markerId: teacher.id,
      awards: m.awards,
      total: m.total,
      wentWell: m.wentWell,
      evenBetterIf: m.evenBetterIf,
      allowRedraft: m.allowRedraft,
      status: m.status,
      returnedAt: m.returnedAt === null ? null : at(m.returnedAt),
      marksReleasedAt: m.returnedAt === null ? null : at(m.returnedAt),
      revision: m.status === "RETURNED" ? rng.int(2, 5) : rng.int(1, 3),
      response: m.response,
      respondedAt: m.respondedAt === null ? null : at(m.respondedAt),
      createdAt: at(m.createdAt),
      updatedAt: at(m.updatedAt),
    });
    if (!m.annotate) continue;
    const notes = sub.essay.flatMap((f) => (f.note ? [{ ...f.note, rewritten: !!m.redrafted && !m.redrafted.includes(f) }] : []));
    for (const [i, note] of notes.slice(0, 4).entries()) {
      const start = text.indexOf(note.quote);
      if (start < 0) throw new Error(`seed: "${note.quote}" is not in the essay`);
      const addressed = note.rewritten && note.kind === "TARGET";
      annotations.push({
        submissionId: id,
        authorId: teacher.id,
        criterionId: criterionFor(m.rubric, note.strand),
        kind: note.kind,
        comment: note.comment,
        ...anchorFor(text, start, start + note.quote.length),
        status: addressed ? ("ADDRESSED" as const) : ("OPEN" as const),
        addressedNote: addressed ? ADDRESSED_NOTES[note.strand] : "",
        addressedAt: addressed ? at(past(m.returnedAt! + (i + 1) * HOUR)) : null,
        createdAt: at(m.createdAt + i * 2 * MINUTE),
        updatedAt: at(m.createdAt + i * 2 * MINUTE),
      });
    }
  }
  await db().marking.createMany({ data: markings });
  await db().annotation.createMany({ data: annotations });
  return { classroomId: classroom.id, studentIds: users.map((u) => u.id) };
}

function emptyMarking(rubric: Rubric) {
  return {
    awards: [] as Award[],
    total: null,
    status: "IN_PROGRESS" as const,
    allowRedraft: false,
    wentWell: "",
    evenBetterIf: "",
    createdAt: 0,
    updatedAt: 0,
    returnedAt: null,
    response: "",
    respondedAt: null,
    annotate: false,
    redrafted: null,
    rubric,
  };
}
