import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signInAs } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, signIn, writeAndSubmit, type World } from "./world";

// The audit trail, end to end (decision 039): a teacher changes a mark and reads the before
// and after on the class's audit page; the demo school's administrator filters the school's
// trail by a person. Only the administrator's own sign-in is added to the demo's data.

const browser = sharedBrowser();
const essay = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/essays", "chloe-how-far.txt"), "utf8").trim();

let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12A Audit", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Audrey Audit" });
  const student = await newStudent(browser(), world, "Tomas Trail");
  await writeAndSubmit(student.page, /de-Stalinisation/, essay);
  expectNoConsoleErrors(student.errors);
  await student.context.close();
});

it("a teacher changes a mark and sees it, before and after, in the class's audit trail", async () => {
  const { page, context, errors } = await newSession(browser());
  await signIn(page, world.teacher);
  await page.goto(world.assignmentUrl);
  await page.getByRole("link", { name: "Mark for Tomas Trail" }).click();
  await page.waitForURL(/\/mark$/);
  await page.getByRole("radio", { name: /Level 3 · 11–15/ }).check();
  await page.getByLabel(/Mark for Overall quality/).fill("12");
  await page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toMatch(/Saved at/);
  // Resumed after a reload, as a teacher coming back to it would (the desk reopens on the saved level).
  await page.reload();
  expect(await page.getByRole("radio", { name: /Level 3 · 11–15/ }).isChecked()).toBe(true);
  // A chosen level folds the others away; the teacher opens them to change it.
  await page.getByRole("button", { name: /Show all levels for/ }).click();
  await page.getByRole("radio", { name: /Level 4 · 16–20/ }).check();
  await page.getByLabel(/Mark for Overall quality/).fill("17");
  await page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toMatch(/Saved at/);

  await page.goto(world.classroom.url);
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.waitForURL(/\/audit$/);
  const rows = page.getByRole("row").filter({ hasText: "Mark changed" });
  await poll(() => rows.count()).toBe(2);
  // Newest first: the second save's before is the first save's after.
  expect(await rows.first().textContent()).toContain("Ms Audrey Audit");
  expect(await rows.first().textContent()).toContain("Tomas Trail");
  expect(await rows.first().getByTestId("audit-change").textContent()).toBe("overall L3 (12) · total 12 · in progress → overall L4 (17) · total 17 · in progress");
  expect(await rows.nth(1).getByTestId("audit-change").textContent()).toBe("not marked → overall L3 (12) · total 12 · in progress");
  // Joining by the class code is on the class's trail too.
  expect(await page.getByRole("row").filter({ hasText: "Enrolment changed" }).count()).toBe(1);

  // The action filter keeps only what was asked for, and it is in the address.
  await page.getByLabel("What happened").selectOption({ label: "Enrolment changed" });
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/action=ENROLMENT_CHANGED/);
  await poll(() => page.getByRole("row").filter({ hasText: "Mark changed" }).count()).toBe(0);
  expect(await page.getByRole("row").filter({ hasText: "Tomas Trail" }).count()).toBe(1);
  expectNoConsoleErrors(errors);
  await context.close();
});

it("a school administrator filters the school's trail by a person", async () => {
  const { page, context, errors } = await newSession(browser());
  await signInAs(page, "hod@extent.demo");
  await page.goto("/admin");
  await page.getByTestId("administered-schools").getByRole("link", { name: "Extent Demo School" }).click();
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.waitForURL(/\/audit$/);

  await page.getByLabel("Person (name or email)").fill("Okoro");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/person=Okoro/);
  const body = page.locator("tbody tr");
  await poll(() => body.filter({ hasText: "Signed in" }).count()).toBeGreaterThan(0);
  // Every row names him, as who acted or whom it was about.
  for (const text of await body.allTextContents()) expect(text).toContain("Mr Samuel Okoro");
  expect(await body.filter({ hasText: "Role changed" }).count()).toBeGreaterThan(0);

  await page.getByLabel("Person (name or email)").fill("nobody-by-this-name");
  await page.getByRole("button", { name: "Filter" }).click();
  await poll(() => page.getByText("No events match").count()).toBe(1);
  expectNoConsoleErrors(errors);
  await context.close();
});
