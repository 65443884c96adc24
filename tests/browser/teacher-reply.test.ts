import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { expectNoAxeViolations } from "./axe";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, newStudent, openAssignment, QUESTIONS, RUBRICS, signIn, writeAndSubmit, type Account, type World } from "./world";

const browser = sharedBrowser();

const essay = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/essays", "chloe-how-far.txt"), "utf8").trim();
const QUESTION = /de-Stalinisation/;
const RESPONSE = "I will answer how far at the end of every paragraph.";
const REPLY = "Good plan, Rhea. Start with the economy, then weigh de-Stalinisation against it.";

// This file's own world: a teacher, a class and the how-far question; Rhea hands in, the
// teacher returns it, Rhea responds. The teacher then replies on the marking desk (with the
// character count and a refusal for an over-long reply that keeps the text), and Rhea reads
// the reply under her response, with who wrote it and when.
let world: World;
let rhea: Account;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12R Replies", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Ada Reply" });
  const student = await newStudent(browser(), world, "Rhea Patel");
  await writeAndSubmit(student.page, QUESTION, essay);
  expectNoConsoleErrors(student.errors);
  await student.context.close();
  rhea = student.account;

  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  const page = teacher.page;
  await page.goto(world.assignmentUrl);
  await page.getByRole("link", { name: "Mark for Rhea Patel" }).click();
  await page.waitForURL(/\/mark$/);
  await page.getByRole("radio", { name: /Level 3/ }).check();
  await page.getByLabel(/Mark for Overall quality/).fill("13");
  await page.getByLabel("What went well").fill("You know the events well.");
  await page.getByLabel("Even better if").fill("Weigh each factor against de-Stalinisation.");
  await page.getByRole("button", { name: /Return to Rhea Patel/ }).click();
  await page.getByRole("button", { name: "Return now" }).click();
  await page.getByTestId("marking-status").getByText("Returned to Rhea Patel").waitFor();
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();

  const back = await newSession(browser());
  await signIn(back.page, rhea);
  await openAssignment(back.page, QUESTION);
  await back.page.getByTestId("feedback-response").fill(RESPONSE);
  await back.page.getByRole("button", { name: "Send response" }).click();
  await back.page.getByRole("status").getByText(/^Sent /).waitFor();
  expectNoConsoleErrors(back.errors);
  await back.context.close();
}, 240_000);

it("the teacher replies to the student's response on the marking desk, and the student reads it under their response", async () => {
  const teacher = await newSession(browser());
  const page = teacher.page;
  await signIn(page, world.teacher);
  await page.goto(world.assignmentUrl);
  await page.getByRole("link", { name: "Feedback for Rhea Patel" }).click();
  await page.waitForURL(/\/mark$/);
  expect(await page.getByTestId("student-response").textContent()).toContain(RESPONSE);

  const box = page.getByLabel("Your reply to Rhea Patel");
  // Too long: refused in the page, with the count in red, and the text kept to shorten.
  await box.fill("x".repeat(4001));
  expect(await page.getByTestId("response-reply").textContent()).toContain("4,001 of 4,000 characters");
  await page.getByRole("button", { name: "Send reply" }).click();
  await poll(() => page.getByTestId("reply-error").textContent()).toContain("under 4,000 characters");
  expect(await box.getAttribute("aria-invalid")).toBe("true");
  expect((await box.inputValue()).length).toBe(4001);
  await expectNoAxeViolations(page, "marking desk, reply refused");

  await box.fill(REPLY);
  expect(await page.getByTestId("response-reply").textContent()).toContain(`${REPLY.length} of 4,000 characters`);
  await page.getByRole("button", { name: "Send reply" }).click();
  await poll(() => page.getByTestId("response-reply").getByRole("status").textContent()).toContain("Reply sent. Rhea Patel will be told.");
  expect(await page.getByTestId("reply-error").count()).toBe(0);
  // Saved: a reload shows it, with who sent it, and offers to update it.
  await page.reload();
  expect(await page.getByLabel("Your reply to Rhea Patel").inputValue()).toBe(REPLY);
  expect(await page.getByTestId("response-reply").textContent()).toContain("Sent by Ms Ada Reply");
  expect(await page.getByRole("button", { name: "Update reply" }).isDisabled()).toBe(true);
  await expectNoAxeViolations(page, "marking desk, reply sent");
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();

  // On a phone: the reply fits the screen.
  const student = await newSession(browser(), { viewport: { width: 390, height: 844 } });
  await signIn(student.page, rhea);
  await openAssignment(student.page, QUESTION);
  const reply = student.page.getByTestId("teacher-reply");
  expect(await reply.getByRole("heading", { name: "Your teacher’s reply" }).isVisible()).toBe(true);
  expect(await reply.textContent()).toContain(REPLY);
  expect(await reply.textContent()).toMatch(/From Ms Ada Reply, \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}/);
  // Under the student's own response.
  expect(await student.page.getByTestId("feedback-response").inputValue()).toBe(RESPONSE);
  const box2 = await reply.boundingBox();
  expect(box2!.x + box2!.width).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(student.page, "student's feedback with the teacher's reply");
  expectNoConsoleErrors(student.errors);
  await student.context.close();
});
