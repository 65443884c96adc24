import "server-only";
import { mayExportStudent } from "../auth/policy";
import { db } from "../db";
import { isAppError } from "../errors";
import { buildClassArchive, buildStudentArchive } from "./internal/build";
import { saveExportFile } from "./internal/store";

// The `export` job's handler (lib/jobs/queues.ts, decision 041). Idempotent: a request that
// is already finished is left alone, and a retry starts again from nothing (its file is
// replaced). Who may have the export is checked again here, since the job may run long after
// the request (a teacher removed from the class in between gets nothing).

export const EXPORT_DAYS = 7;

const refusal = "You can no longer export this: your access changed after you asked.";

export async function runExportJob(requestId: string, { lastAttempt = true, now = () => new Date() }: { lastAttempt?: boolean; now?: () => Date } = {}): Promise<void> {
  const request = await db().exportRequest.findUnique({
    where: { id: requestId },
    select: { id: true, kind: true, status: true, studentId: true, classroomId: true, requestedBy: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!request || request.status === "DONE" || request.status === "EXPIRED") return;
  const startedAt = now();
  await db().exportRequest.update({ where: { id: requestId }, data: { status: "RUNNING", startedAt, done: 0, error: null } });
  const progress = (done: number, total: number) => db().exportRequest.update({ where: { id: requestId }, data: { done, total } }).then(() => {});
  try {
    let built: { fileName: string; zip: Uint8Array };
    if (request.kind === "STUDENT") {
      const as = await mayExportStudent(request.requestedBy.id, request.studentId!);
      if (!as) return await finish(requestId, "FAILED", refusal);
      built = await buildStudentArchive(request.studentId!, as, startedAt, (done) => progress(done, 2));
    } else {
      const teaches = await db().classTeacher.findUnique({ where: { classroomId_teacherId: { classroomId: request.classroomId!, teacherId: request.requestedBy.id } }, select: { role: true } });
      if (!teaches) return await finish(requestId, "FAILED", refusal);
      built = await buildClassArchive(request.requestedBy, request.classroomId!, startedAt, progress);
    }
    const finishedAt = now();
    const expiresAt = new Date(finishedAt.getTime() + EXPORT_DAYS * 24 * 60 * 60 * 1000);
    await db().$transaction(async (tx) => {
      await saveExportFile(tx, requestId, built.fileName, built.zip, expiresAt);
      const { total } = await tx.exportRequest.findUniqueOrThrow({ where: { id: requestId }, select: { total: true } });
      await tx.exportRequest.update({ where: { id: requestId }, data: { status: "DONE", done: total, finishedAt, expiresAt, error: null } });
    });
  } catch (e) {
    const message = isAppError(e) ? e.message : "Something went wrong while building the export.";
    if (lastAttempt) {
      await finish(requestId, "FAILED", `${message} Ask for it again; if it keeps failing, tell your school's Extent administrator.`);
      console.warn(`[extent] Export ${requestId} failed:`, e);
      return;
    }
    // Back in the queue: the job is retried with back-off, and the page says so meanwhile.
    await db().exportRequest.update({ where: { id: requestId }, data: { status: "QUEUED", error: `${message} Trying again shortly.` } });
    throw e;
  }
}

async function finish(requestId: string, status: "FAILED", error: string) {
  await db().exportRequest.update({ where: { id: requestId }, data: { status, error, finishedAt: new Date() } });
}

/** Expired exports lose their file (the request row stays, as EXPIRED). For the retention sweep. */
export async function expireExports(now = new Date()): Promise<number> {
  return db().$transaction(async (tx) => {
    const expired = await tx.exportRequest.updateMany({ where: { status: "DONE", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
    await tx.exportFile.deleteMany({ where: { expiresAt: { lte: now } } });
    return expired.count;
  });
}
