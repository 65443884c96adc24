import { z } from "zod";
import { idText } from "../validation/text";

// The blind-marking actions' input (app/assignments/blind-actions.ts): the assignment and,
// for the switch, which way. Strings because they arrive as form fields.
export const BlindMarkingSchema = z.object({ assignmentId: idText(), on: z.enum(["true", "false"]) });
export const NamesSchema = z.object({ assignmentId: idText() });
