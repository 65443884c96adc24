import { randomBytes } from "node:crypto";
import { buildDocx } from "../fixtures/build-docx";
import { futureDue, type World } from "./http-world";

// The expected answer of every page, route handler and server action to each kind of actor,
// before and after feedback is returned. authz-matrix.test.ts reads the build's manifests and
// fails when something is exposed that has no row here (or a row names something gone), so a
// new page, route or action cannot ship without someone deciding who may use it.

// coTeacher: a teacher A invited to A's class who accepted (decision 025). They may do what
// A may in the class, but not manage its teachers, and A's topics and questions stay A's.
export const ROLES = ["anonymous", "studentOf", "studentElsewhere", "teacherOf", "coTeacher", "otherTeacher"] as const;
export type Role = (typeof ROLES)[number];
export type Phase = "before feedback" | "after feedback";

/**
 * Pages. ok: 200. signin: redirected to /sign-in. home: a signed-in visitor sent on to
 * /dashboard (sign-in, sign-up, landing). deny: 403, 404, or /dashboard?denied=1 (a student
 * on a teacher's page). notfound: exactly 404, the same answer as for an id that does not exist.
 */
export type PageExpect = "ok" | "signin" | "home" | "deny" | "notfound";
type PageRow = {
  expect: Record<Role, PageExpect> | "internal";
  /** Markers a cell must show, so the leak checks are known to see rendered data. */
  shows?: (w: World, role: Role, phase: Phase) => string[];
  /** Markers this page must never show anyone, even those allowed to open it. */
  hides?: (w: World) => string[];
};

const publicPage: Record<Role, PageExpect> = { anonymous: "ok", studentOf: "home", studentElsewhere: "home", teacherOf: "home", coTeacher: "home", otherTeacher: "home" };
/** Open to everyone, signed in or not, with no redirect (the privacy notice, the accessibility statement). */
const everyone: Record<Role, PageExpect> = { anonymous: "ok", studentOf: "ok", studentElsewhere: "ok", teacherOf: "ok", coTeacher: "ok", otherTeacher: "ok" };
const signedIn: Record<Role, PageExpect> = { anonymous: "signin", studentOf: "ok", studentElsewhere: "ok", teacherOf: "ok", coTeacher: "ok", otherTeacher: "ok" };
const anyTeacher: Record<Role, PageExpect> = { anonymous: "signin", studentOf: "deny", studentElsewhere: "deny", teacherOf: "ok", coTeacher: "ok", otherTeacher: "ok" };
/** The class's teachers: its owner and its co-teacher. */
const ownerTeacher: Record<Role, PageExpect> = { anonymous: "signin", studentOf: "deny", studentElsewhere: "deny", teacherOf: "ok", coTeacher: "ok", otherTeacher: "notfound" };
/** A's own topics and questions: a co-teacher of A's class has no share in them. */
const topicOwner: Record<Role, PageExpect> = { ...ownerTeacher, coTeacher: "notfound" };
const classMember: Record<Role, PageExpect> = { anonymous: "signin", studentOf: "ok", studentElsewhere: "notfound", teacherOf: "ok", coTeacher: "ok", otherTeacher: "notfound" };
/** What a class's teacher sees of it: the owner and the co-teacher alike. */
const ofClass = (role: Role) => role === "teacherOf" || role === "coTeacher";

export const PAGES: Record<string, PageRow> = {
  "/_not-found": { expect: "internal" },
  "/_global-error": { expect: "internal" },
  "/": { expect: publicPage },
  "/sign-in": { expect: publicPage },
  "/sign-up": { expect: publicPage },
  // Decision 043: what is stored and how accessible the app is, readable before anyone signs up.
  "/privacy": { expect: everyone },
  "/accessibility": { expect: everyone },
  "/dashboard": { expect: signedIn, shows: (w, role) => (role === "studentOf" || ofClass(role) ? [w.m.classA] : []) },
  "/department": { expect: anyTeacher },
  "/topics": { expect: anyTeacher, shows: (w, role) => (role === "teacherOf" ? [w.m.topic] : []) },
  "/topics/import": { expect: anyTeacher },
  "/topics/[topicId]": { expect: topicOwner, shows: (w, role) => (role === "teacherOf" ? [w.m.topic] : []) },
  "/questions": { expect: anyTeacher },
  "/questions/[questionId]": { expect: topicOwner },
  "/classes/new": { expect: anyTeacher },
  "/classes/[classroomId]": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.classA, w.m.nameS1, w.m.nameC] : []) },
  "/classes/[classroomId]/board": { expect: ownerTeacher },
  "/classes/[classroomId]/roster": { expect: ownerTeacher },
  // The class's audit trail (decision 039): its teachers, by their ClassTeacher rows.
  "/classes/[classroomId]/audit": { expect: ownerTeacher },
  "/classes/[classroomId]/assignments/new": { expect: ownerTeacher },
  "/assignments/[assignmentId]": {
    expect: classMember,
    shows: (w, role, phase) =>
      ofClass(role) ? [w.m.instructions] : role === "studentOf" ? [w.m.instructions, ...(phase === "after feedback" ? [w.m.comment, w.m.summary] : [])] : [],
  },
  "/assignments/[assignmentId]/analytics": { expect: ownerTeacher },
  // Whole-class feedback (decision 032): the class's teachers draft, edit and print it.
  "/assignments/[assignmentId]/whole-class-feedback": { expect: ownerTeacher },
  "/assignments/[assignmentId]/whole-class-feedback/print": { expect: ownerTeacher },
  "/assignments/[assignmentId]/students/[studentId]": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.essay] : []) },
  // In a shared class the desk names who marked (the co-teacher's name is a marker too).
  "/assignments/[assignmentId]/students/[studentId]/mark": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.essay, w.m.comment, w.m.nameC] : []) },
  // The essay is split at annotated passages here, so its marker is looked for in the comments.
  "/assignments/[assignmentId]/students/[studentId]/print": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.comment] : []) },
  // Any signed-in account may open a link; only the invited teacher is offered an answer (the token here opens nothing).
  "/co-teaching/[token]": { expect: signedIn },
  // No actor administers a school (granted only by `npm run school`, decision 033): the
  // school settings are not found for everyone; tests/integration/schools.test.ts covers admins.
  "/admin": { expect: signedIn },
  "/account": { expect: signedIn },
  // Deletion (decision 042): the confirmation of one's own account is everyone's; the report
  // page a deleted account lands on is open to anyone (it shows only the counts in its address).
  "/account/delete": { expect: signedIn },
  "/account/deleted": { expect: { anonymous: "ok", studentOf: "ok", studentElsewhere: "ok", teacherOf: "ok", coTeacher: "ok", otherTeacher: "ok" } },
  // Only the owner deletes a class (or an administrator of its school, which no actor is).
  "/classes/[classroomId]/delete": { expect: { ...ownerTeacher, studentOf: "notfound", studentElsewhere: "notfound", coTeacher: "notfound" } },
  "/admin/[schoolId]/delete": { expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
  "/admin/[schoolId]/accounts/delete": {
    expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" },
  },
  // The two-factor step and enrolment (decision 035): every signed-in account may open it (a
  // student is told there is nothing to set up); a gated session is sent here from everywhere.
  "/two-factor": { expect: signedIn },
  "/admin/[schoolId]": { expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
  // The school's audit trail: its administrators only, and nobody here administers one.
  "/admin/[schoolId]/audit": { expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
  // Moderation (decision 030). The world's marking is sampled; no teacher here heads a
  // department (tests/integration/moderation.test.ts covers heads). The department report
  // tells a teacher who heads none what it is for.
  "/department/moderation": { expect: anyTeacher },
  "/assignments/[assignmentId]/moderation": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.nameS1] : []) },
  "/assignments/[assignmentId]/moderation/report": { expect: ownerTeacher },
  // The second-marking desk and the comparison show the essay, never the first marker's comments or summary.
  "/assignments/[assignmentId]/moderation/students/[studentId]": { expect: ownerTeacher, shows: (w, role) => (ofClass(role) ? [w.m.essay] : []), hides: (w) => [w.m.comment, w.m.summary] },
  // LTI Deep Linking (decision 036): a request belongs to the teacher whose LMS launch made it;
  // nobody here launched one (tests/integration/lti-services.test.ts covers the owner).
  // Exports (decision 041): everyone's own list; nobody sees another's (a request is the requester's).
  "/exports": { expect: signedIn },
  // Notifications (decision 047): everyone's own inbox, email settings and developer outbox.
  // Opening a notification or a kept email that is not one's own is not found (no actor here
  // has any: the world's ids name nothing; tests/browser/notifications.test.ts opens real ones).
  "/notifications": { expect: signedIn },
  "/notifications/[notificationId]": { expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
  "/account/notifications": { expect: signedIn },
  "/outbox": { expect: signedIn },
  "/outbox/[mailId]": { expect: { anonymous: "signin", studentOf: "notfound", studentElsewhere: "notfound", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
  // An email's unsubscribe link, signed in or not: without a valid token it says the link does not work.
  "/unsubscribe": { expect: everyone },
  "/lti/deep-link/[requestId]": { expect: { anonymous: "signin", studentOf: "deny", studentElsewhere: "deny", teacherOf: "notfound", coTeacher: "notfound", otherTeacher: "notfound" } },
};

/**
 * Route handlers, by method and pattern. done: the handler ran (2xx, or a 409/422/423 that
 * is about the data, such as a handed-in essay being locked). signin: 401. deny: 403 or 404.
 * redirect: a 3xx (the school sign-in routes answer only with redirects, decision 034).
 * invalid: 400, for a route whose input (here a token in its URL) no actor has.
 */
export type RouteExpect = "done" | "signin" | "deny" | "redirect" | "invalid";
type RouteRow = { expect: Record<Role, RouteExpect>; body?: (w: World) => unknown };
const ownWork: Record<Role, RouteExpect> = { anonymous: "signin", studentOf: "done", studentElsewhere: "deny", teacherOf: "deny", coTeacher: "deny", otherTeacher: "deny" };
const teacherFile: Record<Role, RouteExpect> = { anonymous: "signin", studentOf: "deny", studentElsewhere: "deny", teacherOf: "done", coTeacher: "done", otherTeacher: "deny" };
const openRoute: Record<Role, RouteExpect> = { anonymous: "done", studentOf: "done", studentElsewhere: "done", teacherOf: "done", coTeacher: "done", otherTeacher: "done" };
const redirects: Record<Role, RouteExpect> = { anonymous: "redirect", studentOf: "redirect", studentElsewhere: "redirect", teacherOf: "redirect", coTeacher: "redirect", otherTeacher: "redirect" };
const refusedRoute = (answer: RouteExpect): Record<Role, RouteExpect> => ({ anonymous: answer, studentOf: answer, studentElsewhere: answer, teacherOf: answer, coTeacher: answer, otherTeacher: answer });

export const ROUTES: Record<string, RouteRow> = {
  "GET /api/health": { expect: openRoute },
  "GET /icon.svg": { expect: openRoute },
  "GET /favicon.ico": { expect: openRoute },
  "PUT /api/assignments/[assignmentId]/draft": { expect: ownWork, body: (w) => ({ baseRevision: 0, text: w.essayText }) },
  "PUT /api/assignments/[assignmentId]/plan": {
    expect: ownWork,
    body: () => ({ baseRevision: 0, plan: { factors: [], criteria: [], customCriteria: [], judgement: { position: 50, argument: "" } } }),
  },
  "GET /assignments/[assignmentId]/marks.csv": { expect: teacherFile },
  "GET /classes/[classroomId]/marks.csv": { expect: teacherFile },
  // School sign-in (decision 034): anyone may leave for a configured provider (a redirect to
  // it) or come back; a callback with no attempt behind it is sent back to /sign-in refused.
  "GET /auth/[provider]/start": { expect: redirects },
  "GET /auth/[provider]/callback": { expect: redirects },
  // LTI 1.3 protocol endpoints (decision 036): public by design; the platform's signature, our
  // single-use state and signed URLs are the proof, so without them every actor is refused the same.
  "GET /lti/jwks": { expect: openRoute },
  "GET /lti/login": { expect: refusedRoute("deny") },
  "POST /lti/login": { expect: refusedRoute("deny") },
  "POST /lti/launch": { expect: refusedRoute("signin") },
  "GET /lti/open/[token]": { expect: refusedRoute("deny") },
  "GET /lti/register/[token]": { expect: refusedRoute("deny") },
  // Exports (decision 041): the progress poll lists the caller's own; a download is the
  // requester's only, and "matrix-request" is nobody's.
  "GET /api/exports": { expect: { ...openRoute, anonymous: "signin" } },
  "GET /exports/[requestId]/download": { expect: { ...refusedRoute("deny"), anonymous: "signin" } },
  // Notifications (decision 047): the bell's count is the caller's own. The RFC 8058 one-click
  // unsubscribe takes no session: its token is the proof, and without one every actor gets a
  // 400; a GET is sent to the page that asks first.
  "GET /api/notifications/unread": { expect: { ...openRoute, anonymous: "signin" } },
  "POST /api/unsubscribe": { expect: refusedRoute("invalid") },
  "GET /api/unsubscribe": { expect: redirects },
  // The Deep Linking answer: only the teacher who made the request (nobody here).
  "GET /lti/deep-link/[requestId]/return": { expect: { ...refusedRoute("deny"), anonymous: "signin" } },
};

/**
 * Server actions, by exported name. allow: the action ran (ok, a redirect, or a refusal about
 * the data, such as "already submitted"). deny: "sign in", "only for teachers/students", "not
 * found" or "no permission". invalid: the shared schema refused the input, which only a public
 * action's row expects (access is not checked first there); anywhere else it would mean the
 * row's input is wrong, and hide the access check.
 */
export type ActionExpect = "allow" | "deny" | "invalid";
type ActionRow = {
  file: string;
  expect: Record<Role, ActionExpect> | ((phase: Phase) => Record<Role, ActionExpect>);
  /** The input; `role` lets a row give the permitted actor a disposable target. */
  input: (w: World, role: Role, phase: Phase) => unknown | Promise<unknown>;
  /** Sign-out ends the session it is called with, so it runs on a second session of the same user. */
  ownSession?: boolean;
};

const allowAll: Record<Role, ActionExpect> = { anonymous: "allow", studentOf: "allow", studentElsewhere: "allow", teacherOf: "allow", coTeacher: "allow", otherTeacher: "allow" };
const teachers: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "deny", studentElsewhere: "deny", teacherOf: "allow", coTeacher: "allow", otherTeacher: "allow" };
const students: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "allow", studentElsewhere: "allow", teacherOf: "deny", coTeacher: "deny", otherTeacher: "deny" };
const classTeacher: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "deny", studentElsewhere: "deny", teacherOf: "allow", coTeacher: "allow", otherTeacher: "deny" };
/** A's topics and questions (and setting one of A's questions): the co-teacher is refused. */
const questionOwner: Record<Role, ActionExpect> = { ...classTeacher, coTeacher: "deny" };
/** Deciding who teaches a class: its owner only. */
const classOwner: Record<Role, ActionExpect> = { ...classTeacher, coTeacher: "deny" };
const ownEssay: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "allow", studentElsewhere: "deny", teacherOf: "deny", coTeacher: "deny", otherTeacher: "deny" };
const addressee: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "deny", studentElsewhere: "allow", teacherOf: "deny", coTeacher: "deny", otherTeacher: "deny" };
/** An invitation to co-teach, addressed to B (to a spare class of A's): only B answers it. */
const invitedTeacher: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "deny", studentElsewhere: "deny", teacherOf: "deny", coTeacher: "deny", otherTeacher: "allow" };
// Feedback the teacher has not returned does not exist yet, as far as the student can tell.
const returnedFeedback = (phase: Phase) => (phase === "after feedback" ? ownEssay : { ...ownEssay, studentOf: "deny" as const });

const comment = (w: World, extra: object) => ({ ...w.work, comment: "A further comment.", criterionId: "overall", kind: "STRENGTH", saveToBank: false, ...extra });
const notes = "# Spare topic\n\n## Causes\n\n- One cause.\n- Another cause.\n";
const docx = Buffer.from(buildDocx([{ heading: 1, text: "Causes" }, { bullet: "One cause." }])).toString("base64");

export const ACTIONS: Record<string, ActionRow> = {
  // Public: anyone may try them; none changes another user.
  signOutAction: { file: "app/auth-actions.ts", expect: allowAll, input: () => ({}), ownSession: true },
  signInAction: {
    file: "app/auth-actions.ts",
    expect: allowAll,
    input: () => ({ email: `nobody-${randomBytes(4).toString("hex")}@example.test`, password: "not the password at all", next: "/dashboard" }),
  },
  // Refused by the schema (no role), so the run does not spend the address's sign-up allowance
  // (lib/auth/throttle-limits.ts) that the other browser tests need; fuzz.test.ts sends valid ones.
  signUpAction: {
    file: "app/auth-actions.ts",
    expect: { anonymous: "invalid", studentOf: "invalid", studentElsewhere: "invalid", teacherOf: "invalid", coTeacher: "invalid", otherTeacher: "invalid" },
    input: (w) => ({ name: "Someone Else", email: w.A.email, password: `violet ${randomBytes(6).toString("hex")} harbour` }),
  },
  acceptInvitationAction: { file: "app/auth-actions.ts", expect: students, input: () => ({ token: randomBytes(32).toString("base64url") }) },

  // A roster invitation is answered only by the student it is addressed to (here S2, invited
  // to another class of B's); to everyone else it reads as no longer open.
  acceptMyInvitationAction: {
    file: "app/dashboard/actions.ts",
    expect: addressee,
    input: async (w, _role, phase) => ({ invitationId: await w.once(`accept ${phase}`, () => w.invitationForS2(`accept ${phase}`)) }),
  },
  declineMyInvitationAction: {
    file: "app/dashboard/actions.ts",
    expect: addressee,
    input: async (w, _role, phase) => ({ invitationId: await w.once(`decline ${phase}`, () => w.invitationForS2(`decline ${phase}`)) }),
  },

  createClassroomAction: { file: "app/classes/actions.ts", expect: teachers, input: () => ({ name: "Spare class", subject: "History", yearGroup: "Year 13" }) },
  regenerateJoinCodeAction: { file: "app/classes/actions.ts", expect: classTeacher, input: (w) => ({ classroomId: w.classA }) },
  // A well-formed code no class has: students may try codes, and nobody joins anything.
  joinClassroomAction: { file: "app/classes/actions.ts", expect: students, input: () => ({ code: "QQ9QQ9" }) },
  importRosterAction: {
    file: "app/classes/[classroomId]/roster/actions.ts",
    expect: classTeacher,
    input: (w) => ({ classroomId: w.classA, csv: `name,email\nInvited Person,invitee-${randomBytes(4).toString("hex")}@example.test\n` }),
  },
  revokeInvitationAction: { file: "app/classes/[classroomId]/roster/actions.ts", expect: classTeacher, input: async (w) => ({ invitationId: await w.openInvitation() }) },

  previewNotesAction: { file: "app/topics/actions.ts", expect: teachers, input: () => ({ text: notes, format: "markdown" }) },
  previewDocxAction: { file: "app/topics/actions.ts", expect: teachers, input: () => ({ docx, fileName: "notes.docx" }) },
  importNotesAction: { file: "app/topics/actions.ts", expect: teachers, input: () => ({ text: notes, format: "markdown", title: "Spare topic", fixes: "" }) },
  addQuestionAction: { file: "app/questions/actions.ts", expect: questionOwner, input: (w) => ({ topicId: w.topicId, text: "How far was the economy the main cause of reform?" }) },
  updateQuestionAction: {
    file: "app/questions/actions.ts",
    expect: questionOwner,
    input: (w) => ({ questionId: w.questionId, text: w.m.question, stem: "TO_WHAT_EXTENT", focus: "NONE" }),
  },
  // The question is set, so even its owner is refused (about the data); nobody else learns it exists.
  deleteQuestionAction: { file: "app/questions/actions.ts", expect: questionOwner, input: (w) => ({ questionId: w.questionId }) },

  // The co-teacher may set work in the class, but not from A's question bank.
  setAssignmentAction: {
    file: "app/assignments/actions.ts",
    expect: questionOwner,
    input: (w) => ({ classroomId: w.classA, questionId: w.questionId, rubricId: "holistic-25-five-levels", dueAt: futureDue(), wordLimit: "", instructions: "Another one." }),
  },
  updateAssignmentAction: {
    file: "app/assignments/actions.ts",
    expect: classTeacher,
    input: (w) => ({ assignmentId: w.assignmentId, dueAt: futureDue(), wordLimit: "", instructions: w.m.instructions }),
  },
  setAssignmentOpenAction: { file: "app/assignments/actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId, open: "true" }) },
  // Blind marking (decision 029), aimed so the shared world does not change: switching off an
  // assignment that is not blind is a no-op, and revealing or hiding its names is a 409 about
  // the data for the class's teachers; everyone else is refused first.
  setBlindMarkingAction: { file: "app/assignments/blind-actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId, on: "false" }) },
  revealNamesAction: { file: "app/assignments/blind-actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId }) },
  hideNamesAction: { file: "app/assignments/blind-actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId }) },
  // Left off, so the matrix's returned marking keeps showing its marks (decision 031).
  setFeedbackBeforeMarksAction: { file: "app/assignments/feedback-actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId, feedbackBeforeMarks: "false" }) },
  // A stale revision: the teacher gets the saved text back as a conflict, nothing is saved.
  saveWholeClassFeedbackAction: {
    file: "app/assignments/feedback-actions.ts",
    expect: classTeacher,
    input: (w) => ({ assignmentId: w.assignmentId, baseRevision: 999, content: { intro: "", comments: "", criteria: [] } }),
  },
  // Nothing saved yet: the class's teachers are told to save first (409); nobody else learns it exists.
  publishWholeClassFeedbackAction: { file: "app/assignments/feedback-actions.ts", expect: classTeacher, input: (w) => ({ assignmentId: w.assignmentId, baseRevision: 999, publish: true }) },
  listRevisionsAction: { file: "app/assignments/actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId }) },
  revisionTextAction: { file: "app/assignments/actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId, revisionId: w.revisionId }) },
  // Handed in: the student is told it is locked; anyone else is refused before that.
  restoreRevisionAction: { file: "app/assignments/actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId, revisionId: w.revisionId, baseRevision: 0 }) },
  submitDraftAction: { file: "app/assignments/actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId, baseRevision: 0 }) },
  // Handed in: the student is told the paragraphs can no longer be linked (423); anyone else is refused before that.
  setParagraphLinkAction: { file: "app/assignments/coverage-actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId, key: "p1", target: null }) },

  addAnnotationAction: { file: "app/assignments/marking-actions.ts", expect: classTeacher, input: (w) => comment(w, { start: 0, end: 8 }) },
  updateAnnotationAction: {
    file: "app/assignments/marking-actions.ts",
    expect: classTeacher,
    input: (w) => ({ annotationId: w.annotationId, comment: w.m.comment, criterionId: "overall", kind: "TARGET" }),
  },
  // The class's teachers delete one made for the purpose (while marking is open); the rest aim at the real one.
  deleteAnnotationAction: {
    file: "app/assignments/marking-actions.ts",
    expect: classTeacher,
    input: async (w, role, phase) => ({ annotationId: (role === "teacherOf" || role === "coTeacher") && phase === "before feedback" ? await w.spareAnnotation() : w.annotationId }),
  },
  // A stale revision: the teacher gets the current marking back as a conflict, nothing is saved.
  saveMarkingAction: {
    file: "app/assignments/marking-actions.ts",
    expect: classTeacher,
    input: (w) => ({ ...w.work, baseRevision: 999, awards: w.awards, total: null, wentWell: w.m.summary, evenBetterIf: "", allowRedraft: false }),
  },
  returnMarkingAction: {
    file: "app/assignments/marking-actions.ts",
    expect: classTeacher,
    input: (w) => ({ ...w.work, baseRevision: 999, awards: w.awards, total: null, wentWell: w.m.summary, evenBetterIf: "", allowRedraft: false }),
  },
  addToBankAction: { file: "app/assignments/marking-actions.ts", expect: teachers, input: () => ({ text: `Saved ${randomBytes(3).toString("hex")}`, criterionId: "overall", kind: "TARGET" }) },
  respondToFeedbackAction: {
    file: "app/assignments/marking-actions.ts",
    expect: returnedFeedback,
    input: (w) => ({ assignmentId: w.assignmentId, submissionNumber: 1, response: "I will weigh the factors." }),
  },
  // The teacher's reply to S1's response (issue 17): the class's teachers only. Before the
  // feedback is returned, or before S1 has responded, it is a 409 about the data; after, a
  // reply saves (or, for the second teacher, comes back as a conflict with the first's).
  replyToResponseAction: {
    file: "app/assignments/marking-actions.ts",
    expect: classTeacher,
    input: (w) => ({ ...w.work, reply: "Thank you: do that in the redraft.", baseRepliedAt: null }),
  },
  setTargetAddressedAction: {
    file: "app/assignments/marking-actions.ts",
    expect: returnedFeedback,
    input: (w) => ({ annotationId: w.annotationId, addressed: true, note: "I weighed them in the redraft." }),
  },
  startRedraftAction: { file: "app/assignments/marking-actions.ts", expect: ownEssay, input: (w) => ({ assignmentId: w.assignmentId }) },
  // Last: the teachers remove a spare student each, who join again before the next half.
  removeStudentAction: { file: "app/classes/actions.ts", expect: classTeacher, input: (w, role) => ({ classroomId: w.classA, studentId: role === "coTeacher" ? w.S4.id : w.S3.id }) },

  // Co-teachers (decision 025). Removing and leaving aim at spare classes of A's, each with C
  // as co-teacher, so C stays a teacher of A's class for the other rows: A may remove C there
  // (C may not); C may leave, and A, the owner, is told they cannot (a refusal about the data).
  inviteCoTeacherAction: {
    file: "app/classes/[classroomId]/_teachers/actions.ts",
    expect: classOwner,
    input: (w) => ({ classroomId: w.classA, email: `colleague-${randomBytes(4).toString("hex")}@example.test` }),
  },
  revokeTeacherInvitationAction: {
    file: "app/classes/[classroomId]/_teachers/actions.ts",
    expect: classOwner,
    input: async (w, _role, phase) => ({ invitationId: await w.once(`revoke teacher invitation ${phase}`, () => w.teacherInvitationOnClassA()) }),
  },
  removeCoTeacherAction: {
    file: "app/classes/[classroomId]/_teachers/actions.ts",
    expect: classOwner,
    input: async (w, _role, phase) => ({ classroomId: await w.once(`remove co-teacher ${phase}`, () => w.spareSharedClass(`remove ${phase}`)), teacherId: w.C.id }),
  },
  leaveClassAction: {
    file: "app/classes/[classroomId]/_teachers/actions.ts",
    expect: classTeacher,
    input: async (w, _role, phase) => ({ classroomId: await w.once(`leave ${phase}`, () => w.spareSharedClass(`leave ${phase}`)) }),
  },
  acceptTeacherInvitationAction: {
    file: "app/dashboard/co-teaching-actions.ts",
    expect: invitedTeacher,
    input: async (w, _role, phase) => ({ invitationId: await w.once(`accept teaching ${phase}`, () => w.teacherInvitationForB(`accept ${phase}`)) }),
  },
  declineTeacherInvitationAction: {
    file: "app/dashboard/co-teaching-actions.ts",
    expect: invitedTeacher,
    input: async (w, _role, phase) => ({ invitationId: await w.once(`decline teaching ${phase}`, () => w.teacherInvitationForB(`decline ${phase}`)) }),
  },
};

// Moderation (decision 030), on the world's sample of S1's essay (A marked it first). The sample
// exists already, so choosing again is refused about the data. C second-marks it blind and
// then agrees A's marks; A, the first marker, is told someone else second-marks, and that the
// mark is agreed already.
const nobody: Record<Role, ActionExpect> = { anonymous: "deny", studentOf: "deny", studentElsewhere: "deny", teacherOf: "deny", coTeacher: "deny", otherTeacher: "deny" };
const moderation = (w: World, extra: object = {}) => ({ assignmentId: w.assignmentId, studentId: w.S1.id, levels: { [w.awards[0]!.criterionId]: w.awards[0]!.level }, ...extra });
Object.assign(ACTIONS, {
  chooseSampleAction: { file: "app/assignments/[assignmentId]/moderation/actions.ts", expect: classTeacher, input: (w: World) => ({ assignmentId: w.assignmentId, method: "ALL" }) },
  saveSecondMarkingAction: { file: "app/assignments/[assignmentId]/moderation/actions.ts", expect: classTeacher, input: (w: World) => moderation(w) },
  agreeMarkAction: {
    file: "app/assignments/[assignmentId]/moderation/actions.ts",
    expect: classTeacher,
    input: (w: World) => moderation(w, { total: w.awards[0]!.mark, reason: "The first marking stands." }),
  },
  // No actor heads a department, and no invitation is addressed to one: everyone is refused
  // (tests/integration/moderation.test.ts covers heads inviting and teachers accepting).
  inviteToDepartmentAction: {
    file: "app/department/moderation/actions.ts",
    expect: nobody,
    input: () => ({ departmentId: "matrix-department", email: `colleague-${randomBytes(4).toString("hex")}@example.test` }),
  },
  acceptDepartmentInvitationAction: { file: "app/department/moderation/actions.ts", expect: nobody, input: () => ({ invitationId: "matrix-invitation" }) },
  // Deletion and retention (decision 042). Deleting one's own account with a wrong password is
  // a refusal about the data, for every signed-in actor (none is deleted). The owner closes and
  // reopens A's class (idempotent either way) and deletes a spare class; no actor is a school's
  // administrator, so the school's data actions are not found for everyone.
  deleteOwnAccountAction: { file: "app/account/delete-actions.ts", expect: { ...allowAll, anonymous: "deny" }, input: () => ({ password: "not the password" }) },
  closeClassAction: { file: "app/classes/[classroomId]/_closing/closing-actions.ts", expect: { ...classTeacher, coTeacher: "deny" }, input: (w: World) => ({ classroomId: w.classA }) },
  reopenClassAction: { file: "app/classes/[classroomId]/_closing/closing-actions.ts", expect: { ...classTeacher, coTeacher: "deny" }, input: (w: World) => ({ classroomId: w.classA }) },
  deleteClassAction: {
    file: "app/classes/[classroomId]/_closing/closing-actions.ts",
    expect: { ...classTeacher, coTeacher: "deny" },
    input: async (w: World, _role: Role, phase: Phase) => ({ classroomId: await w.once(`delete class ${phase}`, () => w.spareSharedClass(`delete ${phase}`)) }),
  },
  retentionSettingsAction: { file: "app/admin/[schoolId]/_data/data-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", retentionMonths: "12", retentionNoticeDays: "30" }) },
  deleteMemberAction: { file: "app/admin/[schoolId]/_data/data-actions.ts", expect: nobody, input: (w: World) => ({ schoolId: "matrix-school", userId: w.S1.id }) },
  deleteSchoolAction: { file: "app/admin/[schoolId]/_data/data-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", confirmName: "Matrix school" }) },
  // Decision 034. No actor has a linked provider account, so there is nothing of theirs to
  // unlink (someone else's reads as not found; tests/integration/provider-sign-in.test.ts
  // covers unlinking). No actor administers a school, so its sign-in settings are not found.
  unlinkIdentityAction: { file: "app/account/linked-accounts-actions.ts", expect: nobody, input: () => ({ identityId: "matrix-identity" }) },
  saveSignInRulesAction: { file: "app/admin/[schoolId]/sign-in-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", googleDomains: "evil.example" }) },
} satisfies Record<string, ActionRow>);

// Two-factor (decision 035). No actor's session waits for a code, so the sign-in step refuses
// them about the data ("finished signing in already"); enrolment is for teachers. The codes
// sent can never be right (not six digits), so no actor ends up with two-factor on.
Object.assign(ACTIONS, {
  verifyTwoFactorAction: { file: "app/two-factor/actions.ts", expect: { ...allowAll, anonymous: "deny" }, input: () => ({ code: "not-a-code", next: "/dashboard" }) },
  startTwoFactorAction: { file: "app/two-factor/actions.ts", expect: teachers, input: () => ({}) },
  confirmTwoFactorAction: { file: "app/two-factor/actions.ts", expect: teachers, input: () => ({ code: "not-a-code" }) },
  regenerateRecoveryCodesAction: { file: "app/account/two-factor-actions.ts", expect: teachers, input: () => ({ code: "not-a-code" }) },
  turnOffTwoFactorAction: { file: "app/account/two-factor-actions.ts", expect: teachers, input: () => ({ code: "not-a-code" }) },
  // No actor administers a school (decision 033): not found for everyone.
  setStaffTwoFactorAction: { file: "app/admin/[schoolId]/two-factor-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", required: "on" }) },
} satisfies Record<string, ActionRow>);

// LTI (decision 036). No actor administers a school or launched from an LMS: the admin actions
// and the Deep Linking choice are refused for everyone (tests/integration/lti-*.test.ts cover
// administrators and launched teachers). Syncing a class's roster is its teachers'; the world's
// class has no LMS course, which is a refusal about the data.
const ltiRegistration = { schoolId: "matrix-school", label: "", issuer: "https://lms.example.test", clientId: "c", deploymentId: "d", authUrl: "https://lms.example.test/auth", tokenUrl: "https://lms.example.test/token", jwksUrl: "https://lms.example.test/jwks" };
Object.assign(ACTIONS, {
  addLtiRegistrationAction: { file: "app/admin/[schoolId]/lti-actions.ts", expect: nobody, input: () => ltiRegistration },
  addLtiDeploymentAction: { file: "app/admin/[schoolId]/lti-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", registrationId: "matrix-registration", deploymentId: "d2" }) },
  removeLtiRegistrationAction: { file: "app/admin/[schoolId]/lti-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", registrationId: "matrix-registration" }) },
  removeLtiDeploymentAction: { file: "app/admin/[schoolId]/lti-actions.ts", expect: nobody, input: () => ({ schoolId: "matrix-school", deploymentId: "matrix-deployment" }) },
  chooseDeepLinkAction: {
    file: "app/lti/deep-link/[requestId]/actions.ts",
    expect: nobody,
    input: (w: World) => ({ requestId: "matrix-request", questionId: w.questionId, rubricId: "holistic-25-five-levels", dueAt: futureDue(), wordLimit: "", instructions: "" }),
  },
  syncRosterAction: { file: "app/classes/[classroomId]/lti-actions.ts", expect: classTeacher, input: (w: World) => ({ classroomId: w.classA }) },
} satisfies Record<string, ActionRow>);

// Exports (decision 041). A student asks for their own data (asking again while one runs
// shows that one); the class's teachers export it; no actor administers a school, so the
// school's student export is not found for everyone (tests/integration/exports.test.ts covers admins).
Object.assign(ACTIONS, {
  requestMyExportAction: { file: "app/exports/actions.ts", expect: students, input: () => ({}) },
  requestClassExportAction: { file: "app/exports/actions.ts", expect: classTeacher, input: (w: World) => ({ classroomId: w.classA }) },
  requestSchoolStudentExportAction: { file: "app/exports/actions.ts", expect: nobody, input: (w: World) => ({ schoolId: "matrix-school", email: w.S1.email }) },
} satisfies Record<string, ActionRow>);

// Notifications (decision 047). Everyone signed in marks their own as read and saves their own
// email choices (from their role's kinds); the unsubscribe page's action is public, and a
// token that names nobody is a refusal about the data for everyone.
const signedInActors: Record<Role, ActionExpect> = { ...allowAll, anonymous: "deny" };
const teacherRoles: Role[] = ["teacherOf", "coTeacher", "otherTeacher"];
Object.assign(ACTIONS, {
  markAllReadAction: { file: "app/notifications/actions.ts", expect: signedInActors, input: () => ({}) },
  saveEmailPreferencesAction: {
    file: "app/account/notifications/actions.ts",
    expect: signedInActors,
    input: (_w: World, role: Role) => ({ form: "email-preferences", email: teacherRoles.includes(role) ? ["DAILY_DIGEST", "RESUBMITTED"] : ["FEEDBACK_RETURNED", "DUE_SOON"] }),
  },
  unsubscribeAction: { file: "app/unsubscribe/actions.ts", expect: allowAll, input: () => ({ token: `${randomBytes(12).toString("base64url")}.${randomBytes(32).toString("base64url")}` }) },
} satisfies Record<string, ActionRow>);

/** Exports of "use server" files that no client references, so the build does not expose them. */
export const NOT_EXPOSED = ["deleteFromBankAction"];
