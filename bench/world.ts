import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { SESSION_DAYS, sessionTokenHash } from "../lib/auth/session-token";

// Bulk-inserted worlds for the deadline bench, in a handful of set-based statements
// (generate_series), so 3,000 students take a second rather than minutes of factory calls.
// Sessions are inserted directly with known tokens: the table holds the HMAC of the cookie
// token with SESSION_SECRET (lib/auth/session-token.ts), so the bench can sign every writer in
// without a password hash or a sign-in request. Each lasts as long as a new session does,
// so none is due for renewal (which the autosave fast path leaves to the route).

const root = path.resolve(import.meta.dirname, "..");
export { sessionTokenHash };

// One prefix per world, so several worlds share one database without colliding.
const prefix = (tag: string) => `bench${tag}${randomBytes(3).toString("hex")}`;
const future = () => new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);

/** An essay of about `words` words of plain history prose. */
export function essayOf(words: number): string {
  const sentence = "The Treaty of Versailles weakened the Weimar Republic, but the Depression turned resentment into votes for extremist parties. ";
  const per = sentence.split(" ").length - 1;
  return sentence.repeat(Math.ceil(words / per)).trim();
}

/** A session for an existing user, returning its cookie token. */
export async function insertSession(client: pg.Client, secret: string, userId: string): Promise<string> {
  const token = `bench-${randomBytes(24).toString("hex")}`;
  await client.query(`INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3, $4)`, [`${token.slice(0, 30)}`, sessionTokenHash(secret, token), userId, future()]);
  return token;
}

type Base = { teacherId: string; classroomId: string; questionId: string; rubricVersionId: string; teacherToken: string };

async function baseWorld(client: pg.Client, secret: string, p: string): Promise<Base> {
  const rubric = JSON.parse(readFileSync(path.join(root, "rubrics/holistic-15-markbands.json"), "utf8")) as { id: string; version: number; title: string };
  const ids = { teacherId: `${p}t`, classroomId: `${p}c`, questionId: `${p}q`, rubricVersionId: `${p}r`, topicId: `${p}tp` };
  const teacherToken = `${p}-teacher-${randomBytes(16).toString("hex")}`;
  await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash") VALUES ($1, $2, 'Bench Teacher', 'TEACHER', 'bench$no-sign-in')`, [ids.teacherId, `${p}-teacher@bench.test`]);
  await client.query(`INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3, $4)`, [`${p}ts`, sessionTokenHash(secret, teacherToken), ids.teacherId, future()]);
  await client.query(`INSERT INTO "Classroom" (id, name, subject, "yearGroup", "joinCode", "teacherId") VALUES ($1, $2, 'History', 'Year 12', $3, $4)`, [ids.classroomId, `Bench ${p}`, p.toUpperCase(), ids.teacherId]);
  await client.query(`INSERT INTO "ClassTeacher" ("classroomId", "teacherId", role) VALUES ($1, $2, 'OWNER')`, [ids.classroomId, ids.teacherId]);
  await client.query(`INSERT INTO "Topic" (id, title, "ownerId", "sourceFormat", "sourceText") VALUES ($1, 'Weimar Germany', $2, 'TEXT', '')`, [ids.topicId, ids.teacherId]);
  await client.query(
    `INSERT INTO "Question" (id, "topicId", "createdById", text, source, stem, focus) VALUES ($1, $2, $3, 'To what extent was the Depression the main reason for the rise of the Nazis?', 'MANUAL', 'TO_WHAT_EXTENT', 'STATED_FACTOR')`,
    [ids.questionId, ids.topicId, ids.teacherId],
  );
  await client.query(`INSERT INTO "RubricVersion" (id, "rubricId", version, fingerprint, title, content) VALUES ($1, $2, $3, $4, $5, $6)`, [
    ids.rubricVersionId, rubric.id, rubric.version, `${p}-fingerprint`, rubric.title, JSON.stringify(rubric),
  ]);
  return { ...ids, teacherToken };
}

async function students(client: pg.Client, secret: string, p: string, classroomId: string, n: number): Promise<string[]> {
  const tokens = Array.from({ length: n }, (_, i) => `${p}-s${i}-${randomBytes(12).toString("hex")}`);
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash")
     SELECT $1 || 's' || i, $1 || '-s' || i || '@bench.test', 'Student ' || i, 'STUDENT', 'bench$no-sign-in' FROM generate_series(0, $2 - 1) i`,
    [p, n],
  );
  await client.query(`INSERT INTO "Enrolment" (id, "classroomId", "studentId") SELECT $1 || 'e' || i, $2, $1 || 's' || i FROM generate_series(0, $3 - 1) i`, [p, classroomId, n]);
  await client.query(
    `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") SELECT $1 || 'ss' || (i - 1), h, $1 || 's' || (i - 1), $3 FROM unnest($2::text[]) WITH ORDINALITY AS t(h, i)`,
    [p, tokens.map((t) => sessionTokenHash(secret, t)), future()],
  );
  return tokens;
}

export type WritersWorld = { assignmentId: string; tokens: string[]; text: string };

/** A class of `writers` students on one open assignment, each with a draft of `words` words at revision 0. */
export async function writersWorld(client: pg.Client, secret: string, writers: number, words: number): Promise<WritersWorld> {
  const p = prefix("w");
  const base = await baseWorld(client, secret, p);
  const tokens = await students(client, secret, p, base.classroomId, writers);
  const assignmentId = `${p}a`;
  await client.query(`INSERT INTO "Assignment" (id, "classroomId", "questionId", "rubricVersionId", "setById", "dueAt") VALUES ($1, $2, $3, $4, $5, $6)`, [
    assignmentId, base.classroomId, base.questionId, base.rubricVersionId, base.teacherId, future(),
  ]);
  const text = essayOf(words);
  await client.query(
    `INSERT INTO "Draft" (id, "assignmentId", "studentId", text, "wordCount", "updatedAt") SELECT $1 || 'd' || i, $2, $1 || 's' || i, $3, $4, now() FROM generate_series(0, $5 - 1) i`,
    [p, assignmentId, text, words, writers],
  );
  return { assignmentId, tokens, text };
}

export type ClassWorld = { classroomId: string; assignmentIds: string[]; teacherToken: string };

/**
 * A teacher's class of `n` students with `assignments` assignments, in the mix a board shows
 * mid-term: per student and assignment, by turns no draft, writing, submitted, submitted late,
 * and marked and returned (a 300-word essay, a holistic mark).
 */
export async function classWorld(client: pg.Client, secret: string, n: number, assignments: number): Promise<ClassWorld> {
  const p = prefix("c");
  const base = await baseWorld(client, secret, p);
  await students(client, secret, p, base.classroomId, n);
  const assignmentIds = Array.from({ length: assignments }, (_, a) => `${p}a${a}`);
  const text = essayOf(300);
  for (const [a, assignmentId] of assignmentIds.entries()) {
    // Due one to three weeks ago, so lateness and overdue counts show.
    const due = new Date(Date.now() - (a + 1) * 7 * 24 * 3600 * 1000);
    await client.query(`INSERT INTO "Assignment" (id, "classroomId", "questionId", "rubricVersionId", "setById", "dueAt") VALUES ($1, $2, $3, $4, $5, $6)`, [
      assignmentId, base.classroomId, base.questionId, base.rubricVersionId, base.teacherId, due,
    ]);
    const kind = `((i + ${a}) % 5)`; // 0 none, 1 writing, 2 submitted, 3 late, 4 returned
    await client.query(
      `INSERT INTO "Draft" (id, "assignmentId", "studentId", text, "wordCount", revision, "updatedAt", "submittedAt", late)
       SELECT $1 || 'd' || i, $2, $3 || 's' || i, $4, 300, 5, $5::timestamp - interval '1 hour' * i,
              CASE WHEN ${kind} >= 2 THEN $5::timestamp + CASE WHEN ${kind} = 3 THEN interval '1 day' ELSE interval '-1 day' END END,
              ${kind} = 3
       FROM generate_series(0, $6 - 1) i WHERE ${kind} <> 0`,
      [`${assignmentId}`, assignmentId, p, text, due, n],
    );
    await client.query(
      `INSERT INTO "DraftRevision" (id, "draftId", text, "wordCount", reason, "updatedAt") SELECT d.id || 'r', d.id, d.text, d."wordCount", 'AUTOSAVE', d."updatedAt" FROM "Draft" d WHERE d."assignmentId" = $1`,
      [assignmentId],
    );
    await client.query(
      `INSERT INTO "Submission" (id, "draftId", number, text, "wordCount", "submittedAt", late) SELECT d.id || 'v1', d.id, 1, d.text, d."wordCount", d."submittedAt", d.late FROM "Draft" d WHERE d."assignmentId" = $1 AND d."submittedAt" IS NOT NULL`,
      [assignmentId],
    );
    await client.query(
      `INSERT INTO "Marking" (id, "submissionId", "markerId", awards, total, "wentWell", "evenBetterIf", status, "returnedAt", revision, "updatedAt")
       SELECT s.id || 'm', s.id, $2, jsonb_build_array(jsonb_build_object('criterionId', 'overall', 'level', 2 + ascii(right(s.id, 3)) % 3, 'mark', 5 + 3 * (ascii(right(s.id, 3)) % 3))),
              5 + 3 * (ascii(right(s.id, 3)) % 3), 'Clear focus on the question.', 'Weigh the factors against each other.', 'RETURNED', now(), 1, now()
       FROM "Submission" s JOIN "Draft" d ON d.id = s."draftId" WHERE d."assignmentId" = $1 AND d."submittedAt" IS NOT NULL AND NOT d.late AND ((substring(d."studentId" from '[0-9]+$')::int + $3) % 5) = 4`,
      [assignmentId, base.teacherId, a],
    );
  }
  return { classroomId: base.classroomId, assignmentIds, teacherToken: base.teacherToken };
}
