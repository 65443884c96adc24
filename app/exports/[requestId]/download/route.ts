import { fileRoute } from "@/lib/actions/file-route";
import { openExportDownload } from "@/lib/exports/requests";
import { ExportIdSchema } from "@/lib/exports/schemas";

// The finished archive, streamed from the database; only its requester may (decision 041).
export const GET = fileRoute(ExportIdSchema, async ({ requestId }, user) => openExportDownload(user, requestId));
