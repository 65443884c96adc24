import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/accounts";
import { addSchoolAdmin, ensureSchool, listSchools, removeSchoolAdmin } from "@/lib/schools/internal/schools";
import { getSchoolForAdmin, listAdministeredSchools } from "@/lib/schools/schools";
import { makeStudent, makeTeacher } from "../factories";
import { statusOf } from "./refusal-status";

// Decision 033: schools and their administrators, granted only from the command line.

describe("school administrators", () => {
  it("are granted by email, join the school, see only their own school's settings, and lose them when removed", async () => {
    const admin = await makeTeacher({ name: "Ms Iris Admin" });
    const other = await makeTeacher({ name: "Mr Other" });
    const { school } = await addSchoolAdmin("Hillside Academy", admin.email);
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id }, select: { schoolId: true } })).toEqual({ schoolId: school.id });
    expect(await listAdministeredSchools(admin)).toEqual([{ id: school.id, name: "Hillside Academy" }]);
    expect((await getSchoolForAdmin(admin, school.id)).name).toBe("Hillside Academy");
    expect(await listAdministeredSchools(other)).toEqual([]);
    expect(await statusOf(getSchoolForAdmin(other, school.id))).toBe(404);
    expect(await statusOf(getSchoolForAdmin(admin, "no-such-school"))).toBe(404);
    expect((await listSchools()).find((s) => s.name === "Hillside Academy")?.admins.map((a) => a.user.email)).toEqual([admin.email]);

    expect(await removeSchoolAdmin("Hillside Academy", admin.email)).toBe(true);
    expect(await statusOf(getSchoolForAdmin(admin, school.id))).toBe(404);
  });

  it("must be teacher accounts that exist; a school needs a name", async () => {
    const student = await makeStudent({ name: "Sam Student" });
    expect(await statusOf(addSchoolAdmin("Hillside Academy", student.email))).toBe(404);
    expect(await statusOf(addSchoolAdmin("Hillside Academy", "nobody@example.test"))).toBe(404);
    expect(await statusOf(ensureSchool("   "))).toBe(422);
  });
});

describe("accounts without a password", () => {
  it("cannot be signed into with any password", async () => {
    const teacher = await makeTeacher({ name: "Provider Only" });
    await db().user.update({ where: { id: teacher.id }, data: { passwordHash: null } });
    expect(await statusOf(signIn({ email: teacher.email, password: "" + "a long enough guess" }, "203.0.113.9"))).toBe(401);
  });
});
