import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { rubricFingerprint } from "../lib/rubrics/load-rubrics";
import { listRubrics } from "../lib/rubrics/rubric-catalogue";

// A teacher with one class of `students` students and `assignments` assignments of varied
// work, bulk-inserted with generate_series: 3,000 students take seconds, not minutes of
// factory calls. Shared by the tracking tests (tests/integration/tracking-sql.test.ts) and
// the bench's board/department timings. Every kind of cell appears: each student's work on
// assignment k is STATES[(i + k) % 10], so any ten students in a row cover them all.

export const STATES = ["resubmitted", "marked", "late", "nothing", "planning", "drafting", "submitted", "returned", "empty-draft", "part-marked"] as const;

const RUBRICS = ["strands-20-four-strands", "summed-30-two-tables", "holistic-25-five-levels"] as const;
const MARKING: Record<(typeof RUBRICS)[number], { awards: object[]; total: number }> = {
  "strands-20-four-strands": { awards: ["analysis", "knowledge", "judgement", "organisation"].map((criterionId, i) => ({ criterionId, level: i === 2 ? 2 : 3 })), total: 11 },
  "summed-30-two-tables": {
    awards: [
      { criterionId: "knowledge-understanding", level: 4, mark: 11 },
      { criterionId: "analysis-judgement", level: 3, mark: 8 },
    ],
    total: 19,
  },
  "holistic-25-five-levels": { awards: [{ criterionId: "overall", level: 3, mark: 13 }], total: 13 },
};

const DAY = 24 * 3600 * 1000;

export async function bulkClass(prisma: PrismaClient, { students, assignments }: { students: number; assignments: number }) {
  const p = `bulk${randomBytes(4).toString("hex")}`;
  const teacher = await prisma.user.create({ data: { id: `${p}t`, name: `Teacher of ${students}`, email: `${p}t@example.test`, role: "TEACHER", passwordHash: "not-for-signing-in" }, select: { id: true, name: true, email: true, role: true } });
  const classroom = await prisma.classroom.create({ data: { id: `${p}c`, name: `Class of ${students}`, subject: "History", yearGroup: "Year 12", joinCode: p.slice(-8).toUpperCase(), teacherId: teacher.id, teachers: { create: { teacherId: teacher.id, role: "OWNER" } } } });
  const topic = await prisma.topic.create({ data: { title: "Khrushchev", ownerId: teacher.id, sourceFormat: "TEXT", sourceText: "" }, select: { id: true } });
  const question = await prisma.question.create({
    data: { topicId: topic.id, text: "How far did Khrushchev change the USSR?", createdById: teacher.id, source: "MANUAL", stem: "HOW_FAR", focus: "NONE" },
    select: { id: true },
  });
  const catalogue = listRubrics().rubrics;
  const versions: string[] = [];
  for (const id of RUBRICS) {
    const rubric = catalogue.find((r) => r.id === id)!;
    const fingerprint = rubricFingerprint(rubric);
    const row = await prisma.rubricVersion.upsert({ where: { fingerprint }, create: { rubricId: id, version: rubric.version, fingerprint, title: rubric.title, content: rubric }, update: {}, select: { id: true } });
    versions.push(row.id);
  }
  const now = Date.now();
  const set = Array.from({ length: assignments }, (_, k) => ({ id: `${p}a${k}`, kind: RUBRICS[k % RUBRICS.length]! }));
  await prisma.assignment.createMany({
    data: set.map((a, k) => ({ id: a.id, classroomId: classroom.id, questionId: question.id, rubricVersionId: versions[k % RUBRICS.length]!, setById: teacher.id, dueAt: new Date(now + (2 + k) * DAY), wordLimit: 1500 })),
  });

  await prisma.$executeRaw`INSERT INTO "User" (id, name, email, role, "passwordHash")
    SELECT ${p} || 's' || i, 'Student ' || lpad(i::text, 5, '0') || ' of ' || ${students}::int, ${p} || 's' || i || '@example.test', 'STUDENT'::"Role", 'not-for-signing-in'
    FROM generate_series(0, ${students}::int - 1) i`;
  await prisma.$executeRaw`INSERT INTO "Enrolment" (id, "classroomId", "studentId") SELECT ${p} || 'e' || i, ${classroom.id}, ${p} || 's' || i FROM generate_series(0, ${students}::int - 1) i`;

  // One row per student × assignment with its state; the work tables are filled from it.
  const work = (columns: string) => `WITH w AS (
    SELECT i, k, '${p}a' || k AS aid, '${p}s' || i AS sid, '${p}d' || k || '_' || i AS did,
      (ARRAY[${STATES.map((s) => `'${s}'`).join(",")}])[((i + k) % ${STATES.length}) + 1] AS state
    FROM generate_series(0, ${students - 1}) i, generate_series(0, ${assignments - 1}) k
  ) ${columns}`;
  const handedIn = new Date(now - 60_000).toISOString();
  await prisma.$executeRawUnsafe(
    work(`INSERT INTO "Plan" (id, "assignmentId", "studentId", content, revision, "updatedAt") SELECT '${p}p' || k || '_' || i, aid, sid, '{}'::jsonb, 2, now() FROM w WHERE state NOT IN ('nothing', 'empty-draft')`),
  );
  await prisma.$executeRawUnsafe(
    work(`INSERT INTO "Draft" (id, "assignmentId", "studentId", text, "wordCount", revision, "updatedAt", "submittedAt", late)
      SELECT did, aid, sid, CASE WHEN state = 'empty-draft' THEN '' ELSE 'An essay about Khrushchev.' END, CASE WHEN state = 'empty-draft' THEN 0 ELSE 4 END, 3, now(),
        CASE WHEN state IN ('drafting', 'empty-draft') THEN NULL ELSE '${handedIn}'::timestamp END, state = 'late'
      FROM w WHERE state NOT IN ('nothing', 'planning')`),
  );
  await prisma.$executeRawUnsafe(
    work(`, v AS (SELECT w.*, n FROM w, generate_series(1, CASE WHEN state = 'resubmitted' THEN 2 ELSE 1 END) n WHERE state NOT IN ('nothing', 'planning', 'drafting', 'empty-draft'))
      INSERT INTO "Submission" (id, "draftId", number, text, "wordCount", "submittedAt", late) SELECT did || '_' || n, did, n, 'An essay about Khrushchev.', 4, '${handedIn}'::timestamp, n = 1 AND state = 'late' FROM v`),
  );
  // Markings: complete (marked), returned (returned, and the first version of resubmitted), part-marked.
  for (const [k, a] of set.entries()) {
    const m = MARKING[a.kind];
    const awards = JSON.stringify(m.awards);
    const part = JSON.stringify(m.awards.slice(0, 1));
    await prisma.$executeRawUnsafe(
      work(`INSERT INTO "Marking" (id, "submissionId", awards, total, status, "returnedAt", revision, "allowRedraft", "updatedAt")
        SELECT did || '_m1', did || '_1',
          CASE WHEN state = 'part-marked' THEN '${part}'::jsonb ELSE '${awards}'::jsonb END,
          CASE WHEN state = 'part-marked' THEN NULL ELSE ${m.total} END,
          CASE WHEN state IN ('returned', 'resubmitted') THEN 'RETURNED'::"MarkingStatus" ELSE 'IN_PROGRESS'::"MarkingStatus" END,
          CASE WHEN state IN ('returned', 'resubmitted') THEN '${handedIn}'::timestamp END,
          CASE WHEN state IN ('returned', 'resubmitted') THEN 2 ELSE 1 END,
          state IN ('returned', 'resubmitted'), now()
        FROM w WHERE k = ${k} AND state IN ('marked', 'returned', 'resubmitted', 'part-marked')`),
    );
  }
  // Fresh statistics, as autovacuum would gather after a bulk load: without them the
  // planner takes the new tables for empty and picks nested loops.
  await prisma.$executeRawUnsafe(`ANALYZE "User", "Enrolment", "Assignment", "Plan", "Draft", "Submission", "Marking"`);
  return { teacher, classroomId: classroom.id, assignments: set.map((a) => a.id), students };
}
