import "server-only";
import { db } from "../../db";
import { notFound } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { AwardSchema } from "../../marking/schemas";
import { rubricFromSnapshot } from "../../rubrics/rubric-catalogue";
import type { Rubric } from "../../rubrics/rubric-schema";
import { buildBoard, type TrackedAssignment, type TrackedDraft, type TrackedMarking, type TrackedPlan, type TrackedStudent } from "../board";
import { namesHidden } from "../../marking/blind";

// Internal: callers have already authorized the teacher (lib/tracking/tracking-data.ts,
// lib/tracking/exports.ts, lib/assignments/assignments.ts); app/ may not import this (lint).
//
// The one loader behind the board, the analytics and the department view: the assignments
// in one statement and the classes' work in one more, whatever the number of students or
// assignments (tests/integration/tracking-queries proves the count is the same for a class
// of 5 and of 60). Raw SQL rather than Prisma's nested findMany: each Prisma query with
// relations cost 3–8 ms of the server's CPU (its query compiler) and a round trip per
// relation, which a teacher reloading a board took from every writer on the same core
// (docs/decisions/019-tracking-in-sql.md, amended).

const awardsOf = (json: unknown) => {
  const parsed = AwardSchema.array().safeParse(json);
  return parsed.success ? parsed.data : [];
};

// A RubricVersion's content never changes (it is pinned by its fingerprint and only ever
// inserted, lib/rubrics/internal/pin-rubric.ts), so each process keeps the parsed rubric of
// the versions it has seen and asks the database only for the others' content. Bounded;
// nothing in it is state another instance would need.
const rubricCache = new Map<string, Rubric>();
const RUBRIC_CACHE_MAX = 200;

function rememberRubric(versionId: string, content: unknown): Rubric {
  const rubric = rubricFromSnapshot(content);
  if (rubricCache.size >= RUBRIC_CACHE_MAX) rubricCache.clear();
  rubricCache.set(versionId, rubric);
  return rubric;
}

type AssignmentRow = Omit<TrackedAssignment, "rubric" | "namesHidden"> & { rubricVersionId: string; content: unknown; blindMarking: boolean; namesRevealedAt: Date | null };

/** The classes' assignments in due order, each with its rubric: few rows, whatever the class size. */
export async function loadAssignments(classroomIds: string[], assignmentId?: string): Promise<TrackedAssignment[]> {
  const known = [...rubricCache.keys()];
  const rows = await db().$queryRaw<AssignmentRow[]>`
SELECT a.id, a."classroomId", a."dueAt", a."createdAt", a.status::text AS status, q.text AS "questionText", a."rubricVersionId",
  a."blindMarking", a."namesRevealedAt",
  CASE WHEN a."rubricVersionId" = ANY(${known}::text[]) THEN NULL ELSE rv.content END AS content
FROM "Assignment" a JOIN "Question" q ON q.id = a."questionId" JOIN "RubricVersion" rv ON rv.id = a."rubricVersionId"
WHERE a."classroomId" = ANY(${classroomIds}::text[]) ${assignmentId ? Prisma.sql`AND a.id = ${assignmentId}` : Prisma.empty}
ORDER BY a."dueAt", a."createdAt"`;
  return rows.map(({ rubricVersionId, content, blindMarking, namesRevealedAt, ...a }) => ({
    ...a,
    rubric: content === null ? rubricCache.get(rubricVersionId)! : rememberRubric(rubricVersionId, content),
    namesHidden: namesHidden({ blindMarking, namesRevealedAt }),
  }));
}

// `studentIds` narrows the rows to one page of the board (internal/board-sql.ts chose them).
type Scope = { classroomIds: string[]; assignmentId?: string; studentIds?: string[] };

// Times travel inside the JSON as epoch milliseconds (Prisma stores UTC `timestamp(3)`).
const ms = (column: string) => Prisma.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const date = (ms: number) => new Date(ms);
const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

type WorkRow = {
  classrooms: { id: string; name: string; yearGroup: string }[];
  students: (TrackedStudent & { classroomId: string })[];
  plans: (Omit<TrackedPlan, "updatedAt"> & { updatedAt: number })[];
  drafts: { id: string; assignmentId: string; studentId: string; wordCount: number; submittedAt: number | null; late: boolean; updatedAt: number }[];
  submissions: { draftId: string; number: number; submittedAt: number; status: TrackedMarking["status"] | null; total: number | null; awards: unknown; returnedAt: number | null }[];
};

/** The classes, their students (by name) and the work on their assignments, in one statement. */
async function loadWork(classroomIds: string[], assignmentIds: string[], studentIds?: string[]): Promise<WorkRow> {
  const ofStudents = (column: string) => (studentIds ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${studentIds}::text[])` : Prisma.empty);
  const [row] = await db().$queryRaw<WorkRow[]>`
SELECT
  (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name, 'yearGroup', c."yearGroup") ORDER BY c.name), '[]')
    FROM "Classroom" c WHERE c.id = ANY(${classroomIds}::text[])) AS classrooms,
  (SELECT COALESCE(json_agg(json_build_object('classroomId', e."classroomId", 'id', u.id, 'name', u.name, 'email', u.email) ORDER BY u.name), '[]')
    FROM "Enrolment" e JOIN "User" u ON u.id = e."studentId" WHERE e."classroomId" = ANY(${classroomIds}::text[]) ${ofStudents('e."studentId"')}) AS students,
  (SELECT COALESCE(json_agg(json_build_object('assignmentId', p."assignmentId", 'studentId', p."studentId", 'revision', p.revision, 'updatedAt', ${ms('p."updatedAt"')})), '[]')
    FROM "Plan" p WHERE p."assignmentId" = ANY(${assignmentIds}::text[]) ${ofStudents('p."studentId"')}) AS plans,
  (SELECT COALESCE(json_agg(json_build_object('id', d.id, 'assignmentId', d."assignmentId", 'studentId', d."studentId", 'wordCount', d."wordCount",
      'submittedAt', ${ms('d."submittedAt"')}, 'late', d.late, 'updatedAt', ${ms('d."updatedAt"')})), '[]')
    FROM "Draft" d WHERE d."assignmentId" = ANY(${assignmentIds}::text[]) ${ofStudents('d."studentId"')}) AS drafts,
  (SELECT COALESCE(json_agg(json_build_object('draftId', s."draftId", 'number', s.number, 'submittedAt', ${ms('s."submittedAt"')},
      'status', m.status, 'total', m.total, 'awards', m.awards, 'returnedAt', ${ms('m."returnedAt"')}) ORDER BY s."draftId", s.number), '[]')
    FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId" LEFT JOIN "Marking" m ON m."submissionId" = s.id
    WHERE d."assignmentId" = ANY(${assignmentIds}::text[]) ${ofStudents('d."studentId"')}) AS submissions`;
  return row!;
}

export async function loadTracking({ classroomIds, assignmentId, studentIds }: Scope, now: Date, known?: TrackedAssignment[]) {
  const tracked = known ?? (await loadAssignments(classroomIds, assignmentId));
  const assignmentIds = tracked.filter((a) => !assignmentId || a.id === assignmentId).map((a) => a.id);
  const work = await loadWork(classroomIds, assignmentIds, studentIds);
  // Each draft's versions in order, with their markings (none: null), as the board expects.
  const versions = new Map<string, TrackedDraft["submissions"]>();
  for (const s of work.submissions) {
    const list = versions.get(s.draftId) ?? [];
    list.push({
      number: s.number,
      submittedAt: date(s.submittedAt),
      marking: s.status === null ? null : { status: s.status, total: s.total, awards: awardsOf(s.awards), returnedAt: dateOrNull(s.returnedAt) },
    });
    versions.set(s.draftId, list);
  }
  const drafts: TrackedDraft[] = work.drafts.map(({ id, submittedAt, updatedAt, ...d }) => ({ ...d, submittedAt: dateOrNull(submittedAt), updatedAt: date(updatedAt), submissions: versions.get(id) ?? [] }));
  const plans: TrackedPlan[] = work.plans.map((p) => ({ ...p, updatedAt: date(p.updatedAt) }));
  // One board per class: a student sits in the rows of the classes they are enrolled in.
  return work.classrooms.map((classroom) => ({
    classroom,
    board: buildBoard({
      assignments: tracked.filter((a) => a.classroomId === classroom.id),
      students: work.students.filter((e) => e.classroomId === classroom.id).map(({ id, name, email }) => ({ id, name, email })),
      plans,
      drafts,
      now,
    }),
  }));
}

/** One assignment's column and rows, for callers that have already authorized the teacher. */
export async function trackAssignment(classroomId: string, assignmentId: string, now = new Date()) {
  const [only] = await loadTracking({ classroomIds: [classroomId], assignmentId }, now);
  const column = only?.board.columns[0];
  if (!only || !column) throw notFound("That assignment");
  return { classroom: only.classroom, column, rows: only.board.rows.map((r) => ({ ...r, cell: r.cells[0]! })) };
}
