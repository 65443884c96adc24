import { z } from "zod";
import { fileRoute } from "@/lib/actions/file-route";
import { csvFileName, encodeCsv } from "@/lib/csv/encode-csv";
import { getClassMarksCsv } from "@/lib/tracking/exports";

export const GET = fileRoute(z.object({ classroomId: z.string().min(1).max(40) }), async ({ classroomId }, user) => {
  const { classroomName, rows } = await getClassMarksCsv(user, classroomId);
  return { fileName: csvFileName(classroomName, "marks"), contentType: "text/csv; charset=utf-8", body: encodeCsv(rows) };
});
