import { readFileSync } from "node:fs";
import path from "node:path";
import type { SessionUser } from "../lib/auth/sessions";
import { saveDraft, submitDraft } from "../lib/drafts/drafts";
import { addAnnotation } from "../lib/marking/annotations";
import { addToCommentBank } from "../lib/marking/comment-bank";
import { saveMarking } from "../lib/marking/markings";

// Demo marking: a teacher's comment bank, an essay handed in and waiting to be marked, and
// one marked and returned (with a redraft asked for) for the student to read. Made through
// lib/, as a teacher and students would, so the demo can never hold data the app refuses.

const DAY = 24 * 60 * 60 * 1000;
const essays = path.join(import.meta.dirname, "seed-data", "essays");
export const readEssay = (name: string) => readFileSync(path.join(essays, name), "utf8").trim();

type Kind = "STRENGTH" | "TARGET";

// Tagged with criterion ids the shipped rubrics use: "overall" (holistic schemes) and the
// strands' analysis / knowledge / judgement / organisation.
export const DEMO_COMMENT_BANK: { criterionId: string; kind: Kind; text: string }[] = [
  { criterionId: "overall", kind: "STRENGTH", text: "A clear line of argument that answers the question from the first sentence." },
  { criterionId: "overall", kind: "STRENGTH", text: "Precise, well-chosen evidence that supports the point being made." },
  { criterionId: "overall", kind: "STRENGTH", text: "Good weighing: you explain why this factor matters more than the stated one." },
  { criterionId: "overall", kind: "TARGET", text: "Describes events rather than explaining how they led to the outcome. Link back to the question." },
  { criterionId: "overall", kind: "TARGET", text: "Add precise evidence here: a date, a figure or a named person." },
  { criterionId: "overall", kind: "TARGET", text: "Reach a judgement: say how far, and why, rather than listing factors." },
  { criterionId: "overall", kind: "TARGET", text: "Compare this factor with the stated one: is it more or less significant, and why?" },
  { criterionId: "judgement", kind: "TARGET", text: "Your conclusion needs a supported overall judgement, with criteria for significance." },
  { criterionId: "analysis", kind: "TARGET", text: "Explain the link between this evidence and the outcome; don't leave it implied." },
  { criterionId: "knowledge", kind: "STRENGTH", text: "Accurate and relevant detail, used to support the argument." },
];

async function submitEssay(student: SessionUser, assignmentId: string, text: string, at: Date) {
  const saved = await saveDraft(student, { assignmentId, baseRevision: 0, text });
  if (!saved.ok) throw new Error("demo draft conflicted");
  await submitDraft(student, { assignmentId, baseRevision: saved.draft.revision }, at);
  return text;
}

function span(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`demo quote not in essay: ${quote}`);
  return { start, end: start + quote.length };
}

export async function seedMarking(teacher: SessionUser, assignmentId: string, students: { toMark: SessionUser; returned: SessionUser }) {
  for (const entry of DEMO_COMMENT_BANK) await addToCommentBank(teacher, entry);
  const now = Date.now();

  // Handed in two days ago, waiting for the teacher.
  await submitEssay(students.toMark, assignmentId, readEssay("chloe-how-far.txt"), new Date(now - 2 * DAY));

  // Handed in three days ago, marked and returned yesterday with a redraft asked for.
  const text = await submitEssay(students.returned, assignmentId, readEssay("dev-how-far.txt"), new Date(now - 3 * DAY));
  const work = { assignmentId, studentId: students.returned.id, submissionNumber: 1 };
  const notes: { quote: string; kind: Kind; comment: string }[] = [
    { quote: "This essay will look at each of these factors.", kind: "TARGET", comment: DEMO_COMMENT_BANK[5]!.text },
    { quote: "Many people were released from the Gulag.", kind: "STRENGTH", comment: "Relevant detail; say roughly how many, and why it worried hardliners." },
    { quote: "So de-Stalinisation was a big reason why Khrushchev fell.", kind: "TARGET", comment: DEMO_COMMENT_BANK[6]!.text },
    { quote: "in 1963 the USSR had to import grain", kind: "STRENGTH", comment: DEMO_COMMENT_BANK[1]!.text },
    { quote: "This made him look weak.", kind: "TARGET", comment: "To whom? The Presidium and the military judged it a humiliation: explain why that mattered in 1964." },
    { quote: "All of them together led to his fall in 1964.", kind: "TARGET", comment: DEMO_COMMENT_BANK[5]!.text },
  ];
  for (const n of notes) await addAnnotation(teacher, { ...work, ...span(text, n.quote), kind: n.kind, comment: n.comment, criterionId: "overall" });
  await saveMarking(
    teacher,
    {
      ...work,
      baseRevision: 0,
      awards: [{ criterionId: "overall", level: 2, mark: 9 }],
      wentWell: "You know the main events well and cover all four factors, with some accurate detail (the grain imports, the Anti-Party Group).",
      evenBetterIf: "Turn description into argument: for each factor, explain how it led the Presidium to remove Khrushchev, compare it with de-Stalinisation, and finish with a clear judgement on how far.",
      allowRedraft: true,
    },
    { returning: true },
  );
}
