import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

// Shared by the pages that load through lib/ with the acting user.

/** A refusal (not found, or not yours) shows the not-found page, so ids cannot be probed; anything else is a real error. */
export function orNotFound(e: unknown): never {
  if (isAppError(e) && (e.status === 404 || e.status === 403)) notFound();
  throw e;
}

/** `?version=N` as a submission number; anything else means "the latest". */
export function versionParam(raw: string | undefined): number | undefined {
  return raw && /^\d{1,4}$/.test(raw) ? Number(raw) : undefined;
}
