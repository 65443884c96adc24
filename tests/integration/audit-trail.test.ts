import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { eraseFromAudit } from "@/lib/audit/erasure";

// The trail is append-only in the database itself (decision 039), so these go around the
// app on purpose: if raw SQL cannot change a row, no route can.
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String((error as Error).message);
  }
  return "not refused";
}

describe("the audit trail", () => {
  it("keeps what is recorded and refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAudit(db(), {
      action: "MARK_CHANGED",
      actorId: "teacher-1",
      subjectId: "student-1",
      classroomId: "class-1",
      before: { total: 12 },
      after: { total: 14 },
    });
    expect(await refusal(() => db().$executeRawUnsafe(`UPDATE "AuditEvent" SET after = '{"total":20}'`))).toContain(
      "append-only (UPDATE refused)",
    );
    expect(await refusal(() => db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`))).toContain("append-only (DELETE refused)");
    expect(await refusal(() => db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`))).toContain("append-only (TRUNCATE refused)");
    expect(await refusal(() => db().auditEvent.deleteMany({}))).toContain("append-only");
    const rows = await db().auditEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "MARK_CHANGED", actorId: "teacher-1", after: { total: 14 } });
  });

  it("lets a deletion replace the person's id by a pseudonym, and nothing else, in its own transaction only", async () => {
    await recordAudit(db(), { action: "SIGN_IN", actorId: "student-1", subjectId: "student-1" });
    await recordAudit(db(), { action: "MARK_CHANGED", actorId: "teacher-1", subjectId: "student-1", after: { total: 14 } });
    await recordAudit(db(), { action: "SIGN_IN", actorId: "student-2", subjectId: "student-2" });

    const pseudonym = await db().$transaction(async (tx) => {
      const name = await eraseFromAudit(tx, "student-1");
      // Even inside the erasure's transaction, other columns stay fixed.
      await tx.$executeRawUnsafe("SAVEPOINT sneaky");
      const sneaky = await refusal(() => tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET after = NULL`));
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT sneaky");
      expect(sneaky).toContain("append-only");
      return name;
    });

    expect(pseudonym).toMatch(/^erased-[0-9a-f]{12}$/);
    expect(await db().auditEvent.count({ where: { OR: [{ actorId: "student-1" }, { subjectId: "student-1" }] } })).toBe(0);
    expect(await db().auditEvent.count({ where: { subjectId: pseudonym } })).toBe(2);
    expect(await db().auditEvent.findFirst({ where: { action: "MARK_CHANGED" } })).toMatchObject({
      actorId: "teacher-1",
      after: { total: 14 },
    });
    // The switch was transaction-local: the same change is refused again afterwards.
    expect(
      await refusal(() => db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorId" = 'x' WHERE "actorId" = 'student-2'`)),
    ).toContain("append-only");
  });
});
