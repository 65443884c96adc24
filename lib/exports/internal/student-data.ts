import "server-only";
import { FORMER_TEACHER } from "@/lib/marking/annotation-view";
import { db } from "../../db";
import { namesHidden } from "../../marking/blind";
import { marksReleased } from "../../marking/marks-release";
import { rubricFromSnapshot } from "../../rubrics/rubric-catalogue";
import { readWholeClassContent } from "../../whole-class-feedback/read-content";
import type { Award } from "../../rubrics/marks";
import type { StudentExport, ExportAudience } from "../export-types";

// Everything Extent holds about one student, as data.json's shape (decision 041,
// public/schemas/student-export-v1.schema.json). Unguarded: the caller has authorised.
//
// The audience decides what of a marking is included, so an export never shows more than
// the app would: the student sees returned markings, with levels and mark once released
// (decision 031); a school admin answering a subject access request sees everything;
// a class's teachers see their class's work, except blind-marked work whose names are still
// hidden (decision 029), which is left out of the class export altogether.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function loadStudentExport(studentId: string, audience: ExportAudience, classroomId?: string): Promise<StudentExport> {
  const student = await db().user.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      school: { select: { id: true, name: true } },
      identities: { select: { kind: true, issuer: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      enrolments: {
        where: classroomId ? { classroomId } : {},
        select: {
          joinedAt: true,
          classroom: {
            select: { id: true, name: true, subject: true, yearGroup: true, teachers: { select: { role: true, teacher: { select: { name: true } } }, orderBy: { addedAt: "asc" } } },
          },
        },
        orderBy: { joinedAt: "asc" },
      },
    },
  });
  const inScope = classroomId ? { classroomId } : {};
  const assignments = await db().assignment.findMany({
    // Work in their classes, and any work of theirs left in a class they have since left.
    where: {
      ...inScope,
      OR: [
        { classroom: { enrolments: { some: { studentId } } } },
        { plans: { some: { studentId } } },
        { drafts: { some: { studentId } } },
      ],
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      classroomId: true,
      instructions: true,
      dueAt: true,
      wordLimit: true,
      status: true,
      closedAt: true,
      feedbackBeforeMarks: true,
      blindMarking: true,
      namesRevealedAt: true,
      createdAt: true,
      question: { select: { text: true } },
      rubricVersion: { select: { rubricId: true, version: true, title: true, content: true } },
      wholeClassFeedback: { select: { content: true, publishedAt: true } },
      candidateNumbers: { where: { studentId }, select: { number: true } },
      plans: { where: { studentId }, select: { id: true, content: true, revision: true, createdAt: true, updatedAt: true } },
      drafts: {
        where: { studentId },
        select: {
          id: true,
          text: true,
          wordCount: true,
          revision: true,
          createdAt: true,
          updatedAt: true,
          submittedAt: true,
          late: true,
          paragraphLinks: true,
          revisions: { select: { id: true, text: true, wordCount: true, reason: true, createdAt: true, updatedAt: true }, orderBy: { createdAt: "asc" } },
          pastes: { select: { at: true, chars: true }, orderBy: { at: "asc" } },
          spans: { select: { startedAt: true, endedAt: true, wordCount: true }, orderBy: { startedAt: "asc" } },
          submissions: {
            orderBy: { number: "asc" },
            select: {
              id: true,
              number: true,
              text: true,
              wordCount: true,
              submittedAt: true,
              late: true,
              marking: {
                select: {
                  id: true,
                  awards: true,
                  total: true,
                  wentWell: true,
                  evenBetterIf: true,
                  allowRedraft: true,
                  status: true,
                  returnedAt: true,
                  response: true,
                  respondedAt: true,
                  teacherReply: true,
                  teacherRepliedAt: true,
                  teacherReplyBy: { select: { id: true, name: true } },
                  marksReleasedAt: true,
                  updatedAt: true,
                  marker: { select: { name: true } },
                },
              },
              annotations: {
                orderBy: [{ start: "asc" }, { id: "asc" }],
                select: {
                  id: true,
                  kind: true,
                  criterionId: true,
                  comment: true,
                  exact: true,
                  prefix: true,
                  suffix: true,
                  start: true,
                  end: true,
                  status: true,
                  addressedNote: true,
                  addressedAt: true,
                  createdAt: true,
                  updatedAt: true,
                  author: { select: { id: true, name: true } },
                },
              },
            },
          },
        },
      },
    },
  });

  const classNames = new Map(student.enrolments.map((e) => [e.classroom.id, e.classroom.name]));
  const out: StudentExport["assignments"] = [];
  for (const a of assignments) {
    // A class export leaves out blind-marked work whose names are still hidden.
    if (audience === "class" && namesHidden(a)) continue;
    const rubric = rubricFromSnapshot(a.rubricVersion.content);
    const criterionName = (id: string) => rubric.criteria.find((c) => c.id === id)?.name ?? id;
    const draft = a.drafts[0] ?? null;
    const plan = a.plans[0] ?? null;
    let anyReturned = false;
    const submissions = (draft?.submissions ?? []).map((s) => {
      const m = s.marking;
      const visible = m && (audience !== "student" || m.status === "RETURNED");
      if (visible && m.status === "RETURNED") anyReturned = true;
      const released = m ? marksReleased(m, a.feedbackBeforeMarks) : false;
      const marksShown = audience !== "student" || released;
      // The student sees annotations once the marking is returned, as in the app.
      const annotationsShown = audience !== "student" || m?.status === "RETURNED";
      return {
        id: s.id,
        number: s.number,
        text: s.text,
        wordCount: s.wordCount,
        submittedAt: s.submittedAt.toISOString(),
        late: s.late,
        marking:
          m && visible
            ? {
                id: m.id,
                status: m.status,
                marker: m.marker?.name ?? null,
                awards: marksShown ? (m.awards as Award[]) : null,
                total: marksShown ? m.total : null,
                marksHeld: !marksShown,
                wentWell: m.wentWell,
                evenBetterIf: m.evenBetterIf,
                redraftAllowed: m.allowRedraft,
                returnedAt: iso(m.returnedAt),
                marksReleasedAt: iso(m.marksReleasedAt),
                response: m.response,
                respondedAt: iso(m.respondedAt),
                teacherReply: m.teacherRepliedAt
                  ? { text: m.teacherReply, repliedAt: m.teacherRepliedAt.toISOString(), by: m.teacherReplyBy?.name ?? FORMER_TEACHER, byId: m.teacherReplyBy?.id ?? null }
                  : null,
                updatedAt: m.updatedAt.toISOString(),
              }
            : null,
        annotations: annotationsShown
          ? s.annotations.map((n) => ({
              id: n.id,
              kind: n.kind,
              criterionId: n.criterionId,
              criterion: criterionName(n.criterionId),
              comment: n.comment,
              exact: n.exact,
              prefix: n.prefix,
              suffix: n.suffix,
              startUtf16: n.start,
              endUtf16: n.end,
              status: n.status,
              addressedNote: n.addressedNote,
              addressedAt: iso(n.addressedAt),
              author: n.author?.name ?? FORMER_TEACHER,
              authorId: n.author?.id ?? null,
              createdAt: n.createdAt.toISOString(),
              updatedAt: n.updatedAt.toISOString(),
            }))
          : [],
      };
    });
    const wcf = a.wholeClassFeedback;
    const wholeClassShown = wcf?.publishedAt && (audience !== "student" || anyReturned);
    out.push({
      id: a.id,
      classroomId: a.classroomId,
      className: classNames.get(a.classroomId) ?? null,
      question: a.question.text,
      instructions: a.instructions,
      dueAt: a.dueAt.toISOString(),
      wordLimit: a.wordLimit,
      status: a.status,
      closedAt: iso(a.closedAt),
      rubric: { id: a.rubricVersion.rubricId, version: a.rubricVersion.version, title: a.rubricVersion.title, criteria: rubric.criteria.map((c) => ({ id: c.id, name: c.name })) },
      feedbackBeforeMarks: a.feedbackBeforeMarks,
      blindMarking: a.blindMarking,
      candidateNumber: a.candidateNumbers[0]?.number ?? null,
      plan: plan ? { id: plan.id, content: plan.content, revision: plan.revision, createdAt: plan.createdAt.toISOString(), updatedAt: plan.updatedAt.toISOString() } : null,
      draft: draft
        ? {
            id: draft.id,
            text: draft.text,
            wordCount: draft.wordCount,
            revision: draft.revision,
            createdAt: draft.createdAt.toISOString(),
            updatedAt: draft.updatedAt.toISOString(),
            submittedAt: iso(draft.submittedAt),
            late: draft.late,
            paragraphLinks: draft.paragraphLinks,
            history: draft.revisions.map((r) => ({ id: r.id, reason: r.reason, text: r.text, wordCount: r.wordCount, startedAt: r.createdAt.toISOString(), savedAt: r.updatedAt.toISOString() })),
            pastes: draft.pastes.map((p) => ({ at: p.at.toISOString(), chars: p.chars })),
            thinnedSessions: draft.spans.map((s) => ({ startedAt: s.startedAt.toISOString(), endedAt: s.endedAt.toISOString(), wordCount: s.wordCount })),
          }
        : null,
      submissions,
      wholeClassFeedback: wholeClassShown ? { publishedAt: wcf.publishedAt!.toISOString(), content: readWholeClassContent(wcf.content, rubric) } : null,
    });
  }

  return {
    account: {
      id: student.id,
      name: student.name,
      email: student.email,
      role: student.role,
      createdAt: student.createdAt.toISOString(),
      school: student.school,
      identities: student.identities.map((i) => ({ kind: i.kind, issuer: i.issuer, createdAt: i.createdAt.toISOString() })),
    },
    classes: student.enrolments.map((e) => ({
      id: e.classroom.id,
      name: e.classroom.name,
      subject: e.classroom.subject,
      yearGroup: e.classroom.yearGroup,
      joinedAt: e.joinedAt.toISOString(),
      teachers: e.classroom.teachers.map((t) => ({ name: t.teacher.name, role: t.role })),
    })),
    assignments: out,
  };
}
