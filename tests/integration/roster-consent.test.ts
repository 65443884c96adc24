import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listStudentAssignments } from "@/lib/assignments/assignments";
import { setAssignment } from "@/lib/assignments/assignments";
import { acceptInvitation, getInvitation, listInvitations, revokeInvitation } from "@/lib/roster/invitations";
import { acceptMyInvitation, declineMyInvitation, listMyInvitations } from "@/lib/roster/my-invitations";
import { importRoster } from "@/lib/roster/roster-import";
import { enrol, makeStudent, makeTeacher } from "../factories";
import { assignmentInput, makeClassWithTopic } from "./work-fixtures";

// Issue 10, finding 5: a self-registered teacher could put anyone with an account into their
// class by naming their email on a roster, and the result told them which emails were
// teachers'. Now a roster row is an invitation, whoever it names; only the student's Accept
// enrols them.

/** A stranger: a teacher who signed themselves up, with a class and an assignment set. */
async function stranger() {
  const world = await makeClassWithTopic();
  await setAssignment(world.teacher, assignmentInput(world, { instructions: "Stranger's instructions" }));
  return world;
}

const enrolled = (classroomId: string, studentId: string) => db().enrolment.count({ where: { classroomId, studentId } });

describe("a roster naming existing accounts", () => {
  it("enrols nobody and shows nothing of the class until the student accepts", async () => {
    const { teacher, classroom } = await stranger();
    const victim = await makeStudent({ name: "Vic Tim", email: "vic@school.test" });

    await importRoster(teacher, { classroomId: classroom.id, csv: "name,email\nVic Tim,vic@school.test" });

    expect(await enrolled(classroom.id, victim.id)).toBe(0);
    expect(await listStudentAssignments(victim)).toEqual([]);
    // What the student sees instead: an offer naming the teacher and the class.
    const offers = await listMyInvitations(victim);
    expect(offers).toEqual([{ id: expect.any(String), classroomName: "12H History", teacherName: "Ms Rosa Hughes", invitedAt: expect.any(Date) }]);

    await acceptMyInvitation(victim, { invitationId: offers[0]!.id });
    expect(await enrolled(classroom.id, victim.id)).toBe(1);
    expect((await listStudentAssignments(victim)).map((a) => a.instructions)).toEqual(["Stranger's instructions"]);
    expect(await listMyInvitations(victim)).toEqual([]);
  });

  it("gives the same result for a teacher's email, an existing student and a new email", async () => {
    const { teacher, classroom } = await stranger();
    await makeTeacher({ email: "colleague@school.test" });
    await makeStudent({ email: "amira@school.test" });
    const csv = "name,email\nMr Colleague,colleague@school.test\nAmira Khan,amira@school.test\nNew Person,new@school.test";

    const result = await importRoster(teacher, { classroomId: classroom.id, csv });

    expect(result.alreadyInClass).toEqual([]);
    expect(result.declined).toEqual([]);
    const shapes = result.invited.map(({ token, ...rest }) => ({ ...rest, token: token.length }));
    expect(shapes).toEqual([
      { name: "Mr Colleague", email: "colleague@school.test", token: 43 },
      { name: "Amira Khan", email: "amira@school.test", token: 43 },
      { name: "New Person", email: "new@school.test", token: 43 },
    ]);
    // Nothing else in the answer either: the same keys, nothing about accounts.
    expect(Object.keys(result).sort()).toEqual(["alreadyInClass", "declined", "invited"]);
    expect(await db().enrolment.count({ where: { classroomId: classroom.id } })).toBe(2); // Amira Khan and Ben Carter from the fixture
    // The waiting list shows the three the same way too.
    const waiting = await listInvitations(teacher, classroom.id);
    expect(waiting.map((i) => [i.email, i.status])).toEqual([
      ["amira@school.test", "waiting"],
      ["colleague@school.test", "waiting"],
      ["new@school.test", "waiting"],
    ]);
    expect(Object.keys(waiting[0]!).sort()).toEqual(["createdAt", "email", "id", "name", "status", "token"]);
  });

  it("never offers the invitation to a teacher's account, and a teacher cannot accept it", async () => {
    const { teacher, classroom } = await stranger();
    const colleague = await makeTeacher({ email: "colleague@school.test" });
    await importRoster(teacher, { classroomId: classroom.id, csv: "name,email\nMr Colleague,colleague@school.test" });
    const [invitation] = await listInvitations(teacher, classroom.id);

    expect(await listMyInvitations(colleague)).toEqual([]);
    await expect(acceptMyInvitation(colleague, { invitationId: invitation!.id })).rejects.toMatchObject({ status: 403 });
    await expect(declineMyInvitation(colleague, { invitationId: invitation!.id })).rejects.toMatchObject({ status: 403 });
    expect(await db().enrolment.count({ where: { studentId: colleague.id } })).toBe(0);
    expect((await listInvitations(teacher, classroom.id))[0]!.status).toBe("waiting");
  });
});

describe("answering an invitation on the dashboard", () => {
  async function invitedVic() {
    const { teacher, classroom } = await stranger();
    const vic = await makeStudent({ name: "Vic Tim", email: "vic@school.test" });
    const { invited } = await importRoster(teacher, { classroomId: classroom.id, csv: "name,email\nVic Tim,VIC@school.test" });
    const [offer] = await listMyInvitations(vic);
    return { teacher, classroomId: classroom.id, vic, invitationId: offer!.id, token: invited[0]!.token };
  }

  it("decline enrols nobody, closes the link, and the teacher sees only \"declined\"", async () => {
    const { teacher, classroomId, vic, invitationId, token } = await invitedVic();

    await declineMyInvitation(vic, { invitationId });

    expect(await enrolled(classroomId, vic.id)).toBe(0);
    expect(await listMyInvitations(vic)).toEqual([]);
    expect(await getInvitation(token)).toBeNull();
    await expect(acceptMyInvitation(vic, { invitationId })).rejects.toMatchObject({ status: 404 });
    await expect(acceptInvitation(vic, token)).rejects.toMatchObject({ status: 404 });
    expect(await enrolled(classroomId, vic.id)).toBe(0);
    // Who answered is not kept: the row names no account.
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row).toMatchObject({ declinedAt: expect.any(Date), acceptedAt: null, acceptedById: null });
    const [listed] = await listInvitations(teacher, classroomId);
    expect(listed).toMatchObject({ email: "vic@school.test", status: "declined" });

    // Importing the same list again does not ask again...
    const again = await importRoster(teacher, { classroomId, csv: "name,email\nVic Tim,vic@school.test" });
    expect(again).toEqual({ invited: [], alreadyInClass: [], declined: [{ name: "Vic Tim", email: "vic@school.test" }] });
    expect(await listMyInvitations(vic)).toEqual([]);
    // ...unless the teacher withdraws the declined invitation and imports afresh.
    await revokeInvitation(teacher, { invitationId });
    const fresh = await importRoster(teacher, { classroomId, csv: "name,email\nVic Tim,vic@school.test" });
    expect(fresh.invited).toEqual([{ name: "Vic Tim", email: "vic@school.test", token: expect.not.stringMatching(token) }]);
    expect(await listMyInvitations(vic)).toHaveLength(1);
    expect(await enrolled(classroomId, vic.id)).toBe(0);
  });

  it("accept works once: a second accept, a decline after it and a race all change nothing more", async () => {
    const { teacher, classroomId, vic, invitationId, token } = await invitedVic();

    const answers = await Promise.allSettled([acceptMyInvitation(vic, { invitationId }), acceptMyInvitation(vic, { invitationId }), declineMyInvitation(vic, { invitationId })]);

    expect(answers.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(answers.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.status)).toEqual([404, 404]);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitationId } });
    if (answers[2]!.status === "fulfilled") {
      // The decline came first: nobody joined.
      expect(row).toMatchObject({ declinedAt: expect.any(Date), acceptedAt: null });
      expect(await enrolled(classroomId, vic.id)).toBe(0);
    } else {
      expect(row).toMatchObject({ declinedAt: null, acceptedById: vic.id });
      expect(await enrolled(classroomId, vic.id)).toBe(1);
      expect(await getInvitation(token)).toBeNull();
      expect(await listInvitations(teacher, classroomId)).toEqual([]);
    }
  });

  it("another student cannot see, accept or decline someone else's invitation", async () => {
    const { classroomId, vic, invitationId } = await invitedVic();
    const mallory = await makeStudent({ email: "mallory@school.test" });

    expect(await listMyInvitations(mallory)).toEqual([]);
    await expect(acceptMyInvitation(mallory, { invitationId })).rejects.toMatchObject({ status: 404 });
    await expect(declineMyInvitation(mallory, { invitationId })).rejects.toMatchObject({ status: 404 });

    expect(await enrolled(classroomId, mallory.id)).toBe(0);
    expect(await db().invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ acceptedAt: null, declinedAt: null });
    expect(await listMyInvitations(vic)).toHaveLength(1);
  });

  it("a student who joined by the code is not offered the class again", async () => {
    const { classroomId, vic } = await invitedVic();
    await enrol(classroomId, vic);
    expect(await listMyInvitations(vic)).toEqual([]);
  });

  it("a student removed from the class is invited again by the next import, never re-enrolled by it", async () => {
    const { teacher, classroomId, vic, invitationId } = await invitedVic();
    await acceptMyInvitation(vic, { invitationId });
    await db().enrolment.deleteMany({ where: { classroomId, studentId: vic.id } });

    const result = await importRoster(teacher, { classroomId, csv: "name,email\nVic Tim,vic@school.test" });

    expect(result.invited).toEqual([{ name: "Vic Tim", email: "vic@school.test", token: expect.any(String) }]);
    expect(await enrolled(classroomId, vic.id)).toBe(0);
    expect(await listMyInvitations(vic)).toEqual([expect.objectContaining({ id: invitationId })]);
  });
});
