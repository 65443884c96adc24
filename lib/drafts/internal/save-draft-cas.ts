import "server-only";
import { db } from "../../db";
import { newId } from "../../new-id";
import type { Checkpoint } from "../history-policy";
import { draftCasStatement, type DraftCasRow } from "./draft-cas-sql";

// The autosave as ONE statement (docs/decisions/016-lean-save-path.md; the SQL is in
// draft-cas-sql.ts). Internal: the caller passes the acting user's own id. Zero rows means
// "refused"; the caller then works out why with ordinary queries (a refusal may cost more
// statements).

export type CasSave = { assignmentId: string; studentId: string; baseRevision: number; text: string; wordCount: number; now: Date; checkpoint?: Checkpoint };
export type CasSaved = { draftId: string; revision: number; savedAt: Date; startedEntry: boolean };

export async function casSaveDraft(save: CasSave): Promise<CasSaved | null> {
  const { text, values } = draftCasStatement({ ...save, entryId: newId() }, { studentId: save.studentId });
  const rows = await db().$queryRawUnsafe<DraftCasRow[]>(text, ...values);
  const row = rows[0];
  // The row's updatedAt is `now`, set above: no need to read it back.
  return row ? { draftId: row.draftId, revision: row.revision, savedAt: save.now, startedEntry: row.started > 0 } : null;
}
