import { describe, expect, it } from "vitest";
import { ALREADY_EXISTS, BAD_VALUE_MESSAGE, constraintViolation, isBadValue, isForeignKeyViolation, isUniqueViolation, JUST_REMOVED, REFERENCE_GONE, refusalForDbError, STILL_IN_USE } from "./db-errors";

// The shapes below are copied from errors seen on both test databases (see the integration
// test tests/integration/refusals.test.ts, which produces the real ones).

const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error("DriverAdapterError"), { name: "DriverAdapterError", cause });

const prismaUnique = {
  code: "P2002",
  meta: {
    modelName: "Enrolment",
    driverAdapterError: adapterError({
      originalCode: "23505",
      originalMessage: 'duplicate key value violates unique constraint "Enrolment_classroomId_studentId_key"',
      kind: "UniqueConstraintViolation",
      constraint: { fields: ['"classroomId"', '"studentId"'] },
    }),
  },
};

const prismaForeignKey = (message: string, index: string) => ({
  code: "P2003",
  meta: { driverAdapterError: adapterError({ originalCode: "23503", originalMessage: message, kind: "ForeignKeyConstraintViolation", constraint: { index } }) },
});

// PostgreSQL 15: deleting a question an assignment points at.
const stillReferenced = prismaForeignKey('update or delete on table "Question" violates foreign key constraint "Assignment_questionId_fkey" on table "Assignment"', "Assignment_questionId_fkey");
// PGlite (PostgreSQL 17): the same delete, reported as 23001 and not mapped by Prisma.
const restrict = adapterError({
  originalCode: "23001",
  kind: "postgres",
  code: "23001",
  message: 'update or delete on table "Question" violates RESTRICT setting of foreign key constraint "Assignment_questionId_fkey" on table "Assignment"',
});
const missingParent = prismaForeignKey('insert or update on table "Enrolment" violates foreign key constraint "Enrolment_classroomId_fkey"', "Enrolment_classroomId_fkey");

describe("constraintViolation", () => {
  it("reads a unique violation's fields from the driver adapter's cause or from meta.target", () => {
    expect(constraintViolation(prismaUnique)).toEqual({ kind: "unique", fields: ["classroomId", "studentId"] });
    expect(constraintViolation({ code: "P2002", meta: { target: ["email"] } })).toEqual({ kind: "unique", fields: ["email"] });
    expect(constraintViolation({ code: "23505", constraint: "User_email_key" })).toEqual({ kind: "unique", fields: [] });
    expect(isUniqueViolation(prismaUnique, "studentId")).toBe(true);
    expect(isUniqueViolation(prismaUnique, "email")).toBe(false);
    expect(isUniqueViolation(prismaUnique)).toBe(true);
  });

  it("reads a foreign-key violation in all three shapes, and whether a row is still referenced", () => {
    expect(constraintViolation(stillReferenced)).toEqual({ kind: "foreign-key", constraint: "Assignment_questionId_fkey", stillReferenced: true });
    expect(constraintViolation(restrict)).toEqual({ kind: "foreign-key", constraint: "Assignment_questionId_fkey", stillReferenced: true });
    expect(constraintViolation(missingParent)).toEqual({ kind: "foreign-key", constraint: "Enrolment_classroomId_fkey", stillReferenced: false });
    expect(constraintViolation({ code: "23503", constraint: "Plan_studentId_fkey", message: "insert or update on table" })).toMatchObject({ constraint: "Plan_studentId_fkey", stillReferenced: false });
    expect(isForeignKeyViolation(restrict, "Assignment_questionId_fkey")).toBe(true);
    expect(isForeignKeyViolation(restrict, "Enrolment_classroomId_fkey")).toBe(false);
    expect(isUniqueViolation(restrict)).toBe(false);
  });

  it("is null for anything else", () => {
    for (const e of [new Error("boom"), null, undefined, "P2002", { code: "P2025" }, adapterError({ code: "40001" }), { code: 23505 }]) {
      expect(constraintViolation(e)).toBeNull();
    }
  });
});

describe("refusalForDbError", () => {
  it("turns constraint violations and a vanished row into 4xx refusals that say what happened", () => {
    expect(refusalForDbError(stillReferenced)).toMatchObject({ message: STILL_IN_USE, status: 409 });
    expect(refusalForDbError(restrict)).toMatchObject({ message: STILL_IN_USE, status: 409 });
    expect(refusalForDbError(missingParent)).toMatchObject({ message: REFERENCE_GONE, status: 409 });
    expect(refusalForDbError(prismaUnique)).toMatchObject({ message: ALREADY_EXISTS, status: 409 });
    expect(refusalForDbError({ code: "P2025", meta: { cause: "Record to update not found." } })).toMatchObject({ message: JUST_REMOVED, status: 404 });
  });

  it("leaves a real bug to be logged", () => {
    expect(refusalForDbError(new TypeError("x is undefined"))).toBeNull();
    expect(refusalForDbError({ code: "P1001" })).toBeNull();
  });
});

describe("a value the database cannot hold (issue 10, finding 7)", () => {
  // Seen on both databases: U+0000 in a text column, \u0000 in jsonb, a number past int4.
  const nulInText = adapterError({ originalCode: "22021", code: "22021", kind: "postgres", message: 'invalid byte sequence for encoding "UTF8": 0x00' });
  const nulInJson = adapterError({ originalCode: "22P05", code: "22P05", kind: "postgres", message: "unsupported Unicode escape sequence" });
  const outOfRange = { code: "P2020", meta: { driverAdapterError: adapterError({ originalCode: "22003", kind: "ValueOutOfRange" }) } };

  it("is a 400 that says nothing was saved", () => {
    for (const e of [nulInText, nulInJson, outOfRange, { code: "22021" }]) {
      expect(isBadValue(e)).toBe(true);
      expect(refusalForDbError(e)).toMatchObject({ message: BAD_VALUE_MESSAGE, status: 400 });
    }
    expect(isBadValue(prismaUnique)).toBe(false);
    expect(isBadValue(new Error("22021"))).toBe(false);
  });
});
