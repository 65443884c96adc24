import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { db, pool } from "@/lib/db";
import { setAssignment } from "@/lib/assignments/assignments";
import { saveDraft } from "@/lib/drafts/drafts";
import { respondToFeedback } from "@/lib/marking/feedback";
import { replyToResponse } from "@/lib/marking/reply";
import { saveMarking } from "@/lib/marking/markings";
import { savePlan } from "@/lib/planner/plans";
import { getOwnWorkspace } from "@/lib/assignments/workspace";
import { getWholeClassFeedback, publishWholeClassFeedback, saveWholeClassFeedback } from "@/lib/whole-class-feedback/whole-class";
import { buildClassArchive } from "@/lib/exports/internal/build";
import { expireExports, runExportJob } from "@/lib/exports/run-export";
import { runRetentionSweep } from "@/lib/retention/sweep";
import { getMyExports, listMyExports, openExportDownload, requestClassExport, requestStudentExport } from "@/lib/exports/requests";
import type { SessionUser } from "@/lib/auth/sessions";
import { makeStudent, makeTeacher } from "../factories";
import { ESSAY, REDRAFT, annotate, makeMarkedClass, rangeOf, redraftAndResubmit, returnMarking, submitEssay } from "./marking-fixtures";
import { assignmentInput, makeOutsiders } from "./work-fixtures";

// Exports (decision 041) on a real database: what goes in the archive, validated against the
// committed JSON Schemas; who may ask; progress; and the download at its boundary.

const schemaDir = path.resolve(import.meta.dirname, "../../public/schemas");
const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
addFormats(ajv);
const validateStudent = ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, "student-export-v1.schema.json"), "utf8")));
const validateAnnotations = ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, "web-annotation.schema.json"), "utf8")));

// An emoji before the annotated passage: UTF-16 and code-point offsets then differ by one.
const EMOJI_ESSAY = `📜 ${ESSAY}`;

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}

/** Amira with work in every state, and the audit/queue rows her requests leave. */
async function world() {
  const w = await makeMarkedClass({ essay: EMOJI_ESSAY });
  const { teacher, amira, assignmentId } = w;
  const work = w.work;
  // Marked, returned with a redraft allowed, responded to, redrafted and handed in again.
  await annotate(teacher, work, EMOJI_ESSAY, "The Secret Speech", { comment: "Say what it changed 🙂", kind: "TARGET" });
  await returnMarking(teacher, work, { allowRedraft: true });
  await respondToFeedback(amira, { assignmentId, submissionNumber: 1, response: "I will weigh the factors." });
  await replyToResponse(teacher, { ...work, reply: "Good: start with the economy.", baseRepliedAt: null });
  await redraftAndResubmit(amira, assignmentId, REDRAFT);
  // Feedback to the whole class, published.
  const wcf = await getWholeClassFeedback(teacher, assignmentId);
  const saved = await saveWholeClassFeedback(teacher, { assignmentId, baseRevision: 0, content: { ...wcf.draft, intro: "A strong set overall." } });
  if (!saved.ok) throw new Error("whole-class feedback did not save");
  await publishWholeClassFeedback(teacher, { assignmentId, baseRevision: saved.feedback.revision, publish: true });
  // Planning only.
  const planning = (await setAssignment(teacher, assignmentInput(w, { questionId: w.toWhatExtent.id }))).id;
  const workspace = await getOwnWorkspace(amira, planning);
  await savePlan(amira, { assignmentId: planning, baseRevision: 0, plan: workspace.plan.content });
  // Drafting only.
  const drafting = (await setAssignment(teacher, assignmentInput(w))).id;
  await saveDraft(amira, { assignmentId: drafting, baseRevision: 0, text: "A first paragraph, not handed in." });
  // Handed in, not marked.
  const submitted = (await setAssignment(teacher, assignmentInput(w))).id;
  await submitEssay(amira, submitted, "Handed in, waiting.");
  // Being marked (not returned): the student's own export does not show it.
  const marking = (await setAssignment(teacher, assignmentInput(w))).id;
  await submitEssay(amira, marking, ESSAY);
  await saveMarking(teacher, { assignmentId: marking, studentId: amira.id, submissionNumber: 1, baseRevision: 0, awards: [{ criterionId: "overall", level: 2, mark: 8 }], wentWell: "Half done.", evenBetterIf: "" });
  return { ...w, planning, drafting, submitted, marking };
}

async function exported(user: SessionUser, requestId: string) {
  await runExportJob(requestId);
  const request = await db().exportRequest.findUniqueOrThrow({ where: { id: requestId } });
  expect(request).toMatchObject({ status: "DONE", error: null });
  const download = await openExportDownload(user, requestId);
  const zip = await collect(download.body);
  expect(zip.length).toBe(download.bytes);
  return { request, download, files: unzipSync(zip) };
}

const json = (bytes: Uint8Array | undefined) => JSON.parse(strFromU8(bytes!));

async function makeSchoolWithAdmin(student: SessionUser) {
  const school = await db().school.create({ data: { name: `School ${Math.random()}` } });
  const admin = await makeTeacher({ name: "Ada Admin" });
  await db().schoolAdmin.create({ data: { schoolId: school.id, userId: admin.id } });
  await db().user.update({ where: { id: student.id }, data: { schoolId: school.id } });
  return { school, admin };
}

describe("a student's export", () => {
  it("holds their work in every state, valid against the published schemas", async () => {
    const w = await world();
    const { id } = await requestStudentExport(w.amira, w.amira.id);
    const { files, download } = await exported(w.amira, id);
    expect(download.fileName).toMatch(/^extent-export-student-amira-khan-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "annotations.jsonld", "data.json", "manifest.json", "pack.html", "pack.pdf"]);

    const data = json(files["data.json"]);
    expect(validateStudent(data), JSON.stringify(validateStudent.errors, null, 1)).toBe(true);
    expect(data).toMatchObject({ format: "extent-student-export", version: 1, audience: "student", account: { id: w.amira.id, name: "Amira Khan", role: "STUDENT" } });
    expect(data.classes).toEqual([expect.objectContaining({ name: "12H History", teachers: [{ name: "Ms Rosa Hughes", role: "OWNER" }] })]);
    const by = (id: string) => data.assignments.find((a: { id: string }) => a.id === id);
    // Planning: a plan, no draft text handed in.
    expect(by(w.planning).plan).toMatchObject({ revision: 1 });
    expect(by(w.planning).submissions).toEqual([]);
    // Drafting: the draft and its history, nothing handed in.
    expect(by(w.drafting).draft).toMatchObject({ text: "A first paragraph, not handed in.", submittedAt: null });
    expect(by(w.drafting).draft.history.length).toBeGreaterThan(0);
    // Submitted, not marked; and being marked, which the student does not see yet.
    expect(by(w.submitted).submissions).toEqual([expect.objectContaining({ number: 1, text: "Handed in, waiting.", marking: null })]);
    expect(by(w.marking).submissions[0].marking).toBeNull();
    // Marked, returned, responded to, redrafted.
    const redraft = by(w.assignmentId);
    expect(redraft.submissions.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    expect(redraft.submissions[0].marking).toMatchObject({ status: "RETURNED", total: 13, marksHeld: false, response: "I will weigh the factors.", redraftAllowed: true, marker: "Ms Rosa Hughes" });
    expect(redraft.submissions[0].marking.teacherReply).toEqual({ text: "Good: start with the economy.", repliedAt: expect.any(String), by: "Ms Rosa Hughes", byId: w.teacher.id });
    expect(redraft.submissions[1].marking).toBeNull();
    expect(redraft.submissions[0].annotations).toEqual([expect.objectContaining({ kind: "TARGET", exact: "The Secret Speech", comment: "Say what it changed 🙂" })]);
    expect(redraft.submissions[1].text).toBe(REDRAFT);
    expect(redraft.wholeClassFeedback).toMatchObject({ content: { intro: "A strong set overall." } });

    // Annotations: the W3C model, with code-point offsets (the emoji counts once).
    const annotations = json(files["annotations.jsonld"]);
    expect(validateAnnotations(annotations), JSON.stringify(validateAnnotations.errors, null, 1)).toBe(true);
    expect(annotations.total).toBe(1);
    const [anno] = annotations.first.items;
    const utf16 = rangeOf(EMOJI_ESSAY, "The Secret Speech");
    const position = anno.target.selector.find((s: { type: string }) => s.type === "TextPositionSelector");
    expect(position).toEqual({ type: "TextPositionSelector", start: utf16.start - 1, end: utf16.end - 1 });
    expect([...EMOJI_ESSAY].slice(position.start, position.end).join("")).toBe("The Secret Speech");
    expect(redraft.submissions[0].annotations[0]).toMatchObject({ startUtf16: utf16.start, endUtf16: utf16.end });

    // The manifest checks every file; the packs are readable.
    const manifest = json(files["manifest.json"]);
    for (const [name, entry] of Object.entries(manifest.files as Record<string, { sha256: string; bytes: number }>)) {
      expect(createHash("sha256").update(files[name]!).digest("hex"), name).toBe(entry.sha256);
    }
    const html = strFromU8(files["pack.html"]!);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<h1>Extent: the work and data of Amira Khan</h1>");
    expect(html).toContain("Reply from Ms Rosa Hughes");
    const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!).toBeLessThanOrEqual(1));
    expect(strFromU8(files["pack.pdf"]!.subarray(0, 5))).toBe("%PDF-");
    expect(strFromU8(files["pack.pdf"]!)).toContain("/StructTreeRoot");
  }, 60_000);

  it("for a school admin includes the marking in progress; the request, its audit row and its job commit together", async () => {
    const w = await world();
    const { admin, school } = await makeSchoolWithAdmin(w.amira);
    const { id, existing } = await requestStudentExport(admin, w.amira.id);
    expect(existing).toBe(false);
    // Asking again while it waits gives the same request.
    expect(await requestStudentExport(admin, w.amira.id)).toEqual({ id, existing: true });
    expect(await db().auditEvent.findMany({ where: { entityId: id }, select: { action: true, actorId: true, subjectId: true, schoolId: true } })).toEqual([
      { action: "EXPORT_REQUESTED", actorId: admin.id, subjectId: w.amira.id, schoolId: school.id },
    ]);
    const { rows } = await pool().query(`SELECT data FROM pgboss.job WHERE name = 'export' AND data->>'requestId' = $1`, [id]);
    expect(rows).toHaveLength(1);
    const { files } = await exported(admin, id);
    const data = json(files["data.json"]);
    expect(validateStudent(data), JSON.stringify(validateStudent.errors, null, 1)).toBe(true);
    expect(data.audience).toBe("school");
    expect(data.account.school).toEqual({ id: school.id, name: school.name });
    expect(data.assignments.find((a: { id: string }) => a.id === w.marking).submissions[0].marking).toMatchObject({ status: "IN_PROGRESS", total: 8, marksHeld: false, wentWell: "Half done." });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "EXPORT_DOWNLOADED", actorId: admin.id } })).toBe(1);
  }, 60_000);

  it("is refused to another student, a teacher, and an admin of another school, writing nothing", async () => {
    const w = await world();
    const outsiders = await makeOutsiders();
    await makeSchoolWithAdmin(w.amira);
    const otherSchoolAdmin = (await makeSchoolWithAdmin(outsiders.student)).admin;
    for (const who of [w.ben, w.teacher, otherSchoolAdmin]) {
      await expect(requestStudentExport(who, w.amira.id)).rejects.toMatchObject({ status: 404 });
    }
    // A teacher's own id is not a student to export.
    await expect(requestStudentExport(w.teacher, w.teacher.id)).rejects.toMatchObject({ status: 404 });
    expect(await db().exportRequest.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "EXPORT_REQUESTED" } })).toBe(0);
  }, 60_000);
});

describe("a class's export", () => {
  it("gives its teacher class.json, the marks CSV and a folder per student, with progress per student", async () => {
    const w = await world();
    const { id } = await requestClassExport(w.teacher, w.classroom.id);
    const seen: [number, number][] = [];
    await buildClassArchive(w.teacher, w.classroom.id, new Date(), async (done, total) => void seen.push([done, total]));
    expect(seen).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    const { files, request } = await exported(w.teacher, id);
    expect(request).toMatchObject({ done: 2, total: 2 });
    const klass = json(files["class.json"]);
    expect(klass.students.map((s: { name: string }) => s.name)).toEqual(["Amira Khan", "Ben Carter"]);
    expect(strFromU8(files["marks.csv"]!)).toContain("Amira Khan");
    const folder = klass.students[0].folder as string;
    for (const name of ["data.json", "annotations.jsonld", "pack.html", "pack.pdf"]) expect(files[folder + name], folder + name).toBeDefined();
    const data = json(files[folder + "data.json"]);
    expect(validateStudent(data), JSON.stringify(validateStudent.errors, null, 1)).toBe(true);
    expect(data.audience).toBe("class");
    expect(validateAnnotations(json(files[folder + "annotations.jsonld"]))).toBe(true);
  }, 90_000);

  it("is refused to a teacher of another class and to a student", async () => {
    const w = await world();
    const outsiders = await makeOutsiders();
    await expect(requestClassExport(outsiders.teacher, w.classroom.id)).rejects.toMatchObject({ status: 404 });
    await expect(requestClassExport(w.amira, w.classroom.id)).rejects.toMatchObject({ status: 403 });
    expect(await db().exportRequest.count()).toBe(0);
  }, 60_000);

  it("fails without a file when the teacher lost the class before the job ran", async () => {
    const w = await world();
    const { id } = await requestClassExport(w.teacher, w.classroom.id);
    await db().classTeacher.deleteMany({ where: { classroomId: w.classroom.id } });
    await runExportJob(id);
    expect(await db().exportRequest.findUniqueOrThrow({ where: { id }, select: { status: true, error: true } })).toEqual({ status: "FAILED", error: expect.stringMatching(/no longer export/) });
    expect(await db().exportFile.count()).toBe(0);
  }, 60_000);
});

describe("following and downloading an export", () => {
  it("shows progress to its requester only, and downloads only when done, until it expires", async () => {
    const student = await makeStudent({ name: "Zoë Łukasiewicz" });
    const other = await makeStudent();
    const { id } = await requestStudentExport(student, student.id);
    expect(await getMyExports(student, [id])).toEqual([expect.objectContaining({ id, status: "QUEUED", label: "My data", done: 0 })]);
    expect(await getMyExports(other, [id])).toEqual([]);
    await expect(openExportDownload(student, id)).rejects.toMatchObject({ status: 409 });
    await runExportJob(id);
    expect((await listMyExports(student))[0]).toMatchObject({ id, status: "DONE", done: 2, total: 2, fileName: expect.stringMatching(/^extent-export-student-zoe-lukasiewicz-/) });
    await expect(openExportDownload(other, id)).rejects.toMatchObject({ status: 404 });
    const { files } = await exported(student, id);
    expect(json(files["data.json"]).account.name).toBe("Zoë Łukasiewicz");
    // Running the job again (a retry after success) changes nothing.
    await runExportJob(id);
    expect(await db().exportFile.count()).toBe(1);
    // Seven days on it has expired: refused, and the daily retention sweep removes the file.
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    await expect(openExportDownload(student, id, later)).rejects.toMatchObject({ status: 404 });
    expect((await runRetentionSweep(later)).expiredExports).toBe(1);
    expect(await expireExports(later)).toBe(0);
    expect(await db().exportChunk.count()).toBe(0);
    expect((await listMyExports(student))[0]).toMatchObject({ status: "EXPIRED", fileName: null });
    await expect(openExportDownload(student, id)).rejects.toMatchObject({ status: 404 });
  }, 60_000);
});
