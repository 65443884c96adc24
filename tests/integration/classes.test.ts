import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createClassroom,
  getClassroomForTeacher,
  joinClassroom,
  listStudentClassrooms,
  listTeacherClassrooms,
  regenerateJoinCode,
  removeStudent,
  updateClassroom,
} from "@/lib/classes/classrooms";
import { JOIN_CODE_ALPHABET } from "@/lib/classes/join-code";
import { makeStudent, makeTeacher } from "../factories";

const input = { name: "12H History", subject: "History", yearGroup: "Year 12" };

describe("classes", () => {
  it("a teacher creates a class with a join code free of look-alike characters", async () => {
    const teacher = await makeTeacher();
    const { id, joinCode } = await createClassroom(teacher, input);
    expect(joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(joinCode).not.toMatch(/[01OILSZB258]/);
    expect(await listTeacherClassrooms(teacher)).toEqual([expect.objectContaining({ id, name: "12H History" })]);
  });

  it("a student joins with the code typed loosely, sees the class, and cannot join twice", async () => {
    const teacher = await makeTeacher();
    const { id, joinCode } = await createClassroom(teacher, input);
    const student = await makeStudent();
    const typed = ` ${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)} `;
    await expect(joinClassroom(student, { code: typed }, "192.0.2.1")).resolves.toMatchObject({ id });
    expect(await listStudentClassrooms(student)).toEqual([expect.objectContaining({ id, teachers: [{ teacher: { name: teacher.name } }] })]);
    await expect(joinClassroom(student, { code: joinCode }, "192.0.2.1")).rejects.toMatchObject({ status: 409 });
    const roster = await getClassroomForTeacher(teacher, id);
    expect(roster.enrolments.map((e) => e.student.id)).toEqual([student.id]);
  });

  it("regenerating the code retires the old one", async () => {
    const teacher = await makeTeacher();
    const { id, joinCode: old } = await createClassroom(teacher, input);
    const { joinCode } = await regenerateJoinCode(teacher, id);
    expect(joinCode).not.toBe(old);
    const student = await makeStudent();
    await expect(joinClassroom(student, { code: old }, "192.0.2.1")).rejects.toMatchObject({ status: 404 });
    await expect(joinClassroom(student, { code: joinCode }, "192.0.2.1")).resolves.toMatchObject({ id });
  });

  it("a malformed code gets a field message, not a lookup", async () => {
    const student = await makeStudent();
    await expect(joinClassroom(student, { code: "abc" }, "192.0.2.1")).rejects.toThrow(/6 letters and numbers/);
  });

  it("a teacher removes a student, keeping the student's account", async () => {
    const teacher = await makeTeacher();
    const { id, joinCode } = await createClassroom(teacher, input);
    const student = await makeStudent();
    await joinClassroom(student, { code: joinCode }, "192.0.2.1");
    await removeStudent(teacher, id, student.id);
    expect((await getClassroomForTeacher(teacher, id)).enrolments).toEqual([]);
    expect(await db().user.count({ where: { id: student.id } })).toBe(1);
    await expect(removeStudent(teacher, id, student.id)).rejects.toMatchObject({ status: 404 });
  });

  it("rejects an empty class name with a field message", async () => {
    const teacher = await makeTeacher();
    await expect(createClassroom(teacher, { ...input, name: "  " })).rejects.toThrow(/Give the class a name/);
    expect(await db().classroom.count()).toBe(0);
  });
});

describe("classes: who may do what", () => {
  it("a student cannot create a class or read a roster", async () => {
    const teacher = await makeTeacher();
    const { id } = await createClassroom(teacher, input);
    const student = await makeStudent();
    await expect(createClassroom(student, input)).rejects.toMatchObject({ status: 403 });
    await expect(getClassroomForTeacher(student, id)).rejects.toMatchObject({ status: 403 });
    await expect(listTeacherClassrooms(student)).rejects.toMatchObject({ status: 403 });
    expect(await db().classroom.count()).toBe(1);
  });

  it("a teacher cannot see, change or empty another teacher's class", async () => {
    const owner = await makeTeacher();
    const other = await makeTeacher();
    const { id, joinCode } = await createClassroom(owner, input);
    const student = await makeStudent();
    await joinClassroom(student, { code: joinCode }, "192.0.2.1");

    await expect(getClassroomForTeacher(other, id)).rejects.toMatchObject({ status: 404 });
    await expect(regenerateJoinCode(other, id)).rejects.toMatchObject({ status: 404 });
    await expect(updateClassroom(other, id, { ...input, name: "Mine now" })).rejects.toMatchObject({ status: 404 });
    await expect(removeStudent(other, id, student.id)).rejects.toMatchObject({ status: 404 });
    expect(await listTeacherClassrooms(other)).toEqual([]);

    const unchanged = await getClassroomForTeacher(owner, id);
    expect(unchanged).toMatchObject({ name: "12H History", joinCode });
    expect(unchanged.enrolments).toHaveLength(1);
  });

  it("a teacher cannot join a class as a student", async () => {
    const owner = await makeTeacher();
    const { joinCode } = await createClassroom(owner, input);
    await expect(joinClassroom(await makeTeacher(), { code: joinCode }, "192.0.2.1")).rejects.toMatchObject({ status: 403 });
  });
});
