import { z } from "zod";
import { fileRoute } from "@/lib/actions/file-route";
import { idText } from "@/lib/validation/text";
import { csvFileName, encodeCsv } from "@/lib/csv/encode-csv";
import { getAssignmentMarksCsv } from "@/lib/tracking/exports";

export const GET = fileRoute(z.object({ assignmentId: idText() }), async ({ assignmentId }, user) => {
  const { classroomName, questionText, rows } = await getAssignmentMarksCsv(user, assignmentId);
  return { fileName: csvFileName(classroomName, questionText, "marks"), contentType: "text/csv; charset=utf-8", body: encodeCsv(rows) };
});
