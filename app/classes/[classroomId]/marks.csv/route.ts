import { z } from "zod";
import { fileRoute } from "@/lib/actions/file-route";
import { idText } from "@/lib/validation/text";
import { csvFileName, encodeCsv } from "@/lib/csv/encode-csv";
import { getClassMarksCsv } from "@/lib/tracking/exports";

export const GET = fileRoute(z.object({ classroomId: idText() }), async ({ classroomId }, user) => {
  const { classroomName, rows } = await getClassMarksCsv(user, classroomId);
  return { fileName: csvFileName(classroomName, "marks"), contentType: "text/csv; charset=utf-8", body: encodeCsv(rows) };
});
