import { randomInt } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireModerationAccess } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { displayName } from "../marking/display-name";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import { chooseSample as drawSample, type Candidate, type SampleChoice } from "./sample";
import { ChooseSampleSchema, type ChooseSampleInput } from "./schemas";

// An assignment's moderation: its sample and where each sampled essay stands. Nothing here
// carries a first mark: the overview is what the blind second marker works from.

export type ItemStage = "awaiting second marking" | "second-marked" | "agreed";

/** Every student's latest handed-in version whose first marking is complete (it has a total). */
async function candidatesFor(assignmentId: string): Promise<Candidate[]> {
  const rows = await db().submission.findMany({
    where: { draft: { assignmentId }, marking: { total: { not: null } } },
    orderBy: { number: "desc" },
    select: { id: true, draftId: true, marking: { select: { total: true } } },
  });
  const latest = new Map<string, Candidate>();
  for (const r of rows) if (!latest.has(r.draftId) && r.marking?.total != null) latest.set(r.draftId, { submissionId: r.id, total: r.marking.total });
  return [...latest.values()];
}

export async function getModerationOverview(user: SessionUser, assignmentId: string) {
  const access = await requireModerationAccess(user, assignmentId);
  const [assignment, sample, candidates] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { id: true, question: { select: { text: true } }, classroom: { select: { id: true, name: true } }, rubricVersion: { select: { content: true } } },
    }),
    db().moderationSample.findUnique({
      where: { assignmentId },
      select: {
        method: true,
        percent: true,
        seed: true,
        perGroup: true,
        candidates: true,
        createdAt: true,
        chosenBy: { select: { name: true } },
        items: {
          select: {
            secondMarkedAt: true,
            agreedAt: true,
            secondMarker: { select: { name: true } },
            submission: { select: { number: true, marking: { select: { markerId: true } }, draft: { select: { student: { select: { id: true, name: true } } } } } },
          },
        },
      },
    }),
    candidatesFor(assignmentId),
  ]);
  const rubric = rubricFromSnapshot(assignment.rubricVersion.content);
  const items = (sample?.items ?? [])
    .map((item) => {
      const { student } = item.submission.draft;
      const stage: ItemStage = item.agreedAt ? "agreed" : item.secondMarkedAt ? "second-marked" : "awaiting second marking";
      return {
        studentId: student.id,
        studentName: displayName(student),
        version: item.submission.number,
        stage,
        secondMarkerName: item.secondMarker?.name ?? null,
        // The first marker cannot second-mark their own marking.
        markedFirstByYou: item.submission.marking?.markerId === user.id,
      };
    })
    .sort((a, b) => a.studentName.localeCompare(b.studentName));
  return {
    as: access.as,
    assignment: { id: assignment.id, question: assignment.question.text, classroom: assignment.classroom, rubricTitle: rubric.title },
    candidates: candidates.length,
    sample: sample ? { method: sample.method, percent: sample.percent, seed: sample.seed, perGroup: sample.perGroup, candidates: sample.candidates, chosenAt: sample.createdAt, chosenBy: sample.chosenBy?.name ?? null, items } : null,
  };
}

export type ModerationOverview = Awaited<ReturnType<typeof getModerationOverview>>;

/**
 * Chooses the assignment's sample, once. A random sample's seed is drawn here and recorded,
 * so the same candidates give the same sample again (lib/moderation/sample.ts).
 */
export async function chooseSample(user: SessionUser, raw: ChooseSampleInput) {
  const input = ChooseSampleSchema.parse(raw);
  await requireModerationAccess(user, input.assignmentId);
  const existing = await db().moderationSample.count({ where: { assignmentId: input.assignmentId } });
  if (existing) throw new AppError("A sample has already been chosen for this assignment.", 409);
  const candidates = await candidatesFor(input.assignmentId);
  if (!candidates.length) throw new AppError("No essay has a complete first marking yet, so there is nothing to sample.", 409);

  const choice: SampleChoice =
    input.method === "RANDOM"
      ? { method: "RANDOM", percent: input.percent!, seed: randomInt(0, 2 ** 31 - 1) }
      : input.method === "SPREAD"
        ? { method: "SPREAD", perGroup: input.perGroup! }
        : { method: "ALL" };
  const chosen = drawSample(candidates, choice);
  const totals = new Map(candidates.map((c) => [c.submissionId, c.total]));
  try {
    await db().moderationSample.create({
      data: {
        assignmentId: input.assignmentId,
        method: choice.method,
        percent: choice.method === "RANDOM" ? choice.percent : null,
        seed: choice.method === "RANDOM" ? choice.seed : null,
        perGroup: choice.method === "SPREAD" ? choice.perGroup : null,
        candidates: candidates.length,
        chosenById: user.id,
        items: { create: chosen.map((c) => ({ submissionId: c.submissionId, firstTotal: totals.get(c.submissionId)! })) },
      },
    });
  } catch (e) {
    // Someone chose a sample a moment earlier.
    if (isUniqueViolation(e)) throw new AppError("A sample has already been chosen for this assignment.", 409);
    throw e;
  }
  return { sampled: chosen.length, candidates: candidates.length };
}
