import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, sharedBrowser } from "./browser";
import { createClass, importSampleNotes, joinClass, QUESTIONS, RUBRICS, signUpAs, startAssignment } from "./world";

const browser = sharedBrowser();

it("a teacher sets an assignment with a rubric and due date; a student sees it; the teacher follows progress", async () => {
  const teacher = await newSession(browser());
  // A new teacher with the sample notes and a fresh class with one student, so this test owns everything it checks.
  await signUpAs(teacher.page, "TEACHER", "Mr Set Assignments");
  await importSampleNotes(teacher.page);
  const classroom = await createClass(teacher.page, "13K History", "Year 13");

  const student = await newSession(browser());
  await signUpAs(student.page, "STUDENT", "Priya Shah");
  await joinClass(student.page, classroom.joinCode, "13K History");

  await startAssignment(teacher.page, classroom.url, QUESTIONS.reforms, RUBRICS.strands20);
  await teacher.page.getByLabel("Word limit (optional)").fill("50");
  await teacher.page.getByRole("button", { name: "Set assignment" }).click();
  await expect.poll(() => teacher.page.getByText(/whole number from 100/).count()).toBeGreaterThan(0);
  await teacher.page.getByLabel("Word limit (optional)").fill("1200");
  await teacher.page.getByRole("button", { name: "Set assignment" }).click();
  await teacher.page.waitForURL(/\/assignments\/[^/]+\?set=1/);
  const assignmentUrl = new URL(teacher.page.url()).pathname;
  expect(await teacher.page.getByTestId("assignment-students").textContent()).toContain("Not started");

  // The student sees it, with the claim-versus-counter planner for a to-what-extent question.
  await student.page.goto("/dashboard");
  await student.page.getByTestId("student-assignments").getByRole("link", { name: /transform the USSR/ }).click();
  await student.page.waitForURL(/\/assignments\//);
  const kinds = await student.page.getByTestId("factor-card").allTextContents();
  expect(kinds.join(" ")).toContain("Case for");
  expect(kinds.join(" ")).toContain("Case against");
  await student.page.locator(`[data-testid="draft-text"][data-ready]`).fill("Khrushchev's reforms changed the USSR only in part.");
  await expect.poll(() => student.page.getByTestId("draft-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");

  await teacher.page.goto(assignmentUrl);
  expect(await teacher.page.getByTestId("assignment-students").textContent()).toContain("Drafting");
  await teacher.page.getByRole("link", { name: /Plan and draft/ }).click();
  await expect.poll(() => teacher.page.getByTestId("teacher-draft-view").textContent()).toContain("changed the USSR only in part");

  expectNoConsoleErrors(teacher.errors);
  expectNoConsoleErrors(student.errors);
  await teacher.context.close();
  await student.context.close();
});
