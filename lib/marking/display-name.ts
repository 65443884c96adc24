import { candidateLabel } from "./blind";

/**
 * The name a teacher sees for a student on marking screens: the desk, the queue, the board's
 * column for an assignment, its analytics and exports. While an assignment is marked blind
 * and its names are hidden (lib/marking/blind.ts namesHidden), the student's candidate
 * number instead: every marker-facing data function passes through here, so a screen never
 * receives a name it should not show (docs/decisions/029-blind-marking.md).
 */
export function displayName(student: { name: string }, blind?: { hidden: boolean; candidate: number | null | undefined }): string {
  return blind?.hidden ? candidateLabel(blind.candidate) : student.name;
}
