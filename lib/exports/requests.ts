import "server-only";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/sessions";
import { requireSchoolAdmin, requireStudentExport, requireTeacherOf } from "../auth/policy";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { enqueue } from "../jobs/enqueue";
import { streamExportFile, CHUNK_BYTES } from "./internal/store";

// Asking for an export, following its progress and downloading it (decision 041). Guarded:
// each function takes the acting user and checks lib/auth/policy.ts. Only the person who
// asked sees a request or downloads its file; to anyone else it is not found.

const ACTIVE = ["QUEUED", "RUNNING"] as const;

export type ExportJobView = {
  id: string;
  kind: "STUDENT" | "CLASS";
  label: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "EXPIRED";
  done: number;
  total: number;
  error: string | null;
  createdAt: string;
  expiresAt: string | null;
  fileName: string | null;
  bytes: number | null;
};

const select = {
  id: true,
  kind: true,
  status: true,
  done: true,
  total: true,
  error: true,
  createdAt: true,
  expiresAt: true,
  student: { select: { name: true } },
  classroom: { select: { name: true } },
  file: { select: { fileName: true, bytes: true } },
} as const;

type Row = { id: string; kind: "STUDENT" | "CLASS"; status: ExportJobView["status"]; done: number; total: number; error: string | null; createdAt: Date; expiresAt: Date | null; student: { name: string } | null; classroom: { name: string } | null; file: { fileName: string; bytes: number } | null };

function view(r: Row, userId: string, studentId?: string | null): ExportJobView {
  const label = r.kind === "CLASS" ? `Class ${r.classroom?.name ?? ""}` : studentId === userId ? "My data" : `Student ${r.student?.name ?? ""}`;
  return { id: r.id, kind: r.kind, label, status: r.status, done: r.done, total: r.total, error: r.error, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null, fileName: r.file?.fileName ?? null, bytes: r.file?.bytes ?? null };
}

async function create(user: SessionUser, scope: { kind: "STUDENT"; studentId: string; schoolId: string | null } | { kind: "CLASS"; classroomId: string }): Promise<{ id: string; existing: boolean }> {
  const where = scope.kind === "STUDENT" ? { studentId: scope.studentId } : { classroomId: scope.classroomId };
  // One export of the same thing at a time per person: asking again while it runs shows that one.
  const running = await db().exportRequest.findFirst({ where: { requestedById: user.id, kind: scope.kind, ...where, status: { in: [...ACTIVE] } }, select: { id: true } });
  if (running) return { id: running.id, existing: true };
  return db().$transaction(async (tx) => {
    const request = await tx.exportRequest.create({ data: { kind: scope.kind, requestedById: user.id, ...where }, select: { id: true } });
    await recordAudit(tx, {
      action: "EXPORT_REQUESTED",
      actorId: user.id,
      subjectId: scope.kind === "STUDENT" ? scope.studentId : null,
      schoolId: scope.kind === "STUDENT" ? scope.schoolId : null,
      classroomId: scope.kind === "CLASS" ? scope.classroomId : null,
      entityType: "ExportRequest",
      entityId: request.id,
      detail: { kind: scope.kind },
    });
    await enqueue(tx, "export", { requestId: request.id });
    return { id: request.id, existing: false };
  });
}

/** The student themself, or an administrator of their school. */
export async function requestStudentExport(user: SessionUser, studentId: string) {
  await requireStudentExport(user, studentId);
  const { schoolId } = await db().user.findUniqueOrThrow({ where: { id: studentId }, select: { schoolId: true } });
  return create(user, { kind: "STUDENT", studentId, schoolId });
}

/** A school admin's export of one of the school's students, found by email. */
export async function requestSchoolStudentExport(user: SessionUser, schoolId: string, email: string) {
  await requireSchoolAdmin(user, schoolId);
  const student = await db().user.findFirst({ where: { email, schoolId, role: "STUDENT" }, select: { id: true } });
  if (!student) throw new AppError("No student of this school has that email.", 404, { email: ["No student of this school has that email."] });
  return requestStudentExport(user, student.id);
}

/** Any teacher of the class. */
export async function requestClassExport(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  return create(user, { kind: "CLASS", classroomId });
}

/** The exports this person asked for, newest first (the last 20). */
export async function listMyExports(user: SessionUser): Promise<ExportJobView[]> {
  const rows = await db().exportRequest.findMany({ where: { requestedById: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20, select: { ...select, studentId: true } });
  return rows.map((r) => view(r, user.id, r.studentId));
}

/** Some of this person's exports, by id, for the progress poll; others' ids are left out. */
export async function getMyExports(user: SessionUser, ids: string[]): Promise<ExportJobView[]> {
  const rows = await db().exportRequest.findMany({ where: { requestedById: user.id, id: { in: ids } }, select: { ...select, studentId: true } });
  return rows.map((r) => view(r, user.id, r.studentId));
}

/** The finished file as a stream, with an EXPORT_DOWNLOADED audit row; only its requester may. */
export async function openExportDownload(user: SessionUser, requestId: string, now = new Date()) {
  const request = await db().exportRequest.findFirst({
    where: { id: requestId, requestedById: user.id },
    select: { id: true, kind: true, status: true, studentId: true, classroomId: true, expiresAt: true, file: { select: { id: true, fileName: true, contentType: true, bytes: true } }, student: { select: { schoolId: true } } },
  });
  if (!request) throw notFound("That export");
  if (request.status === "EXPIRED" || (request.expiresAt && request.expiresAt <= now)) throw new AppError("That export has expired (exports are kept for 7 days). Ask for a new one.", 404);
  if (request.status !== "DONE" || !request.file) throw new AppError("That export is not ready yet.", 409);
  const file = request.file;
  await recordAudit(db(), {
    action: "EXPORT_DOWNLOADED",
    actorId: user.id,
    subjectId: request.studentId,
    schoolId: request.student?.schoolId ?? null,
    classroomId: request.classroomId,
    entityType: "ExportRequest",
    entityId: request.id,
    detail: { kind: request.kind, bytes: file.bytes },
  });
  return { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes, body: streamExportFile(file.id, Math.ceil(file.bytes / CHUNK_BYTES)) };
}
