import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, signIn, writeAndSubmit } from "./world";

const browser = sharedBrowser();
const ESSAY = [
  "De-Stalinisation was an important factor in Khrushchev's fall, but it was not the most significant.",
  "The failures of the Virgin Lands scheme mattered more, because they hurt his standing with the Presidium.",
].join("\n\n");

// Decision 042: a student deletes their own account through the confirmation that names what
// will go, and lands signed out on the report; the class's owner closes and reopens the class.
it("a student deletes their own account, seeing what will go and then what went; the teacher closes the class", async () => {
  const world = await buildWorld(browser(), { className: "12D Deletion", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Dee Leter" });
  const student = await newStudent(browser(), world, "Dana Departing");
  await writeAndSubmit(student.page, /de-Stalinisation/, ESSAY);
  const { page } = student;

  await page.goto("/account");
  await page.getByRole("link", { name: "Delete my account…" }).click();
  await page.waitForURL("**/account/delete");
  const counts = page.getByTestId("deletion-counts");
  await expect.poll(() => counts.textContent()).toContain("1 submissions");
  expect(await counts.textContent()).toContain("1 class memberships");
  expect(await page.getByText("Removes the account from 1 class: 12D Deletion.").count()).toBe(1);

  // A wrong password deletes nothing and says so at the field.
  const password = page.getByLabel("Your password");
  await password.fill("not my password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await poll(() => page.getByTestId("form-error").count()).toBe(1);
  expect(await password.getAttribute("aria-invalid")).toBe("true");

  await password.fill(student.account.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL("**/account/deleted?**");
  expect(await page.getByRole("heading", { name: "Your account has been deleted" }).count()).toBe(1);
  const report = await page.getByTestId("deletion-counts").textContent();
  expect(report).toContain("1 submissions");
  expect(report).toContain("1 class memberships");
  // Signed out: the dashboard sends them to sign in, and the account no longer signs in.
  await page.goto("/dashboard");
  await page.waitForURL("**/sign-in**");
  await page.getByLabel("Email").fill(student.account.email);
  await page.getByLabel("Password").fill(student.account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await poll(() => page.getByTestId("form-error").count()).toBe(1);
  expectNoConsoleErrors(student.errors);
  await student.context.close();

  // The teacher's class no longer lists the student; the owner closes and reopens it.
  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  await teacher.page.goto(world.classroom.url);
  expect(await teacher.page.getByText("Dana Departing").count()).toBe(0);
  const state = teacher.page.getByTestId("class-closed-state");
  expect(await state.textContent()).toMatch(/^Open\./);
  await teacher.page.getByRole("button", { name: "Close the class" }).click();
  await expect.poll(() => state.textContent()).toMatch(/^Closed on /);
  await teacher.page.getByRole("button", { name: "Reopen the class" }).click();
  await expect.poll(() => state.textContent()).toMatch(/^Open\./);
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();
});
