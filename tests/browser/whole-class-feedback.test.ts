import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { acceptDialogs, createClass, importSampleNotes, newStudent, QUESTIONS, RUBRICS, selectQuote, signIn, signUpAs, startAssignment, writeAndSubmit, type Account, type World } from "./world";

const browser = sharedBrowser();

const essay = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/essays", name), "utf8").trim();
const QUESTION = /de-Stalinisation/;
const TARGET = "Reach a judgement: say how far, and why, rather than listing factors.";

// This file's own world: a teacher who sets the how-far question with "Feedback before marks"
// ticked, and two students (Nadia, Owen) who hand in. The teacher marks both with the same
// target, drafts whole-class feedback from it, edits and publishes it; Nadia reads her
// comments and the class's feedback without a mark, responds, and then sees her mark.
let world: World;
const students: Record<"nadia" | "owen", Account> = {} as never;
beforeAll(async () => {
  const { page, errors, context } = await newSession(browser());
  const teacher = await signUpAs(page, "TEACHER", "Ms Wren Whole");
  const classroom = await createClass(page, "12W Whole class");
  await importSampleNotes(page);
  await startAssignment(page, classroom.url, QUESTIONS.deStalinisation, RUBRICS.holistic25);
  await page.getByRole("checkbox", { name: "Feedback before marks" }).check();
  await page.getByRole("button", { name: "Set assignment" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\?set=1/);
  world = { teacher, classroom, assignmentUrl: new URL(page.url()).pathname, question: QUESTIONS.deStalinisation };
  expectNoConsoleErrors(errors);
  await context.close();
  for (const [key, name, file] of [["nadia", "Nadia Brooks", "chloe-how-far.txt"], ["owen", "Owen Bank", "dev-how-far.txt"]] as const) {
    const student = await newStudent(browser(), world, name);
    await writeAndSubmit(student.page, QUESTION, essay(file));
    expectNoConsoleErrors(student.errors);
    await student.context.close();
    students[key] = student.account;
  }
}, 240_000);

async function markAndReturn(page: Page, o: { name: string; quote: string; level: RegExp; mark: string }) {
  await page.goto(world.assignmentUrl);
  await page.getByRole("link", { name: `Mark for ${o.name}` }).click();
  await page.waitForURL(/\/mark$/);
  await selectQuote(page, o.quote);
  await page.getByTestId("annotate-selection").click();
  const form = page.getByTestId("annotation-form");
  await form.getByLabel("Comment", { exact: true }).fill(TARGET);
  await form.getByRole("radio", { name: "A target" }).check();
  await form.getByRole("button", { name: "Add annotation" }).click();
  await form.waitFor({ state: "detached" });
  await page.getByRole("radio", { name: o.level }).check();
  await page.getByLabel(/Mark for Overall quality/).fill(o.mark);
  await page.getByLabel("What went well").fill("You know the events well.");
  await page.getByLabel("Even better if").fill("Weigh each factor against de-Stalinisation.");
  await page.getByRole("button", { name: new RegExp(`Return to ${o.name}`) }).click();
  await page.getByRole("button", { name: "Return now" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toContain(`Returned to ${o.name}`);
  // Feedback before marks: the teacher is told the marks wait for the student.
  expect(await page.getByTestId("marks-held").textContent()).toContain(`Marks held until ${o.name} responds`);
}

it("the teacher marks, drafts, edits and publishes whole-class feedback; the student reads comments and the class's feedback, responds, then sees the mark", async () => {
  const teacher = await newSession(browser());
  const { page } = teacher;
  await signIn(page, world.teacher);
  await markAndReturn(page, { name: "Owen Bank", quote: "This essay will look at each of these factors.", level: /Level 2 · 6–10/, mark: "9" });
  await markAndReturn(page, { name: "Nadia Brooks", quote: "The Secret Speech of February 1956", level: /Level 4 · 16–20/, mark: "17" });

  await page.goto(world.assignmentUrl);
  expect(await page.getByTestId("feedback-before-marks").textContent()).toContain("Marks held for 2 students");
  await page.getByRole("link", { name: "Whole-class feedback" }).click();
  await page.waitForURL(/\/whole-class-feedback$/);
  // The first draft comes from the marking: the shared target, counted, and the level counts.
  const targets = page.getByLabel("What to work on (Overall quality)");
  await poll(() => targets.inputValue()).toContain(`${TARGET} (2 essays)`);
  expect(await page.getByTestId("level-counts").textContent()).toMatch(/2 fully marked/);
  await page.getByLabel("To the class").fill("Well done, 12W: now make every paragraph answer how far.");
  await page.getByRole("button", { name: "Save and publish to students" }).click();
  await poll(() => page.getByTestId("whole-class-state").textContent()).toMatch(/^Published/);
  // Nothing typed is lost: a reload shows the saved, published text.
  await page.reload();
  expect(await page.getByLabel("To the class").inputValue()).toBe("Well done, 12W: now make every paragraph answer how far.");
  await page.getByRole("link", { name: "Print view" }).click();
  await page.waitForURL(/\/print$/);
  expect(await page.getByTestId("whole-class-print").textContent()).toContain("Well done, 12W");
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();

  const student = await newSession(browser());
  const s = student.page;
  acceptDialogs(s);
  await signIn(s, students.nadia);
  await s.getByTestId("student-assignments").getByRole("link", { name: QUESTION }).click();
  await s.waitForURL(/\/assignments\/[^/]+$/);
  // Comments and summary, no mark yet; the class's feedback beside them.
  expect(await s.getByTestId("summary-feedback").textContent()).toContain("Weigh each factor");
  expect(await s.getByTestId("marks-held-notice").isVisible()).toBe(true);
  expect(await s.getByTestId("scorecard").count()).toBe(0);
  expect(await s.content()).not.toContain("17 / 25");
  expect(await s.getByTestId("whole-class-feedback").textContent()).toContain("Well done, 12W");
  expect(await s.getByTestId("whole-class-feedback").textContent()).toContain(TARGET);

  await s.getByTestId("feedback-response").fill("I will answer how far at the end of every paragraph.");
  await s.getByRole("button", { name: "Send response" }).click();
  await poll(() => s.getByTestId("scorecard-total").count()).toBe(1);
  expect(await s.getByTestId("scorecard-total").textContent()).toContain("17");
  expect(await s.getByTestId("marks-held-notice").count()).toBe(0);
  expect(await s.getByTestId("whole-class-feedback").textContent()).toContain("Well done, 12W");
  expectNoConsoleErrors(student.errors);
  await student.context.close();
});
