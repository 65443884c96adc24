import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { actionNamed, marker, signUpActor, type Actor, type ActionOutcome } from "./http";

// A small school built over HTTP through the app's own actions, for the matrix and fuzz
// tests: teacher A's class with a set assignment and student S1's handed-in essay, teacher C
// co-teaching it (invited by A, accepted), and teacher B's class with student S2. Every text the matrix watches for leaks is a unique
// marker, so finding one in a response means it came from this data.

export const RUBRIC_ID = "holistic-25-five-levels";
const rubric = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../rubrics", `${RUBRIC_ID}.json`), "utf8")) as {
  criteria: { id: string; levels: { level: number; marks: { min: number; max: number } }[] }[];
};
export const CRITERION = rubric.criteria[0]!.id;

export type Person = Actor & { email: string; password: string; userName: string; id?: string };

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Fails the test with the action's own words when a set-up step does not succeed. */
export function expectDone(out: ActionOutcome, what: string): ActionOutcome {
  const ok = out.status === 200 && (out.redirect !== undefined || out.result?.ok === true);
  expect(ok, `${what}: ${out.status} ${out.result?.formError ?? ""} ${JSON.stringify(out.result?.fieldErrors ?? "")} ${out.text.slice(0, 200)}`).toBe(true);
  return out;
}

const idFrom = (redirect: string | undefined, prefix: string) => {
  const m = new RegExp(`^${prefix}/([^/?]+)`).exec(redirect ?? "");
  if (!m) throw new Error(`Expected a redirect to ${prefix}/…, got ${redirect}`);
  return decodeURIComponent(m[1]!);
};

/** A due date a month ahead as the form sends it (school clock, no zone). */
export const futureDue = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 16);

export async function createClass(teacher: Actor, name: string) {
  const out = expectDone(await teacher.action(actionNamed("createClassroomAction"), "/classes/new", { name, subject: "History", yearGroup: "Year 12" }), `create ${name}`);
  return idFrom(out.redirect, "/classes");
}

export async function joinCodeOf(teacher: Actor, classroomId: string): Promise<string> {
  const out = expectDone(await teacher.action(actionNamed("regenerateJoinCodeAction"), `/classes/${classroomId}`, { classroomId }), "regenerate join code");
  return out.result!.data as string;
}

export async function join(student: Actor, code: string) {
  expectDone(await student.action(actionNamed("joinClassroomAction"), "/dashboard", { code }), `${student.label} joins`);
}

/** The user's id, read from a page that links to it (the teacher's class page lists students). */
function studentIdFrom(html: string, assignmentId: string): string {
  const m = new RegExp(`/assignments/${assignmentId}/students/([A-Za-z0-9_-]+)`).exec(html);
  if (!m) throw new Error("No student link on the assignment page");
  return m[1]!;
}

export async function buildWorld() {
  const memo = new Map<string, Promise<unknown>>();
  const m = {
    classA: marker("MatrixClassA"),
    classB: marker("MatrixClassB"),
    topic: marker("MatrixTopic"),
    question: `To what extent was ${marker("MatrixQuestion")} the main cause of change?`,
    instructions: marker("MatrixInstructions"),
    essay: marker("MatrixEssay"),
    comment: marker("MatrixComment"),
    summary: marker("MatrixSummary"),
    nameS1: marker("MatrixStudentOne"),
    nameS2: marker("MatrixStudentTwo"),
    nameA: marker("MatrixTeacherA"),
    nameC: marker("MatrixCoTeacher"),
  };
  const A: Person = await signUpActor("teacherA", "TEACHER", m.nameA);
  const B: Person = await signUpActor("teacherB", "TEACHER", marker("MatrixTeacherB"));
  const S1: Person = await signUpActor("studentOf", "STUDENT", m.nameS1);
  const S2: Person = await signUpActor("studentElsewhere", "STUDENT", m.nameS2);
  // Removed from A's class by the matrix's removeStudent row, then joins again.
  const S3: Person = await signUpActor("studentSpare", "STUDENT", marker("MatrixSpare"));
  // The same for the co-teacher's removeStudent row.
  const S4: Person = await signUpActor("studentSpareTwo", "STUDENT", marker("MatrixSpareTwo"));
  const C: Person = await signUpActor("coTeacher", "TEACHER", m.nameC);

  const classA = await createClass(A, m.classA);
  const classB = await createClass(B, m.classB);
  const codeA = await joinCodeOf(A, classA);
  await join(S1, codeA);
  await join(S3, codeA);
  await join(S4, codeA);
  await join(S2, await joinCodeOf(B, classB));

  const notes = `# ${m.topic}\n\n## Causes\n\n- The first cause was economic pressure.\n- The second cause was political rivalry.\n\n## Consequences\n\n- Reform followed quickly.\n`;
  const imported = expectDone(
    await A.action(actionNamed("importNotesAction"), "/topics/import", { text: notes, format: "markdown", title: m.topic, fileName: "", fixes: "" }),
    "import notes",
  );
  const topicId = idFrom(imported.redirect, "/topics");
  const added = expectDone(await A.action(actionNamed("addQuestionAction"), "/questions", { topicId, text: m.question }), "add question");
  const questionId = idFrom(added.redirect, "/questions");
  const set = expectDone(
    await A.action(actionNamed("setAssignmentAction"), `/classes/${classA}/assignments/new`, {
      classroomId: classA,
      questionId,
      rubricId: RUBRIC_ID,
      dueAt: futureDue(),
      wordLimit: "",
      instructions: m.instructions,
    }),
    "set assignment",
  );
  const assignmentId = idFrom(set.redirect, "/assignments");

  // S1 plans, drafts and hands in.
  const essayText = `${m.essay} Economic pressure mattered most, although political rivalry also shaped events. Overall the economy was decisive.`;
  const plan = { factors: [], criteria: [], customCriteria: [], judgement: { position: 60, argument: "Largely yes." } };
  const planSave = await S1.putJson(`/api/assignments/${assignmentId}/plan`, { baseRevision: 0, plan });
  expect(planSave.status, planSave.text).toBe(200);
  const draftSave = await S1.putJson(`/api/assignments/${assignmentId}/draft`, { baseRevision: 0, text: essayText });
  expect(draftSave.status, draftSave.text).toBe(200);
  const draftRevision = (JSON.parse(draftSave.text) as { revision: number }).revision;
  const revisions = expectDone(await S1.action(actionNamed("listRevisionsAction"), `/assignments/${assignmentId}`, { assignmentId }), "list revisions");
  const revisionId = (revisions.result!.data as { id: string }[])[0]!.id;
  expectDone(
    await S1.action(actionNamed("submitDraftAction"), `/assignments/${assignmentId}`, { assignmentId, baseRevision: draftRevision, text: essayText }),
    "submit draft",
  );
  S1.id = studentIdFrom((await A.get(`/assignments/${assignmentId}`)).text, assignmentId);

  // A starts marking: a target on the first sentence and a summary, not yet returned.
  const work = { assignmentId, studentId: S1.id, submissionNumber: 1 };
  const annotation = expectDone(
    await A.action(actionNamed("addAnnotationAction"), `/assignments/${assignmentId}/students/${S1.id}/mark`, {
      ...work,
      start: 0,
      end: m.essay.length,
      comment: m.comment,
      criterionId: CRITERION,
      kind: "TARGET",
      saveToBank: false,
    }),
    "annotate",
  );
  const annotationId = (annotation.result!.data as { annotation: { id: string } }).annotation.id;
  const level = rubric.criteria[0]!.levels[2]!;
  const saved = expectDone(
    await A.action(actionNamed("saveMarkingAction"), `/assignments/${assignmentId}/students/${S1.id}/mark`, {
      ...work,
      baseRevision: 0,
      awards: [{ criterionId: CRITERION, level: level.level, mark: level.marks.min }],
      total: null,
      wentWell: m.summary,
      evenBetterIf: "Weigh the factors against each other.",
      allowRedraft: false,
    }),
    "save marking",
  );
  const markingRevision = (saved.result!.data as { marking: { revision: number } }).marking.revision;
  // A samples the complete marking for moderation (decision 030): the matrix's moderation rows work on it.
  expectDone(await A.action(actionNamed("chooseSampleAction"), `/assignments/${assignmentId}/moderation`, { assignmentId, method: "ALL" }), "choose a moderation sample");

  // An invitation to A's class, for the revoke row (a fresh address nobody owns).
  await inviteTo(A, classA);
  S3.id = await studentIdOnClassPage(A, classA, S3.userName);
  S4.id = await studentIdOnClassPage(A, classA, S4.userName);
  // C joins A's class as its co-teacher, as a teacher would: A invites, C accepts.
  await acceptTeaching(C, await inviteTeacher(A, classA, C.email));
  C.id = await teacherIdOnClassPage(A, classA, C.userName);

  return {
    m,
    A,
    B,
    S1: S1 as Person & { id: string },
    S2,
    S3: S3 as Person & { id: string },
    S4: S4 as Person & { id: string },
    C: C as Person & { id: string },
    classA,
    classB,
    codeA,
    topicId,
    questionId,
    assignmentId,
    revisionId,
    annotationId,
    essayText,
    markingRevision,
    work: work as typeof work & { studentId: string },
    awards: [{ criterionId: CRITERION, level: level.level, mark: level.marks.min }],
    /** An annotation made to be deleted (only while the marking is open). */
    spareAnnotation: async () => {
      const out = expectDone(
        await A.action(actionNamed("addAnnotationAction"), `/assignments/${assignmentId}/students/${S1.id}/mark`, {
          ...work,
          start: 0,
          end: 8,
          comment: "To be deleted.",
          criterionId: CRITERION,
          kind: "STRENGTH",
          saveToBank: false,
        }),
        "spare annotation",
      );
      return (out.result!.data as { annotation: { id: string } }).annotation.id;
    },
    /** One value per key for the whole run, so every actor in a row aims at the same target. */
    once: <T>(key: string, make: () => Promise<T>): Promise<T> => {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as Promise<T>;
    },
    /** A roster invitation addressed to S2, to a new class of B's (not A's, so S2 stays a student elsewhere). */
    invitationForS2: async (label: string) => {
      const classroomId = await createClass(B, `Invitation class ${label}`);
      await inviteTo(B, classroomId, { name: S2.userName, email: S2.email });
      const id = await invitationIdOn(B, classroomId);
      if (!id) throw new Error("No invitation on B's roster page");
      return id;
    },
    /** A waiting invitation to co-teach A's class, for a fresh address nobody owns. */
    teacherInvitationOnClassA: () => inviteTeacher(A, classA, `colleague-${marker("x").slice(2)}@example.test`),
    /** A new class of A's with C as its co-teacher, for the remove and leave rows. */
    spareSharedClass: async (label: string) => {
      const classroomId = await createClass(A, `Shared class ${label}`);
      await acceptTeaching(C, await inviteTeacher(A, classroomId, C.email));
      return classroomId;
    },
    /** A waiting invitation to B to co-teach a new class of A's (not A's class, so B stays a teacher elsewhere). */
    teacherInvitationForB: async (label: string) => inviteTeacher(A, await createClass(A, `Teaching invitation ${label}`), B.email),
    openInvitation: async () => {
      const id = await invitationIdOn(A, classA);
      if (!id) throw new Error("No open invitation on the roster page");
      return id;
    },
  };
}

/** A student's id, from the remove button the class's teacher sees beside their name. */
export async function studentIdOnClassPage(teacher: Actor, classroomId: string, name: string): Promise<string> {
  const html = (await teacher.get(`/classes/${classroomId}`)).text;
  const m = new RegExp(`studentId\\\\?":\\\\?"([A-Za-z0-9_-]+)\\\\?",\\\\?"studentName\\\\?":\\\\?"${name}`).exec(html);
  if (!m) throw new Error(`No remove button for ${name} on the class page`);
  return m[1]!;
}

/** The owner invites `email` to co-teach; the invitation's id, read from the withdraw button on the class page. */
export async function inviteTeacher(owner: Actor, classroomId: string, email: string): Promise<string> {
  expectDone(await owner.action(actionNamed("inviteCoTeacherAction"), `/classes/${classroomId}`, { classroomId, email }), `invite ${email} to teach`);
  const html = (await owner.get(`/classes/${classroomId}`)).text;
  const m = new RegExp(`invitationId\\\\?":\\\\?"([A-Za-z0-9_-]+)\\\\?",\\\\?"email\\\\?":\\\\?"${email.replace(/[.+]/g, "\\$&")}`).exec(html);
  if (!m) throw new Error(`No withdraw button for ${email} on the class page`);
  return m[1]!;
}

/** The invited teacher accepts from their dashboard. */
export async function acceptTeaching(teacher: Actor, invitationId: string) {
  expectDone(await teacher.action(actionNamed("acceptTeacherInvitationAction"), "/dashboard", { invitationId }), `${teacher.label} accepts the invitation to teach`);
}

/** A co-teacher's id, from the remove button the owner sees beside their name. */
export async function teacherIdOnClassPage(owner: Actor, classroomId: string, name: string): Promise<string> {
  const html = (await owner.get(`/classes/${classroomId}`)).text;
  const m = new RegExp(`teacherId\\\\?":\\\\?"([A-Za-z0-9_-]+)\\\\?",\\\\?"name\\\\?":\\\\?"${name}`).exec(html);
  if (!m) throw new Error(`No remove button for ${name} on the class page`);
  return m[1]!;
}

export async function inviteTo(teacher: Actor, classroomId: string, who = { name: "Invited Person", email: `invitee-${marker("x").slice(2)}@example.test` }) {
  return expectDone(
    await teacher.action(actionNamed("importRosterAction"), `/classes/${classroomId}/roster`, { classroomId, csv: `name,email\n${who.name},${who.email}\n` }),
    "import roster",
  );
}

/** An open invitation's id, read from the roster page the teacher sees. */
export async function invitationIdOn(teacher: Actor, classroomId: string): Promise<string | undefined> {
  const html = (await teacher.get(`/classes/${classroomId}/roster`)).text;
  return /invitationId\\?":\\?"([A-Za-z0-9_-]+)/.exec(html)?.[1];
}

/** A hands the marking back (complete, with the summary), so the "after feedback" half can run. */
export async function returnFeedback(w: World) {
  // The matrix's own saveMarking rows may have moved the revision on; a conflict answers with the current one.
  let baseRevision = w.markingRevision;
  for (let attempt = 0; attempt < 3; attempt++) {
    const out = await w.A.action(actionNamed("returnMarkingAction"), `/assignments/${w.assignmentId}/students/${w.work.studentId}/mark`, {
      ...w.work,
      baseRevision,
      awards: w.awards,
      total: null,
      wentWell: w.m.summary,
      evenBetterIf: "Weigh the factors against each other.",
      allowRedraft: false,
    });
    expectDone(out, "return marking");
    const data = out.result!.data as { ok: boolean; conflict?: { revision: number } };
    if (data.ok) return;
    baseRevision = data.conflict!.revision;
  }
  throw new Error("Could not return the marking");
}
