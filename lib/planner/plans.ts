import { db } from "../db";
import { AppError } from "../errors";
import { requireOwnWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { SavePlanSchema, type SavePlanInput } from "../drafts/schemas";
import type { Plan } from "./plan-schema";
import { casSavePlan } from "./internal/save-plan-cas";

export type PlanSnapshot = { plan: Plan; revision: number; savedAt: Date };
export type SavePlanResult = { ok: true; revision: number; savedAt: Date } | { ok: false; conflict: PlanSnapshot };

/**
 * Saves a plan if it is based on the latest revision; otherwise returns the newer plan.
 * Revision 0 means "no plan saved yet": the first save creates the row. A successful save
 * is one statement (casSavePlan); only a refusal asks why, with the ordinary guarded
 * queries (docs/decisions/016-lean-save-path.md).
 */
export async function savePlan(user: SessionUser, raw: SavePlanInput, now = new Date()): Promise<SavePlanResult> {
  const input = SavePlanSchema.parse(raw);
  const saved = user.role === "STUDENT" ? await casSavePlan({ ...input, studentId: user.id, now }) : null;
  if (saved) return { ok: true, ...saved };

  const assignment = await requireOwnWork(user, input.assignmentId);
  if (assignment.status === "CLOSED") throw new AppError("Your teacher has closed this assignment, so the plan can no longer be changed.", 423);
  const submitted = await db().draft.count({ where: { assignmentId: input.assignmentId, studentId: user.id, submittedAt: { not: null } } });
  if (submitted) throw new AppError("You have submitted this essay, so its plan is locked too.", 423);
  const where = { assignmentId_studentId: { assignmentId: input.assignmentId, studentId: user.id } };
  const current = await db().plan.findUnique({ where, select: { content: true, revision: true, updatedAt: true } });
  // Only a hand-made request claims a base revision for a plan that was never saved.
  if (!current) throw new AppError("There is no saved plan to update. Reload the page and try again.", 409);
  return { ok: false, conflict: { plan: current.content as Plan, revision: current.revision, savedAt: current.updatedAt } };
}
