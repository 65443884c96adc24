import path from "node:path";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, signUp, sharedBrowser } from "./browser";

const browser = sharedBrowser();

const sampleNotes = path.resolve(import.meta.dirname, "../../prisma/seed-data/khrushchev-ussr-1953-1964.txt");

it("a teacher signs up, creates a class, imports the sample notes and sees the two questions", async () => {
  const { page, errors, context } = await newSession(browser());
  await signUp(page, "TEACHER", "Mr Tom Reed");
  await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toContain("Mr Tom Reed");

  await page.getByRole("link", { name: "New class" }).click();
  await page.getByLabel("Class name").fill("13B History");
  await page.getByLabel("Year group").fill("Year 13");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/]+\?created=1/);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("13B History");
  const code = (await page.getByTestId("join-code").textContent())?.trim();
  expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);

  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles(sampleNotes);
  const questions = page.getByTestId("preview-questions").getByRole("listitem");
  await expect.poll(() => questions.count(), { timeout: 15_000 }).toBe(2);
  await expect.poll(() => page.getByTestId("preview-summary").textContent()).toMatch(/7 top-level sections/);
  await expect.poll(() => questions.first().textContent()).toContain("To what extent did Khrushchev’s reforms transform the USSR by 1964?");

  // Fix a heading before saving: rename the first section.
  const firstHeading = page.getByLabel("Heading on line 2", { exact: true });
  await firstHeading.fill("Rise to Power");
  await firstHeading.blur();
  await page.getByRole("button", { name: "Save topic" }).click();
  await page.waitForURL(/\/topics\/[^/]+\?imported=1/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Khrushchev ussr 1953–1964");
  const topicQuestions = page.getByTestId("topic-questions").getByRole("listitem");
  expect(await topicQuestions.count()).toBe(2);
  expect(await page.getByRole("heading", { name: "Rise to Power", exact: true }).count()).toBe(1);

  await page.getByRole("link", { name: "Question bank" }).click();
  await page.waitForURL("**/questions");
  await expect.poll(() => page.getByText("How far was de-Stalinisation the most significant factor").count()).toBeGreaterThan(0);
  expect(await page.locator("main").textContent()).toContain("Stated factor: de-Stalinisation");

  expectNoConsoleErrors(errors);
  await context.close();
});

it("a binary upload is refused with a clear message and nothing is saved", async () => {
  const { page, errors, context } = await newSession(browser());
  await signUp(page, "TEACHER", "Ms Binary");
  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]) });
  await expect.poll(() => page.getByTestId("import-error").textContent()).toMatch(/binary/i);
  await page.goto("/topics");
  expect(await page.getByText("No topics yet").count()).toBe(1);
  expectNoConsoleErrors(errors);
  await context.close();
});
