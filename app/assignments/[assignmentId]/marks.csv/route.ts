import { z } from "zod";
import { fileRoute } from "@/lib/actions/file-route";
import { csvFileName, encodeCsv } from "@/lib/csv/encode-csv";
import { getAssignmentMarksCsv } from "@/lib/tracking/exports";

export const GET = fileRoute(z.object({ assignmentId: z.string().min(1).max(40) }), async ({ assignmentId }, user) => {
  const { classroomName, questionText, rows } = await getAssignmentMarksCsv(user, assignmentId);
  return { fileName: csvFileName(classroomName, questionText, "marks"), contentType: "text/csv; charset=utf-8", body: encodeCsv(rows) };
});
