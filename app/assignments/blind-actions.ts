"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { BlindMarkingSchema, NamesSchema } from "@/lib/marking/blind-schemas";
import { hideNames, revealNames, setBlindMarking } from "@/lib/marking/blind-settings";

// Blind marking's switch and the names' reveal (docs/decisions/029-blind-marking.md). The
// names show on the assignment page, the desk, the board and the dashboard's queue, so a
// change refreshes them all.
function refresh(assignmentId: string) {
  revalidatePath(`/assignments/${assignmentId}`, "layout");
  revalidatePath("/dashboard");
}

export const setBlindMarkingAction = safeAction("TEACHER", BlindMarkingSchema, async ({ assignmentId, on }, user) => {
  await setBlindMarking(user, assignmentId, on === "true");
  refresh(assignmentId);
});

export const revealNamesAction = safeAction("TEACHER", NamesSchema, async ({ assignmentId }, user) => {
  await revealNames(user, assignmentId);
  refresh(assignmentId);
});

export const hideNamesAction = safeAction("TEACHER", NamesSchema, async ({ assignmentId }, user) => {
  await hideNames(user, assignmentId);
  refresh(assignmentId);
});
