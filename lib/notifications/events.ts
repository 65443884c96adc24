import { z } from "zod";

// What the app tells the notification queue happened (decision 047). Domain code sends one
// of these inside the transaction that made the change — `enqueue(tx, "notify", event)` — so
// a rolled-back change notifies nobody; the job then works out who hears and says what.

const id = z.string().min(1).max(100);

export const NotifyEventSchema = z.discriminatedUnion("type", [
  /** A teacher set the class an essay: its students. */
  z.object({ type: z.literal("assignment-set"), assignmentId: id }),
  /** A marking was returned: the student (feedback returned, or redraft asked). */
  z.object({ type: z.literal("marking-returned"), submissionId: id }),
  /** The student responded to returned feedback: the marker, else the class's teachers. */
  z.object({ type: z.literal("student-responded"), submissionId: id }),
  /** A teacher replied to the student's response: the student. */
  z.object({ type: z.literal("teacher-replied"), submissionId: id }),
  /** A redraft (version 2 or later) was handed in: the previous version's marker, else the class's teachers. */
  z.object({ type: z.literal("resubmitted"), submissionId: id }),
  /** The retention run gave a closed class's teachers notice of its deletion: those teachers. */
  z.object({ type: z.literal("class-to-be-deleted"), classroomId: id }),
]);

export type NotifyEvent = z.infer<typeof NotifyEventSchema>;
