import "server-only";
import { db } from "../../db";
import { newId } from "../../new-id";
import type { Plan } from "../plan-schema";

// The plan's autosave as ONE statement (docs/decisions/016-lean-save-path.md): the first
// save (base revision 0) inserts the row, a later one compare-and-swaps it, and either
// statement carries the conditions savePlan used to check one query at a time — the
// student enrolled in the assignment's class, the assignment open, the essay not handed
// in, the base revision current. Zero rows means "refused"; the caller then asks why.
// Internal: the caller passes the acting user's own id.

const ALLOWED = `
  a.id = $1::text AND a.status = 'OPEN'
  AND EXISTS (SELECT 1 FROM "Enrolment" AS e WHERE e."classroomId" = a."classroomId" AND e."studentId" = $2::text)
  AND NOT EXISTS (SELECT 1 FROM "Draft" AS d WHERE d."assignmentId" = $1::text AND d."studentId" = $2::text AND d."submittedAt" IS NOT NULL)`;

// A racing first save from another tab already inserted: DO NOTHING returns no row, which
// the caller answers as a conflict with that tab's plan.
const INSERT = `
INSERT INTO "Plan" (id, "assignmentId", "studentId", content, revision, "createdAt", "updatedAt")
SELECT $5::text, $1::text, $2::text, $3::jsonb, 1, $4::timestamp(3), $4::timestamp(3)
  FROM "Assignment" AS a
 WHERE ${ALLOWED}
ON CONFLICT ("assignmentId", "studentId") DO NOTHING
RETURNING revision`;

const UPDATE = `
UPDATE "Plan" AS p
   SET content = $3::jsonb, revision = p.revision + 1, "updatedAt" = $4::timestamp(3)
  FROM "Assignment" AS a
 WHERE p."assignmentId" = $1::text AND p."studentId" = $2::text AND p.revision = $5::int
   AND a.id = p."assignmentId" AND ${ALLOWED}
RETURNING p.revision`;

export type CasPlanSave = { assignmentId: string; studentId: string; baseRevision: number; plan: Plan; now: Date };

export async function casSavePlan(save: CasPlanSave): Promise<{ revision: number; savedAt: Date } | null> {
  const content = JSON.stringify(save.plan);
  // ISO text in UTC: cast to timestamp(3) (Prisma's DateTime) it is the same instant whatever the session's zone.
  const at = save.now.toISOString();
  const rows =
    save.baseRevision === 0
      ? await db().$queryRawUnsafe<{ revision: number }[]>(INSERT, save.assignmentId, save.studentId, content, at, newId())
      : await db().$queryRawUnsafe<{ revision: number }[]>(UPDATE, save.assignmentId, save.studentId, content, at, save.baseRevision);
  const row = rows[0];
  return row ? { revision: row.revision, savedAt: save.now } : null;
}
