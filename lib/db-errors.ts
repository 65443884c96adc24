import { AppError } from "./errors";

// Constraint violations reach us in three shapes, depending on the database and the query:
// - Prisma's known errors, P2002 (unique) and P2003 (foreign key). On the driver-adapter
//   path the details are under meta.driverAdapterError.cause (constraint.fields for a unique
//   key, constraint.index for a foreign key), not meta.target.
// - A bare DriverAdapterError whose cause carries the SQLSTATE, when Prisma does not map it:
//   PGlite (PostgreSQL 17) reports deleting a row an ON DELETE RESTRICT key still points at
//   as 23001 "violates RESTRICT setting", where PostgreSQL 15 says 23503 and Prisma P2003.
// - A pg error with the SQLSTATE in `code` and the name in `constraint` ($queryRaw).
// constraintViolation reads all of them into one shape.

export type ConstraintViolation =
  | { kind: "unique"; fields: string[] }
  /** `stillReferenced`: deleting (or re-keying) a row others point at; otherwise writing a reference to a missing row. */
  | { kind: "foreign-key"; constraint: string | null; stillReferenced: boolean };

type Cause = { code?: unknown; originalCode?: unknown; originalMessage?: unknown; message?: unknown; kind?: unknown; constraint?: unknown };

const UNIQUE = new Set(["23505"]);
const FOREIGN_KEY = new Set(["23503", "23001"]);

export function constraintViolation(e: unknown): ConstraintViolation | null {
  if (typeof e !== "object" || e === null) return null;
  const err = e as { code?: unknown; name?: unknown; meta?: Record<string, unknown>; cause?: Cause; constraint?: unknown; message?: unknown };
  const adapterCause = (err.meta?.driverAdapterError as { cause?: Cause } | undefined)?.cause ?? (err.name === "DriverAdapterError" ? err.cause : undefined);
  const sqlState = String(adapterCause?.originalCode ?? adapterCause?.code ?? (typeof err.code === "string" && /^\d{5}$/.test(err.code) ? err.code : ""));
  const message = String(adapterCause?.originalMessage ?? adapterCause?.message ?? err.message ?? "");
  const constraint = adapterCause?.constraint as { fields?: unknown; index?: unknown } | string | undefined;

  if (err.code === "P2002" || UNIQUE.has(sqlState)) {
    const fields = (err.meta?.target as unknown) ?? (typeof constraint === "object" ? constraint?.fields : undefined) ?? [];
    return { kind: "unique", fields: Array.isArray(fields) ? fields.map((f) => String(f).replaceAll('"', "")) : [] };
  }
  if (err.code === "P2003" || FOREIGN_KEY.has(sqlState)) {
    const name =
      (typeof constraint === "object" && typeof constraint?.index === "string" ? constraint.index : null) ??
      (typeof err.constraint === "string" ? err.constraint : null) ??
      /constraint "([^"]+)"/.exec(message)?.[1] ??
      null;
    return { kind: "foreign-key", constraint: name, stillReferenced: /^update or delete on table/i.test(message) || sqlState === "23001" };
  }
  return null;
}

/** A unique key was violated, optionally one that includes `field`. */
export function isUniqueViolation(e: unknown, field?: string): boolean {
  const v = constraintViolation(e);
  return v?.kind === "unique" && (!field || v.fields.includes(field));
}

/** A foreign key was violated, optionally the one named `constraint` (e.g. "Assignment_questionId_fkey"). */
export function isForeignKeyViolation(e: unknown, constraint?: string): boolean {
  const v = constraintViolation(e);
  return v?.kind === "foreign-key" && (!constraint || v.constraint === constraint);
}

// A value the database cannot hold: U+0000 in text (22021) or jsonb (22P05), a number past
// int4 (22003, which Prisma reports as P2020). The schemas (lib/validation/) refuse or strip
// these first; this is the net under them, so a value that slips past one is a 400, not a 500.
const BAD_VALUE = new Set(["22021", "22P05", "22003"]);

export function isBadValue(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; name?: unknown; meta?: Record<string, unknown>; cause?: Cause };
  if (err.code === "P2020") return true;
  const cause = (err.meta?.driverAdapterError as { cause?: Cause } | undefined)?.cause ?? (err.name === "DriverAdapterError" ? err.cause : undefined);
  const sqlState = String(cause?.originalCode ?? cause?.code ?? (typeof err.code === "string" ? err.code : ""));
  return BAD_VALUE.has(sqlState);
}

/** update/delete (or findUniqueOrThrow) found no row: usually removed a moment earlier in another tab. */
export function isRecordNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2025";
}

export const STILL_IN_USE = "That is still in use elsewhere, so it can't be deleted. Nothing was changed.";
export const ALREADY_EXISTS = "That already exists, so nothing was changed. Reload the page to see it.";
export const REFERENCE_GONE = "Something this refers to has just been removed, so nothing was saved. Reload the page and try again.";
export const BAD_VALUE_MESSAGE = "That holds a character or a number that can't be stored, so nothing was saved. Check what you pasted and try again.";
export const JUST_REMOVED = "That could not be found: it may have just been removed. Reload the page to see the latest.";

/**
 * The refusal to show for a constraint violation no lib function turned into its own message:
 * the action and route wrappers use it so a database refusal is a 4xx that says what
 * happened, never "something went wrong on our side". Null for anything else.
 */
export function refusalForDbError(e: unknown): AppError | null {
  if (isRecordNotFound(e)) return new AppError(JUST_REMOVED, 404);
  if (isBadValue(e)) return new AppError(BAD_VALUE_MESSAGE, 400);
  const v = constraintViolation(e);
  if (!v) return null;
  if (v.kind === "unique") return new AppError(ALREADY_EXISTS, 409);
  return new AppError(v.stillReferenced ? STILL_IN_USE : REFERENCE_GONE, 409);
}
