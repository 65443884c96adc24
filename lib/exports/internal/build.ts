import "server-only";
import { db } from "../../db";
import { appOrigin, appTimeZone } from "../../env";
import { encodeCsv } from "../../csv/encode-csv";
import { getClassMarksCsv } from "../../tracking/exports";
import type { SessionUser } from "../../auth/sessions";
import { archiveName, buildArchive, jsonBytes, textBytes, type ArchiveEntries } from "../archive";
import type { ExportAudience, StudentExportFile } from "../export-types";
import { renderPackHtml } from "../pack-html";
import { packOutline } from "../pack-outline";
import { renderPackPdf } from "../pack-pdf";
import { toWebAnnotations } from "../web-annotations";
import { loadStudentExport } from "./student-data";
import { readme } from "./readme";

// Builds the archives (decision 041). Unguarded: run-export.ts re-checks who may have them.

export const SCHEMA_PATH = "/schemas/student-export-v1.schema.json";

/** One student's files: data.json, annotations.jsonld, pack.html and pack.pdf. */
export async function studentFiles(studentId: string, audience: ExportAudience, now: Date, classroomId?: string): Promise<{ name: string; files: ArchiveEntries }> {
  const data = await loadStudentExport(studentId, audience, classroomId);
  const file: StudentExportFile = { format: "extent-student-export", version: 1, exportedAt: now.toISOString(), audience, ...data };
  const title = `Extent: the work and data of ${data.account.name}`;
  const outline = packOutline(file, appTimeZone());
  return {
    name: data.account.name,
    files: {
      "data.json": jsonBytes(file),
      "annotations.jsonld": jsonBytes(toWebAnnotations(data, appOrigin())),
      "pack.html": textBytes(renderPackHtml(outline, title)),
      "pack.pdf": await renderPackPdf(outline, title),
    },
  };
}

const manifestBase = (now: Date, scope: Record<string, unknown>) => ({
  format: "extent-export",
  version: 1,
  schema: `${appOrigin()}${SCHEMA_PATH}`,
  createdAt: now.toISOString(),
  appOrigin: appOrigin(),
  timeZone: appTimeZone(),
  scope,
});

export async function buildStudentArchive(studentId: string, audience: "student" | "school", now: Date, progress: (done: number) => Promise<void>) {
  const { name, files } = await studentFiles(studentId, audience, now);
  await progress(1);
  const entries = { ...files, "README.txt": textBytes(readme("student", `${appOrigin()}${SCHEMA_PATH}`)) };
  const zip = buildArchive(entries, manifestBase(now, { kind: "student", studentId, audience }), now);
  await progress(2);
  return { fileName: archiveName("student", name, now.toISOString().slice(0, 10)), zip };
}

/** Folder-safe and unique: the student's name and id. */
const folder = (name: string, id: string) => `students/${name.normalize("NFKD").replace(/[^\p{L}\p{N} .-]+/gu, "").trim().replace(/\s+/g, "-") || "student"}-${id}/`;

export async function buildClassArchive(requester: SessionUser, classroomId: string, now: Date, progress: (done: number, total: number) => Promise<void>) {
  const classroom = await db().classroom.findUniqueOrThrow({
    where: { id: classroomId },
    select: {
      id: true,
      name: true,
      subject: true,
      yearGroup: true,
      createdAt: true,
      teachers: { select: { role: true, addedAt: true, teacher: { select: { id: true, name: true, email: true } } }, orderBy: { addedAt: "asc" } },
      enrolments: { select: { joinedAt: true, student: { select: { id: true, name: true, email: true } } }, orderBy: [{ student: { name: "asc" } }, { studentId: "asc" }] },
      assignments: { select: { id: true, dueAt: true, status: true, question: { select: { text: true } }, rubricVersion: { select: { title: true, version: true } } }, orderBy: { dueAt: "asc" } },
    },
  });
  const total = classroom.enrolments.length;
  await progress(0, total);
  const { rows } = await getClassMarksCsv(requester, classroomId);
  const entries: ArchiveEntries = {
    "class.json": jsonBytes({
      format: "extent-class-export",
      version: 1,
      exportedAt: now.toISOString(),
      class: { id: classroom.id, name: classroom.name, subject: classroom.subject, yearGroup: classroom.yearGroup, createdAt: classroom.createdAt.toISOString() },
      teachers: classroom.teachers.map((t) => ({ id: t.teacher.id, name: t.teacher.name, email: t.teacher.email, role: t.role, addedAt: t.addedAt.toISOString() })),
      students: classroom.enrolments.map((e) => ({ id: e.student.id, name: e.student.name, email: e.student.email, joinedAt: e.joinedAt.toISOString(), folder: folder(e.student.name, e.student.id) })),
      assignments: classroom.assignments.map((a) => ({ id: a.id, question: a.question.text, dueAt: a.dueAt.toISOString(), status: a.status, rubric: `${a.rubricVersion.title} (version ${a.rubricVersion.version})` })),
    }),
    "marks.csv": textBytes(encodeCsv(rows)),
    "README.txt": textBytes(readme("class", `${appOrigin()}${SCHEMA_PATH}`)),
  };
  let done = 0;
  for (const e of classroom.enrolments) {
    const { files } = await studentFiles(e.student.id, "class", now, classroomId);
    for (const [name, bytes] of Object.entries(files)) entries[folder(e.student.name, e.student.id) + name] = bytes;
    await progress(++done, total);
  }
  const zip = buildArchive(entries, manifestBase(now, { kind: "class", classroomId, students: total }), now);
  return { fileName: archiveName("class", classroom.name, now.toISOString().slice(0, 10)), zip };
}
