import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, sharedBrowser, signInAs, signUp } from "./browser";

const browser = sharedBrowser();

it("a teacher sets an assignment with a rubric and due date; a student sees it; the teacher follows progress", async () => {
  const teacher = await newSession(browser());
  await signInAs(teacher.page, "teacher@extent.demo");

  // A fresh class with one student, so this test owns everything it checks.
  await teacher.page.goto("/classes/new");
  await teacher.page.getByLabel("Class name").fill("13K History");
  await teacher.page.getByLabel("Year group").fill("Year 13");
  await teacher.page.getByRole("button", { name: "Create class" }).click();
  await teacher.page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const classUrl = new URL(teacher.page.url()).pathname;
  const code = (await teacher.page.getByTestId("join-code").textContent())!.trim();

  const student = await newSession(browser());
  await signUp(student.page, "STUDENT", "Priya Shah");
  await student.page.getByLabel("Join code").fill(code);
  await student.page.getByRole("button", { name: "Join class" }).click();
  await expect.poll(() => student.page.getByTestId("student-classes").textContent()).toContain("13K History");

  await teacher.page.goto(classUrl);
  await teacher.page.getByRole("link", { name: "Set an assignment" }).click();
  await teacher.page.getByLabel("Question").selectOption({ label: "Khrushchev and the USSR, 1953–1964: To what extent did Khrushchev’s reforms transform the USSR by 1964?" });
  await teacher.page.getByLabel("Mark scheme").selectOption({ label: "20-mark essay, four strands (best fit) (20 marks)" });
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
  await student.page.getByTestId("draft-text").fill("Khrushchev's reforms changed the USSR only in part.");
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
