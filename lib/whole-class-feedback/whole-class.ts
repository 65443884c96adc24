import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";
import type { Rubric } from "../rubrics/rubric-schema";
import { SaveMarkingSchema } from "../marking/schemas";
import { summariseClass, type AggregateEssay } from "./aggregate";
import { draftWholeClass } from "./draft";
import { PublishWholeClassSchema, SaveWholeClassSchema, type PublishWholeClassInput, type SaveWholeClassInput, type WholeClassContent } from "./schemas";
import { isEmptyContent, readWholeClassContent } from "./read-content";
import { recordClassAudit } from "../audit/scoped";

// The teacher's whole-class feedback on one assignment (decision 032): drafted from the marks
// and annotations, saved with compare-and-swap on `revision` like a marking, and published to
// the class. Students read it through lib/marking/feedback.ts, beside their own feedback.

export type StoredWholeClass = { content: WholeClassContent; revision: number; publishedAt: Date | null; updatedAt: Date | null; editedByName: string | null };
export type SaveWholeClassResult = { ok: true; feedback: StoredWholeClass } | { ok: false; conflict: StoredWholeClass };

const storedSelect = { content: true, revision: true, publishedAt: true, updatedAt: true, editedBy: { select: { name: true } } } as const;
type StoredRow = { content: unknown; revision: number; publishedAt: Date | null; updatedAt: Date; editedBy: { name: string } | null };

const toStored = (row: StoredRow, rubric: Rubric): StoredWholeClass => ({
  content: readWholeClassContent(row.content, rubric),
  revision: row.revision,
  publishedAt: row.publishedAt,
  updatedAt: row.updatedAt,
  editedByName: row.editedBy?.name ?? null,
});

const NOTHING_SAVED = (rubric: Rubric): StoredWholeClass => ({ content: readWholeClassContent(null, rubric), revision: 0, publishedAt: null, updatedAt: null, editedByName: null });

async function loadRubric(assignmentId: string) {
  const row = await db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { rubricVersion: { select: { content: true } } } });
  return rubricFromSnapshot(row.rubricVersion.content);
}

/**
 * Everything the whole-class feedback page needs: the summary of the class's marks and
 * annotations (each enrolled student's latest marked version), a first draft written from it,
 * and what is saved, if anything.
 */
export async function getWholeClassFeedback(user: SessionUser, assignmentId: string) {
  const { classroomId } = await requireTeacherOfAssignment(user, assignmentId);
  const [assignment, drafts, enrolments, bank, stored] = await Promise.all([
    db().assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { id: true, question: { select: { text: true } }, classroom: { select: { id: true, name: true } }, rubricVersion: { select: { content: true } } },
    }),
    db().draft.findMany({
      where: { assignmentId, student: { enrolments: { some: { classroomId } } }, submissions: { some: { marking: { isNot: null } } } },
      select: {
        student: { select: { name: true } },
        submissions: {
          where: { marking: { isNot: null } },
          orderBy: { number: "desc" },
          take: 1,
          select: { marking: { select: { awards: true, total: true } }, annotations: { select: { kind: true, criterionId: true, comment: true, exact: true } } },
        },
      },
    }),
    db().enrolment.findMany({ where: { classroomId }, select: { student: { select: { name: true } } } }),
    // Comments from the banks of everyone who teaches the class: co-teachers mark with theirs.
    db().commentBankEntry.findMany({ where: { teacher: { classTeaching: { some: { classroomId } } } }, select: { text: true, criterionId: true, kind: true } }),
    db().wholeClassFeedback.findUnique({ where: { assignmentId }, select: storedSelect }),
  ]);
  const rubric = rubricFromSnapshot(assignment.rubricVersion.content);
  const essays: AggregateEssay[] = drafts.map((d) => {
    const submission = d.submissions[0];
    const awards = SaveMarkingSchema.shape.awards.safeParse(submission?.marking?.awards);
    return {
      studentName: d.student.name,
      // Only a complete marking (its total set) counts towards the levels.
      awards: submission?.marking?.total !== null && awards.success ? awards.data : null,
      annotations: submission?.annotations ?? [],
    };
  });
  const summary = summariseClass({
    criteria: rubric.criteria.map((c) => ({ id: c.id, name: c.name, levels: c.levels.map((l) => l.level) })),
    essays,
    bank,
    classNames: enrolments.map((e) => e.student.name),
  });
  return {
    assignment: { id: assignment.id, question: assignment.question.text, classroom: assignment.classroom, rubric },
    summary,
    draft: readWholeClassContent(draftWholeClass(summary), rubric),
    stored: stored ? toStored(stored, rubric) : null,
  };
}

export type WholeClassPage = Awaited<ReturnType<typeof getWholeClassFeedback>>;

function assertRubricCriteria(content: WholeClassContent, rubric: Rubric) {
  const unknown = content.criteria.find((c) => !rubric.criteria.some((r) => r.id === c.criterionId));
  if (unknown) throw new AppError("That section is not a criterion of this assignment's mark scheme. Reload the page.", 422);
}

const current = async (assignmentId: string, rubric: Rubric) => {
  const row = await db().wholeClassFeedback.findUnique({ where: { assignmentId }, select: storedSelect });
  return row ? toStored(row, rubric) : NOTHING_SAVED(rubric);
};

/**
 * Saves the teacher's edit. Compare-and-swap on `revision`: a save based on an older one is
 * refused and gets the newer text back, so two teachers of the class never overwrite each
 * other unseen. A published feedback's students see a saved edit at once.
 */
export async function saveWholeClassFeedback(user: SessionUser, raw: SaveWholeClassInput): Promise<SaveWholeClassResult> {
  const input = SaveWholeClassSchema.parse(raw);
  await requireTeacherOfAssignment(user, input.assignmentId);
  const rubric = await loadRubric(input.assignmentId);
  assertRubricCriteria(input.content, rubric);
  const content = readWholeClassContent(input.content, rubric);
  if (input.baseRevision === 0) {
    try {
      const created = await db().wholeClassFeedback.create({ data: { assignmentId: input.assignmentId, content, revision: 1, editedById: user.id }, select: storedSelect });
      return { ok: true, feedback: toStored(created, rubric) };
    } catch (e) {
      // Another tab or teacher saved the first version a moment earlier.
      if (!isUniqueViolation(e)) throw e;
      return { ok: false, conflict: await current(input.assignmentId, rubric) };
    }
  }
  const { count } = await db().wholeClassFeedback.updateMany({
    where: { assignmentId: input.assignmentId, revision: input.baseRevision },
    data: { content, editedById: user.id, revision: { increment: 1 } },
  });
  const after = await current(input.assignmentId, rubric);
  return count ? { ok: true, feedback: after } : { ok: false, conflict: after };
}

/** Publishes the saved text to the class's students, or takes it back; on the saved revision only. */
export async function publishWholeClassFeedback(user: SessionUser, raw: PublishWholeClassInput): Promise<SaveWholeClassResult> {
  const input = PublishWholeClassSchema.parse(raw);
  const { classroomId } = await requireTeacherOfAssignment(user, input.assignmentId);
  const rubric = await loadRubric(input.assignmentId);
  const saved = await current(input.assignmentId, rubric);
  if (saved.revision === 0) throw new AppError("Save the whole-class feedback before publishing it.", 409);
  if (saved.revision !== input.baseRevision) return { ok: false, conflict: saved };
  if (input.publish && isEmptyContent(saved.content)) throw new AppError("Write some feedback before publishing it: every section is empty.", 422);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.wholeClassFeedback.updateMany({
      where: { assignmentId: input.assignmentId, revision: input.baseRevision },
      data: { publishedAt: input.publish ? new Date() : null, editedById: user.id, revision: { increment: 1 } },
    });
    if (count) {
      const event = { action: "MARKING_RETURNED", actorId: user.id, entityType: "WholeClassFeedback", entityId: input.assignmentId, detail: { published: input.publish } } as const;
      await recordClassAudit(tx, classroomId, event);
    }
    return count;
  });
  const after = await current(input.assignmentId, rubric);
  return count ? { ok: true, feedback: after } : { ok: false, conflict: after };
}
