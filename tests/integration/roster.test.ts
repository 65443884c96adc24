import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/auth/accounts";
import { acceptInvitation, getInvitation, listInvitations, revokeInvitation } from "@/lib/roster/invitations";
import { listMyInvitations } from "@/lib/roster/my-invitations";
import { importRoster } from "@/lib/roster/roster-import";
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
  it("invites every row, with or without an account, and enrols nobody", async () => {
    const { teacher, classroomId } = await setUp();
    await makeStudent({ name: "Amira K", email: "amira@school.test" });
    const csv = "name,email\nAmira Khan,AMIRA@school.test\nBen Ode,ben@school.test\n";

    const result = await importRoster(teacher, { classroomId, csv });

    const token = expect.stringMatching(/^[A-Za-z0-9_-]{43}$/);
    expect(result).toEqual({
      invited: [
        { name: "Amira Khan", email: "amira@school.test", token },
        { name: "Ben Ode", email: "ben@school.test", token },
      ],
      alreadyInClass: [],
      declined: [],
    });
    expect(await db().enrolment.count({ where: { classroomId } })).toBe(0);
    expect(await listInvitations(teacher, classroomId)).toEqual([
      expect.objectContaining({ name: "Amira Khan", email: "amira@school.test", token: result.invited[0]!.token, status: "waiting" }),
      expect.objectContaining({ name: "Ben Ode", email: "ben@school.test", token: result.invited[1]!.token, status: "waiting" }),
    ]);
  });

  it("reports students already in the class and leaves their enrolment alone", async () => {
    const { teacher, classroomId } = await setUp();
    const amira = await makeStudent({ email: "amira@school.test" });
    const before = await enrol(classroomId, amira);
    const result = await importRoster(teacher, { classroomId, csv: "name,email\nAmira Khan,amira@school.test" });
    expect(result).toEqual({ invited: [], alreadyInClass: [{ name: "Amira Khan", email: "amira@school.test" }], declined: [] });
    expect(await db().enrolment.findMany({ where: { classroomId } })).toEqual([before]);
    expect(await db().invitation.count()).toBe(0);
  });

  it("says \"already in this class\" only for this class: a student of the teacher's other class is invited", async () => {
    const { teacher, classroomId } = await setUp();
    const other = await makeClassroom(teacher, { name: "13B History" });
    const amira = await makeStudent({ email: "amira@school.test" });
    await enrol(other.id, amira);
    const result = await importRoster(teacher, { classroomId, csv: "name,email\nAmira Khan,amira@school.test" });
    expect(result).toEqual({ invited: [expect.objectContaining({ email: "amira@school.test" })], alreadyInClass: [], declined: [] });
    expect(await db().enrolment.count({ where: { classroomId } })).toBe(0);
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

    expect(second).toEqual({
      invited: [
        { name: "Amira Khan", email: "amira@school.test", token: first.invited[0]!.token },
        { name: "Ben Odé", email: "ben@school.test", token: first.invited[1]!.token },
      ],
      alreadyInClass: [],
      declined: [],
    });
    expect(await db().invitation.count()).toBe(2);
    expect(await db().enrolment.count()).toBe(0);
    // A corrected name is taken; the link stays the same.
    expect((await getInvitation(first.invited[1]!.token))?.name).toBe("Ben Odé");
  });

  it("keeps UTF-8 names intact from a CSV UTF-8 file with a BOM", async () => {
    const { teacher, classroomId } = await setUp();
    await makeStudent({ name: "Zoë Brown", email: "zoe@school.test" });
    const csv = "\uFEFFName,Email\r\nZoë Brown,zoe@school.test\r\nŁukasz Nowak,lukasz@school.test\r\n\"Nguyễn, Thị\",thi@school.test\r\n";

    const result = await importRoster(teacher, { classroomId, csv });

    expect(result.invited.map((i) => i.name)).toEqual(["Zoë Brown", "Łukasz Nowak", "Nguyễn, Thị"]);
    const invitation = await getInvitation(result.invited[1]!.token);
    expect(invitation).toEqual({ classroomName: "12H History", teacherName: "Ms Hughes", name: "Łukasz Nowak", email: "lukasz@school.test" });
    expect((await listInvitations(teacher, classroomId)).map((i) => i.name)).toEqual(["Łukasz Nowak", "Nguyễn, Thị", "Zoë Brown"]);
  });

  it("someone who signs up without their link finds the invitation on their dashboard; importing again does not enrol them", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const ben = await makeStudent({ email: "ben@school.test" });

    const result = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });

    expect(result).toEqual({ invited: [{ name: "Ben Ode", email: "ben@school.test", token: invited[0]!.token }], alreadyInClass: [], declined: [] });
    expect(await db().enrolment.count({ where: { classroomId, studentId: ben.id } })).toBe(0);
    expect(await listMyInvitations(ben)).toEqual([expect.objectContaining({ classroomName: "12H History", teacherName: "Ms Hughes" })]);
  });

  it("retires an open invitation once its student has joined by the code", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const ben = await makeStudent({ email: "ben@school.test" });
    await enrol(classroomId, ben);

    const result = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });

    expect(result).toEqual({ invited: [], alreadyInClass: [{ name: "Ben Ode", email: "ben@school.test" }], declined: [] });
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
    const signedUp = await signUp({ name: "Ben Ode", email: "ben@school.test", password, role: "TEACHER", invite: token }, "192.0.2.1");
    if (!signedUp.created) throw new Error("expected a new account");
    const { user } = signedUp;

    expect(user).toMatchObject({ email: "ben@school.test", role: "STUDENT" });
    expect(await db().enrolment.count({ where: { classroomId, studentId: user.id } })).toBe(1);
    expect(await db().invitation.findUniqueOrThrow({ where: { token } })).toMatchObject({ acceptedById: user.id, acceptedAt: expect.any(Date) });
    expect(await getInvitation(token)).toBeNull();
    expect(await listInvitations(teacher, classroomId)).toEqual([]);

    const before = await counts();
    const again = signUp({ name: "Someone Else", email: "else@school.test", password, role: "STUDENT", invite: token }, "192.0.2.1");
    await expect(again).rejects.toMatchObject({ status: 404, message: expect.stringContaining("already been used") });
    expect(await counts()).toEqual(before);

    // The roster imported again now finds Ben in the class.
    const reimport = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    expect(reimport.alreadyInClass).toEqual([{ name: "Ben Ode", email: "ben@school.test" }]);
  });

  it("counts a student who changed their email at sign-up as already in the class", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    await signUp({ name: "Ben", email: "ben.personal@example.test", password, role: "STUDENT", invite: invited[0]!.token }, "192.0.2.1");
    const result = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    expect(result).toEqual({ invited: [], alreadyInClass: [{ name: "Ben Ode", email: "ben@school.test" }], declined: [] });
    expect(await db().invitation.count()).toBe(1);
  });

  it("refuses an unknown token and creates nothing", async () => {
    const before = await counts();
    for (const invite of ["x".repeat(43), "not a token"]) {
      await expect(signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite }, "192.0.2.1")).rejects.toMatchObject({ status: 404 });
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
    await expect(signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite: invited[0]!.token }, "192.0.2.1")).rejects.toMatchObject({ status: 404 });
    await expect(revokeInvitation(teacher, { invitationId: ben!.id })).rejects.toMatchObject({ status: 404 });
  });

  it("cannot withdraw an invitation that has been used", async () => {
    const { teacher, classroomId } = await setUp();
    const { invited } = await importRoster(teacher, { classroomId, csv: "name,email\nBen Ode,ben@school.test" });
    const invitation = await db().invitation.findUniqueOrThrow({ where: { token: invited[0]!.token } });
    await signUp({ name: "Ben", email: "ben@school.test", password, role: "STUDENT", invite: invited[0]!.token }, "192.0.2.1");
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
