import path from "node:path";
import { submitEssay } from "./world";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signUp } from "./browser";

const browser = sharedBrowser();

const sampleNotes = path.resolve(import.meta.dirname, "../../prisma/seed-data/khrushchev-ussr-1953-1964.txt");
const ESSAY =
  "Khrushchev's reforms changed the USSR only in part. De-Stalinisation released prisoners and loosened censorship, but the one-party state and the planned economy stayed in place, and the Virgin Lands Scheme faltered after 1958.";

/** The requests a cut network refuses are logged by Chromium as console errors; those are the point here, nothing else is allowed. */
const unexpected = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e));

const level4 = (page: Page) => page.getByRole("radio", { name: /^Level 4 · / });
const markField = (page: Page) => page.getByLabel(/^Mark for Overall quality/);
const storedMarkings = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("extent:marking:")));

it("with the network cut, saving a marking says so and keeps the marks (also across a reload), and saves once the network is back", async () => {
  // This test owns everything: a new teacher with the sample notes, a class, a student who hands in an essay.
  const teacher = await newSession(browser());
  const t = teacher.page;
  t.on("dialog", (d) => void d.accept());
  await signUp(t, "TEACHER", "Ms Offline Marker");
  await t.goto("/topics/import");
  await t.getByLabel("Upload a file").setInputFiles(sampleNotes);
  await poll(() => t.getByTestId("preview-questions").getByRole("listitem").count()).toBe(2);
  await t.getByRole("button", { name: "Save topic" }).click();
  await t.waitForURL(/\/topics\/[^/]+\?imported=1/);

  await t.goto("/classes/new");
  await t.getByLabel("Class name").fill("12Z History");
  await t.getByLabel("Year group").fill("Year 12");
  await t.getByRole("button", { name: "Create class" }).click();
  await t.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const classUrl = new URL(t.url()).pathname;
  const code = (await t.getByTestId("join-code").textContent())!.trim();

  const student = await newSession(browser());
  const s = student.page;
  s.on("dialog", (d) => void d.accept());
  await signUp(s, "STUDENT", "Nia Offline");
  await s.getByLabel("Join code").fill(code);
  await s.getByRole("button", { name: "Join class" }).click();
  await poll(() => s.getByTestId("student-classes").textContent()).toContain("12Z History");

  await t.goto(classUrl);
  await t.getByRole("link", { name: "Set an assignment" }).click();
  const question = t.getByLabel("Question").locator("option", { hasText: "To what extent did Khrushchev’s reforms transform the USSR" });
  await t.getByLabel("Question").selectOption((await question.getAttribute("value"))!);
  await t.getByLabel("Mark scheme").selectOption({ label: "25-mark essay, five levels (holistic) (25 marks)" });
  await t.getByRole("button", { name: "Set assignment" }).click();
  await t.waitForURL(/\/assignments\/[^/]+\?set=1/);
  const assignmentUrl = new URL(t.url()).pathname;

  await s.goto("/dashboard");
  await s.getByTestId("student-assignments").getByRole("link", { name: /transform the USSR/ }).click();
  await s.waitForURL(/\/assignments\//);
  await s.locator(`[data-testid="draft-text"][data-ready]`).fill(ESSAY);
  await poll(() => s.getByTestId("draft-status").getAttribute("data-status")).toBe("saved");
  await submitEssay(s);
  await poll(() => s.getByTestId("submitted-banner").count()).toBe(1);
  expectNoConsoleErrors(student.errors);
  await student.context.close();

  // The teacher marks: a level, a mark in its band, a summary.
  await t.goto(assignmentUrl);
  await t.getByRole("link", { name: /for Nia Offline/ }).first().click();
  await t.waitForURL(/\/mark$/);
  await level4(t).check();
  await markField(t).fill("18");
  await t.getByLabel("What went well").fill("A clear judgement in the first line.");
  await t.getByRole("checkbox", { name: /Ask for a redraft/ }).check();
  await poll(() => storedMarkings(t)).toHaveLength(1);

  // A reload before saving brings the marks back from this browser, and says so.
  await t.reload();
  await poll(() => t.getByTestId("marking-restored").textContent()).toContain("We brought back marks from this browser that had not been saved");
  expect(await level4(t).isChecked()).toBe(true);
  expect(await markField(t).inputValue()).toBe("18");
  expect(await t.getByLabel("What went well").inputValue()).toBe("A clear judgement in the first line.");
  expect(await t.getByRole("checkbox", { name: /Ask for a redraft/ }).isChecked()).toBe(true);

  // The network drops: Save says so, is usable again, and nothing typed is lost.
  await t.getByLabel("Even better if").fill("Weigh the factors against each other.");
  await teacher.context.setOffline(true);
  const save = t.getByRole("button", { name: "Save progress" });
  await save.click();
  await poll(() => t.getByTestId("marking-error").textContent()).toMatch(/offline/);
  expect(await save.isEnabled()).toBe(true);
  expect(await level4(t).isChecked()).toBe(true);
  expect(await markField(t).inputValue()).toBe("18");
  expect(await t.getByLabel("Even better if").inputValue()).toBe("Weigh the factors against each other.");
  expect(await storedMarkings(t)).toHaveLength(1);

  // An annotation being written stays in its form when it cannot be sent.
  await t.getByTestId("essay-text").focus();
  await t.keyboard.press("Control+Home");
  for (let i = 0; i < 10; i++) await t.keyboard.press("Shift+ArrowRight");
  await t.keyboard.press("Enter");
  const form = t.getByTestId("annotation-form");
  await form.getByLabel("Comment", { exact: true }).fill("Name the reforms you mean.");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await poll(() => form.getByRole("alert").textContent()).toMatch(/offline/);
  expect(await form.getByLabel("Comment", { exact: true }).inputValue()).toBe("Name the reforms you mean.");
  expect(await form.getByRole("button", { name: "Add annotation" }).isEnabled()).toBe(true);

  // Back online: both go through.
  await teacher.context.setOffline(false);
  await form.getByRole("button", { name: "Add annotation" }).click();
  await poll(() => t.getByTestId("annotation-form").count()).toBe(0);
  await save.click();
  await poll(() => t.getByTestId("marking-status").textContent()).toMatch(/^Saved at/);
  expect(await t.getByTestId("marking-error").count()).toBe(0);
  expect(await t.getByTestId("marking-restored").count()).toBe(0);
  await poll(() => storedMarkings(t)).toHaveLength(0);

  // The server has it: a fresh page in a new browser context shows the saved marking.
  const check = await newSession(browser());
  const c = check.page;
  await c.context().addCookies(await teacher.context.cookies());
  await c.goto(t.url());
  await poll(() => markField(c).inputValue()).toBe("18");
  expect(await level4(c).isChecked()).toBe(true);
  expect(await c.getByLabel("What went well").inputValue()).toBe("A clear judgement in the first line.");
  expect(await c.getByLabel("Even better if").inputValue()).toBe("Weigh the factors against each other.");
  expect(await c.getByRole("checkbox", { name: /Ask for a redraft/ }).isChecked()).toBe(true);
  expect(await c.getByTestId("annotation-note").count()).toBe(1);
  expect(await c.getByTestId("marking-restored").count()).toBe(0);

  expect(unexpected(teacher.errors)).toEqual([]);
  expectNoConsoleErrors(check.errors);
  await check.context.close();
  await teacher.context.close();
});

it("a form whose request cannot get through says so, keeps what was typed, and still redirects once it can", async () => {
  const { context, page, errors } = await newSession(browser());
  await signUp(page, "TEACHER", "Mr Patchy Wifi");
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill("11Q History");
  await page.getByLabel("Year group").fill("Year 11");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Create class" }).click();
  await poll(() => page.getByTestId("form-error").textContent()).toMatch(/offline/);
  expect(await page.getByLabel("Class name").inputValue()).toBe("11Q History");
  expect(await page.getByLabel("Year group").inputValue()).toBe("Year 11");
  expect(await page.getByRole("button", { name: "Create class" }).isEnabled()).toBe(true);

  await context.setOffline(false);
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("11Q History");
  expect(unexpected(errors)).toEqual([]);
  await context.close();
});
