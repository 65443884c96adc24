import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { acceptDialogs, annotateIntoBank, buildWorld, newStudent, QUESTIONS, RUBRICS, selectQuote, signIn, writeAndSubmit, type Account, type World, submitEssay } from "./world";

const browser = sharedBrowser();

const essay = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/essays", name), "utf8").trim();
const QUESTION = /de-Stalinisation/;

// This file's own world, like the demo's but nobody else's: a teacher with the how-far
// assignment on the 25-mark holistic scheme, and a student (Nadia) whose essay, the demo's
// "Chloe" essay, waits to be marked. The teacher's comment bank is started first by marking
// another student's essay with "Also save to my comment bank", the only way the app adds to it.
let world: World;
let nadia: Account;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12M Marking", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Mara Marker" });
  for (const [name, file] of [["Nadia Brooks", "chloe-how-far.txt"], ["Owen Bank", "dev-how-far.txt"]] as const) {
    const student = await newStudent(browser(), world, name);
    await writeAndSubmit(student.page, QUESTION, essay(file));
    expectNoConsoleErrors(student.errors);
    await student.context.close();
    if (name === "Nadia Brooks") nadia = student.account;
  }

  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  await teacher.page.goto(world.assignmentUrl);
  await teacher.page.getByRole("link", { name: "Mark for Owen Bank" }).click();
  await teacher.page.waitForURL(/\/mark$/);
  await annotateIntoBank(teacher.page, [
    { quote: "in 1963 the USSR had to import grain", kind: "STRENGTH", text: "Precise, well-chosen evidence that supports the point being made." },
    { quote: "Many people were released from the Gulag.", kind: "TARGET", text: "Describes events rather than explaining how they led to the outcome. Link back to the question." },
    { quote: "This essay will look at each of these factors.", kind: "TARGET", text: "Reach a judgement: say how far, and why, rather than listing factors." },
  ]);
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();
});

async function annotateFromBank(page: Page, search: string) {
  const form = page.getByTestId("annotation-form");
  await form.getByRole("searchbox").fill(search);
  await form.getByTestId("bank-results").getByRole("button", { name: /^Use/ }).first().click();
  expect(await form.getByLabel("Comment", { exact: true }).inputValue()).not.toBe("");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await poll(() => page.getByTestId("annotation-form").count()).toBe(0);
}

const notes = (page: Page) => page.getByTestId("annotation-note");
const highlights = (page: Page) => page.getByTestId("essay-text").locator("mark");

it("a teacher marks a submission from the comment bank and returns it; the student reads it, responds, redrafts, and the annotations re-attach", async () => {
  const teacher = await newSession(browser());
  const { page } = teacher;
  await signIn(page, world.teacher);
  await page.getByRole("link", { name: world.classroom.name }).first().click();
  await page.getByRole("link", { name: /de-Stalinisation/ }).first().click();
  await page.getByRole("link", { name: "Mark for Nadia Brooks" }).click();
  await page.waitForURL(/\/mark$/);

  // Three annotations from the comment bank: two by mouse selection, one by keyboard.
  await selectQuote(page, "The Secret Speech of February 1956");
  await page.getByTestId("annotate-selection").click();
  await annotateFromBank(page, "precise evidence");

  await selectQuote(page, "The split with China also grew worse in these years.");
  await page.getByTestId("annotate-selection").click();
  await annotateFromBank(page, "describes link");

  // Keyboard: focus the essay, caret to the start, Shift + arrows select, Enter annotates.
  await page.getByTestId("essay-text").focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 27; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Enter");
  expect(await page.getByTestId("annotation-form").locator("blockquote").textContent()).toMatch(/^De-Stalinisation was an/);
  await annotateFromBank(page, "judgement how far");

  await poll(() => notes(page).count()).toBe(3);
  expect(await highlights(page).count()).toBe(3);
  // Notes are in reading order; a highlight leads to its note.
  expect(await notes(page).first().textContent()).toContain("Reach a judgement");
  await highlights(page).nth(1).click();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Precise, well-chosen evidence");

  // Edit a note; the criterion's evidence list follows.
  await notes(page).nth(2).getByRole("button", { name: /^Edit/ }).click();
  await page.getByTestId("annotation-form").getByLabel("Comment", { exact: true }).fill("Explain how the split with China weakened him at home.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await poll(() => page.getByTestId("evidence-overall").textContent()).toContain("split with China weakened him");

  // A level and a mark inside its band; saved part-way and resumed after a reload.
  await page.getByRole("radio", { name: /Level 4 · 16–20/ }).check();
  await page.getByLabel(/Mark for Overall quality/).fill("17");
  await page.getByLabel("What went well").fill("A clear argument from the first line, with precise evidence.");
  await page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toMatch(/Saved at/);
  await page.reload();
  expect(await page.getByRole("radio", { name: /Level 4 · 16–20/ }).isChecked()).toBe(true);
  expect(await page.getByLabel(/Mark for Overall quality/).inputValue()).toBe("17");
  expect(await page.getByTestId("marking-total").textContent()).toContain("Total: 17 / 25");

  // A mark outside the band is refused with a message, and nothing saved is lost.
  await page.getByLabel(/Mark for Overall quality/).fill("22");
  expect(await page.getByTestId("criterion-overall").textContent()).toContain("22 is outside that band");
  await page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => page.getByRole("alert").first().textContent()).toContain("outside that band");
  await page.getByLabel(/Mark for Overall quality/).fill("17");

  await page.getByLabel("Even better if").fill("Weigh each factor against de-Stalinisation explicitly.");
  await page.getByRole("checkbox", { name: /Ask for a redraft/ }).check();
  await page.getByRole("button", { name: /Return to Nadia Brooks/ }).click();
  await page.getByRole("button", { name: "Return now" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toContain("Returned to Nadia Brooks");
  expectNoConsoleErrors(teacher.errors);

  // The student reads the feedback: highlights, scorecard, summary.
  const student = await newSession(browser());
  const s = student.page;
  acceptDialogs(s);
  await signIn(s, nadia);
  await s.getByTestId("student-assignments").getByRole("link", { name: /de-Stalinisation/ }).click();
  await s.waitForURL(/\/assignments\/[^/]+$/);
  expect(await s.getByTestId("scorecard-total").textContent()).toContain("17");
  expect(await s.getByTestId("scorecard-overall").textContent()).toMatch(/Level 4 of 5[\s\S]*To reach Level 5/);
  expect(await s.getByTestId("summary-feedback").textContent()).toContain("Weigh each factor");
  expect(await highlights(s).count()).toBe(3);
  await highlights(s).first().click();
  expect(await s.evaluate(() => document.activeElement?.textContent)).toContain("Reach a judgement");

  await s.getByTestId("feedback-response").fill("I will weigh every factor against de-Stalinisation in its own paragraph.");
  await s.getByRole("button", { name: "Send response" }).click();
  await poll(() => s.getByText(/^Sent /).count()).toBe(1);

  // Redraft: insert a paragraph before, and rewrite the China passage away.
  await s.getByRole("button", { name: "Start redrafting" }).click();
  await s.waitForURL(/view=work/);
  await poll(() => s.getByTestId("redraft-target").count()).toBe(2);
  const draft = s.locator(`[data-testid="draft-text"][data-ready]`);
  const original = await draft.inputValue();
  await draft.fill(`Khrushchev fell in October 1964 because the Presidium turned against him.\n\n${original.replace("The split with China also grew worse in these years.", "Relations with Mao's China collapsed after 1960, which the Presidium blamed on Khrushchev.")}`);
  await poll(() => s.getByTestId("redraft-panel").textContent()).toContain("Detached");
  const target = s.getByTestId("redraft-target").filter({ hasText: "Reach a judgement" });
  await target.getByRole("button", { name: /I’ve addressed this/ }).click();
  await target.getByLabel("How did you address it?").fill("My new introduction gives a judgement.");
  await target.getByRole("button", { name: "Mark as addressed" }).click();
  await poll(() => target.textContent()).toContain("Addressed");
  await poll(() => s.getByTestId("draft-status").getAttribute("data-status")).toBe("saved");
  await submitEssay(s);
  await poll(() => s.getByTestId("submitted-banner").count()).toBe(1);
  // Both versions stay readable.
  await s.getByRole("link", { name: /Version 1/ }).click();
  await poll(() => s.getByTestId("scorecard-total").textContent()).toContain("17");
  expectNoConsoleErrors(student.errors);

  // The teacher's desk for version 2: two annotations re-attached, one detached, the response shown.
  await page.goto(page.url().replace(/\/mark.*$/, "/mark"));
  expect(await page.getByRole("heading", { name: /Nadia Brooks’s essay/ }).textContent()).toContain("Version 2");
  expect(await highlights(page).count()).toBe(2);
  expect(await page.getByTestId("detached-notes").textContent()).toContain("The split with China also grew worse");
  expect(await notes(page).filter({ hasText: "Reach a judgement" }).textContent()).toContain("Addressed");
  await page.getByRole("link", { name: /Version 1/ }).click();
  await poll(() => page.getByTestId("student-response").textContent()).toContain("weigh every factor");
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();
  await student.context.close();
});
