import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/auth/accounts";
import { acceptInvitation, getInvitation, listInvitations, revokeInvitation } from "@/lib/roster/invitations";
import { RosterRowsError, importRoster } from "@/lib/roster/roster-import";
import { enrol, makeClassroom, makeStudent, makeTeacher } from "../factories";

const password = "correct horse battery";

async function setUp() {
  const teacher = await makeTeacher({ name: "Ms Hughes" });
  const classroom = await makeClassroom(teacher, { name: "12H History" });
  return { teacher, classroom, classroomId: classroom.id };
}

const counts = async () => ({
  users: await db().user.count(),
  enrolments: await db().enrolment.count(),
  invitations: await db().invitation.count(),
});

describe("importing a roster", () => {
  it("enrols students who have accounts and invites the rest", async () => {
    const { teacher, classroomId } = await setUp();
    const amira = await makeStudent({ name: "Amira K", email: "amira@school.test" });
    const csv = "name,email\nAmira Khan,AMIRA@school.test\nBen Ode,ben@school.test\n";

    const result = await importRoster(teacher, { classroomId, csv });

    expect(result.enrolled).toEqual([{ name: "Amira Khan", email: "amira@school.test" }]);
    expect(result.alreadyInClass).toEqual([]);
    expect(result.invited).toEqual([{ name: "Ben Ode", email: "ben@school.test", token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }]);
    expect(await db().enrolment.findMany({ where: { classroomId }, select: { studentId: true } })).toEqual([{ studentId: amira.id }]);
    expect(await listInvitations(teacher, classroomId)).toEqual([
      expect.objectContaining({ name: "Ben Ode", email: "ben@school.test", token: result.invited[0]!.token }),
    ]);
  });

  it("reports students already in the class and leaves their enrolment alone", async () => {
    const { teacher, classroomId } = await setUp();
    const amira = await makeStudent({ email: "amira@school.test" });
    const before = await enrol(classroomId, amira);
    const result = await importRoster(teacher, { classroomId, csv: "name,email\nAmira Khan,amira@school.test" });
    expect(result).toEqual({ enrolled: [], alreadyInClass: [{ name: "Amira Khan", email: "amira@school.test" }], invited: [] });
    expect(await db().enrolment.findMany({ where: { classroomId } })).toEqual([before]);
  });

  it("refuses a teacher's email as a row error and saves nothing", async () => {
    const { teacher, classroomId } = await setUp();
    await makeTeacher({ email: "colleague@school.test" });
    await makeStudent({ email: "amira@school.test" });
    const before = await counts();
    const csv = "name,email\nAmira Khan,amira@school.test\nNew Person,new@school.test\nMr Colleague,colleague@school.test";

    const error = await importRoster(teacher, { classroomId, csv }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RosterRowsError);
    expect(error).toMatchObject({ status: 422, rows: [{ line: 4, message: expect.stringContaining("colleague@school.test is a teacher's account") }] });
    expect((error as RosterRowsError).fieldErrors?.csv).toEqual([expect.stringMatching(/^Line 4: colleague@school.test is a teacher's account/)]);
    expect(await counts()).toEqual(before);
  });

  it("reports bad rows by line number and saves nothing, not even the good rows", async () => {
    const { teacher, classroomId } = await setUp();
    await makeStudent({ email: "amira@school.test" });
    const before = await counts();
    const csv = ["name,email", "Amira Khan,amira@school.test", "New Person,new@school.test", ",nobody@school.test", "Di Vo,not-an-email"].join("\n");

    const error = await importRoster(teacher, { classroomId, csv }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 422,
      message: expect.stringContaining("Nothing was imported: 2 rows need fixing"),
      rows: [
        { line: 4, message: "The name is missing." },
        { line: 5, message: '"not-an-email" is not a valid email address.' },
      ],
      fieldErrors: { csv: ["Line 4: The name is missing.", 'Line 5: "not-an-email" is not a valid email address.'] },
    });
    expect(await counts()).toEqual(before);
  });

  it("is idempotent: importing again keeps each invitation and its token", async () => {
    const { teacher, classroomId } = await setUp();
    await makeStudent({ email: "amira@school.test" });
    const csv = "name,email\nAmira Khan,amira@school.test\nBen Ode,ben@school.test";
    const first = await importRoster(teacher, { classroomId, csv });
    const second = await importRoster(teacher, { classroomId, csv: csv.replace("Ben Ode", "Ben Odé") });

    expect(second.enrolled).toEqual([]);
    expect(second.alreadyInClass).toEqual([{ name: "Amira Khan", email: "amira@school.test" }]);
    expect(second.invited).toEqual([{ name: "Ben Odé", email: "ben@school.test", token: first.invited[0]!.token }]);
    expect(await db().invitation.count()).toBe(1);
    expect(await db().enrolment.count()).toBe(1);
    // A corrected name is taken; the link stays the same.
    expect((await getInvitation(first.invited[0]!.token))?.name).toBe("Ben Odé");
  });

  it("keeps UTF-8 names intact from a CSV UTF-8 file with a BOM", async () => {
    const { teacher, classroomId } = await setUp();
    await makeStudent({ name: "Zoë Brown", email: "zoe@school.test" });
    const csv = "\uFEFFName,Email\r\nZoë Brown,zoe@school.test\r\nŁukasz Nowak,lukasz@school.test\r\n\"Nguyễn, Thị\",thi@school.test\r\n";

    const result = await importRoster(teacher, { classroomId, csv });

    expect(result.enrolled).toEqual([{ name: "Zoë Brown", email: "zoe@school.test" }]);
    expect(result.invited.map((i) => i.name)).toEqual(["Łukasz Nowak", "Nguyễn, Thị"]);
    const invitation = await getInvitation(result.invited[0]!.token);
    expect(invitation).toEqual({ classroomName: "12H History", teacherName: "Ms Hughes", name: "Łukasz Nowak", email: "lukasz@school.test" });
    expect((await listInvitations(teacher, classroomId)).map((i) => i.name)).toEqual(["Łukasz Nowak", "Nguyễn, Thị"]);
  });

  it("enrols someone who signed up without their link, and retires the link", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const ben = await makeStudent({ email: "ben@school.test" });

    const result = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });

    expect(result.enrolled).toEqual([{ name: "Ben Ode", email: "ben@school.test" }]);
    expect(await db().enrolment.count({ where: { classroomId, studentId: ben.id } })).toBe(1);
    expect(await listInvitations(teacher, classroomId)).toEqual([]);
    expect(await getInvitation(invited[0]!.token)).toBeNull();
  });
});

describe("accepting an invitation at sign-up", () => {
  it("creates a student, enrols them, and the link works only once", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const token = invited[0]!.token;

    // A forged role is ignored: an invitation makes a student's account.
    const { user } = await signUp({ name: "Ben Ode", email: "ben@school.test", password, role: "TEACHER", invite: token });

    expect(user).toMatchObject({ email: "ben@school.test", role: "STUDENT" });
    expect(await db().enrolment.count({ where: { classroomId, studentId: user.id } })).toBe(1);
    expect(await db().invitation.findUniqueOrThrow({ where: { token } })).toMatchObject({ acceptedById: user.id, acceptedAt: expect.any(Date) });
    expect(await getInvitation(token)).toBeNull();
    expect(await listInvitations(teacher, classroomId)).toEqual([]);

    const before = await counts();
    const again = signUp({ name: "Someone Else", email: "else@school.test", password, role: "STUDENT", invite: token });
    await expect(again).rejects.toMatchObject({ status: 404, message: expect.stringContaining("already been used") });
    expect(await counts()).toEqual(before);

    // The roster imported again now finds Ben in the class.
    const reimport = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    expect(reimport.alreadyInClass).toEqual([{ name: "Ben Ode", email: "ben@school.test" }]);
  });

  it("counts a student who changed their email at sign-up as already in the class", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    await signUp({ name: "Ben", email: "ben.personal@example.test", password, role: "STUDENT", invite: invited[0]!.token });
    const result = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    expect(result).toEqual({ enrolled: [], alreadyInClass: [{ name: "Ben Ode", email: "ben@school.test" }], invited: [] });
    expect(await db().invitation.count()).toBe(1);
  });

  it("refuses an unknown token and creates nothing", async () => {
    const before = await counts();
    for (const invite of ["x".repeat(43), "not a token"]) {
      await expect(signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite })).rejects.toMatchObject({ status: 404 });
    }
    expect(await counts()).toEqual(before);
    expect(await getInvitation("x".repeat(43))).toBeNull();
    expect(await getInvitation(undefined)).toBeNull();
  });

  it("lets an existing student accept a link directly, once", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const student = await makeStudent();
    await expect(acceptInvitation(student, invited[0]!.token)).resolves.toEqual({ classroomId, classroomName: "12H History" });
    expect(await db().enrolment.count({ where: { classroomId, studentId: student.id } })).toBe(1);
    await expect(acceptInvitation(await makeStudent(), invited[0]!.token)).rejects.toMatchObject({ status: 404 });
    await expect(acceptInvitation(teacher, invited[0]!.token)).rejects.toMatchObject({ status: 403 });
  });
});

describe("withdrawing an invitation", () => {
  it("stops the link working and takes it off the list", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test\nCy Ray,cy@school.test" });
    const [ben] = await listInvitations(teacher, classroomId);

    await expect(revokeInvitation(teacher, { invitationId: ben!.id })).resolves.toEqual({ classroomId });

    expect((await listInvitations(teacher, classroomId)).map((i) => i.email)).toEqual(["cy@school.test"]);
    expect(await getInvitation(invited[0]!.token)).toBeNull();
    await expect(signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite: invited[0]!.token })).rejects.toMatchObject({ status: 404 });
    await expect(revokeInvitation(teacher, { invitationId: ben!.id })).rejects.toMatchObject({ status: 404 });
  });

  it("cannot withdraw an invitation that has been used", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const invitation = await db().invitation.findUniqueOrThrow({ where: { token: invited[0]!.token } });
    await signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite: invited[0]!.token });
    await expect(revokeInvitation(teacher, { invitationId: invitation.id })).rejects.toMatchObject({ status: 409 });
    expect(await db().invitation.count()).toBe(1);
  });
});

describe("roster import: who may do what", () => {
  it("another teacher is told the class does not exist; a student is refused", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const invitation = await db().invitation.findUniqueOrThrow({ where: { token: invited[0]!.token } });
    const other = await makeTeacher();
    const student = await makeStudent();
    await enrol(classroomId, student);
    const before = await counts();
    const csv = "name,email\nCy Ray,cy@school.test";

    await expect(importRoster(other, { classroomId, csv })).rejects.toMatchObject({ status: 404 });
    await expect(listInvitations(other, classroomId)).rejects.toMatchObject({ status: 404 });
    await expect(revokeInvitation(other, { invitationId: invitation.id })).rejects.toMatchObject({ status: 404 });

    await expect(importRoster(student, { classroomId, csv })).rejects.toMatchObject({ status: 403 });
    await expect(listInvitations(student, classroomId)).rejects.toMatchObject({ status: 403 });
    await expect(revokeInvitation(student, { invitationId: invitation.id })).rejects.toMatchObject({ status: 403 });

    expect(await counts()).toEqual(before);
    expect(await getInvitation(invited[0]!.token)).not.toBeNull();
  });
});
