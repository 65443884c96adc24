import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { SavePlanSchema, type SavePlanInput } from "../drafts/schemas";
import type { Plan } from "./plan-schema";

export type PlanSnapshot = { plan: Plan; revision: number; savedAt: Date };
export type SavePlanResult = { ok: true; revision: number; savedAt: Date } | { ok: false; conflict: PlanSnapshot };

/**
 * Saves a plan if it is based on the latest revision; otherwise returns the newer plan.
 * Revision 0 means "no plan saved yet": the first save creates the row.
 */
export async function savePlan(user: SessionUser, raw: SavePlanInput): Promise<SavePlanResult> {
  const input = SavePlanSchema.parse(raw);
  const assignment = await requireOwnWork(user, input.assignmentId);
  if (assignment.status === "CLOSED") throw new AppError("Your teacher has closed this assignment, so the plan can no longer be changed.", 423);
  const submitted = await db().draft.count({ where: { assignmentId: input.assignmentId, studentId: user.id, submittedAt: { not: null } } });
  if (submitted) throw new AppError("You have submitted this essay, so its plan is locked too.", 423);

  const where = { assignmentId_studentId: { assignmentId: input.assignmentId, studentId: user.id } };
  if (input.baseRevision === 0) {
    try {
      const created = await db().plan.create({
        data: { assignmentId: input.assignmentId, studentId: user.id, content: input.plan, revision: 1 },
        select: { revision: true, updatedAt: true },
      });
      return { ok: true, revision: created.revision, savedAt: created.updatedAt };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  } else {
    // In one transaction: the updated row stays locked until we have read its new revision.
    const saved = await db().$transaction(async (tx) => {
      const { count } = await tx.plan.updateMany({
        where: { assignmentId: input.assignmentId, studentId: user.id, revision: input.baseRevision },
        data: { content: input.plan, revision: { increment: 1 } },
      });
      return count === 1 ? tx.plan.findUniqueOrThrow({ where, select: { revision: true, updatedAt: true } }) : null;
    });
    if (saved) return { ok: true, revision: saved.revision, savedAt: saved.updatedAt };
  }
  const current = await db().plan.findUnique({ where, select: { content: true, revision: true, updatedAt: true } });
  // Only a hand-made request claims a base revision for a plan that was never saved.
  if (!current) throw new AppError("There is no saved plan to update. Reload the page and try again.", 409);
  return { ok: false, conflict: { plan: current.content as Plan, revision: current.revision, savedAt: current.updatedAt } };
}
