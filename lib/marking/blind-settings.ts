import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { classCandidateNumbers } from "./internal/candidate-numbers";

// Turning blind marking on and off, revealing the names and hiding them again: any teacher
// of the class (docs/decisions/029-blind-marking.md). Each change is one conditional update,
// so two teachers pressing at once cannot both "reveal" or leave a half-made state; a press
// that no longer applies is a 409 that says why, and writes nothing.

const conflict = (message: string) => new AppError(message, 409);

export async function setBlindMarking(user: SessionUser, assignmentId: string, on: boolean): Promise<void> {
  await requireTeacherOfAssignment(user, assignmentId);
  if (on) {
    // Turning it on (again) hides the names, whatever was revealed before.
    await db().assignment.update({ where: { id: assignmentId }, data: { blindMarking: true, namesRevealedAt: null, namesRevealedById: null } });
    await classCandidateNumbers(assignmentId);
    return;
  }
  // Switching off while names are hidden would reveal them without the recorded reveal.
  const { count } = await db().assignment.updateMany({ where: { id: assignmentId, OR: [{ blindMarking: false }, { namesRevealedAt: { not: null } }] }, data: { blindMarking: false } });
  if (!count) throw conflict("Reveal the names first: switching blind marking off would show them without a record of who revealed them.");
}

/** The recorded reveal: when and by whom. Marks already given stay as they are. */
export async function revealNames(user: SessionUser, assignmentId: string): Promise<void> {
  await requireTeacherOfAssignment(user, assignmentId);
  const { count } = await db().assignment.updateMany({
    where: { id: assignmentId, blindMarking: true, namesRevealedAt: null },
    data: { namesRevealedAt: new Date(), namesRevealedById: user.id },
  });
  if (!count) throw conflict("The names are not hidden on this assignment (already revealed, or it is not marked blind).");
}

/** Hides the names again (say, before a second marker starts); the numbers stay the same. */
export async function hideNames(user: SessionUser, assignmentId: string): Promise<void> {
  await requireTeacherOfAssignment(user, assignmentId);
  const { count } = await db().assignment.updateMany({
    where: { id: assignmentId, blindMarking: true, namesRevealedAt: { not: null } },
    data: { namesRevealedAt: null, namesRevealedById: null },
  });
  if (!count) throw conflict("The names are already hidden, or this assignment is not marked blind.");
  await classCandidateNumbers(assignmentId);
}
