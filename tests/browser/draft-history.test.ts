import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signUp } from "./browser";

const browser = sharedBrowser();
const sampleNotes = path.resolve(import.meta.dirname, "../../prisma/seed-data/khrushchev-ussr-1953-1964.txt");

// A teacher of this file's own sets the assignment; the student signs up for the test.
let joinCode = "";
beforeAll(async () => {
  const { page, errors, context } = await newSession(browser());
  await signUp(page, "TEACHER", "Ms History Tester");
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill("12Y History");
  await page.getByLabel("Year group").fill("Year 12");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  joinCode = (await page.getByTestId("join-code").textContent())!.trim();
  const classUrl = new URL(page.url()).pathname;

  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles(sampleNotes);
  // expect.poll is for tests only; the parsed preview shows both practice questions.
  await page.getByTestId("preview-questions").getByRole("listitem").nth(1).waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: "Save topic" }).click();
  await page.waitForURL(/\/topics\/[^/]+\?imported=1/);

  await page.goto(classUrl);
  await page.getByRole("link", { name: "Set an assignment" }).click();
  await page.getByLabel("Question").selectOption({ label: "Khrushchev ussr 1953–1964: To what extent did Khrushchev’s reforms transform the USSR by 1964?" });
  await page.getByLabel("Mark scheme").selectOption({ label: "20-mark essay, four strands (best fit) (20 marks)" });
  await page.getByRole("button", { name: "Set assignment" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\?set=1/);
  expectNoConsoleErrors(errors);
  await context.close();
});

const draftStatus = (page: Page) => page.getByTestId("draft-status").getAttribute("data-status");
const entries = (page: Page) => page.getByTestId("history-entry");
const entry = (page: Page, reason: string) => page.locator(`[data-testid="history-entry"][data-reason="${reason}"]`);
const reasons = (page: Page) => entries(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-reason")));

/** Opens an entry's full text and reads it. */
async function fullText(page: Page, row: ReturnType<typeof entry>) {
  await row.getByRole("button", { name: "Read full text" }).click();
  const text = (await row.getByTestId("history-full-text").textContent()) ?? "";
  await row.getByRole("button", { name: "Hide full text" }).click();
  return text;
}

it("an inserted outline replaced by 'select all, type' stays restorable, and the restore keeps the replaced text", async () => {
  const { page, errors, context } = await newSession(browser());
  page.on("dialog", (d) => void d.accept());
  await signUp(page, "STUDENT", "Hana History");
  await page.getByLabel("Join code").fill(joinCode);
  await page.getByRole("button", { name: "Join class" }).click();
  await poll(() => page.getByTestId("student-classes").textContent()).toContain("12Y History");
  await page.getByTestId("student-assignments").getByRole("link", { name: /transform the USSR/ }).click();
  await page.waitForURL(/\/assignments\/[^/?]+$/);

  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);
  const intro = "Khrushchev's reforms changed the USSR in part, but far less than he promised in 1956.";
  await draft.fill(intro);
  await poll(() => draftStatus(page)).toBe("saved");

  await page.getByRole("button", { name: "Insert outline into my essay" }).click();
  await page.getByTestId("outline-dialog-confirm").click(); // "Add the outline to your essay?"
  await poll(() => draft.inputValue()).toContain("Introduction");
  const withOutline = await draft.inputValue();
  await poll(() => draftStatus(page)).toBe("saved");

  // A little later: select all, type.
  await draft.click();
  await draft.press("ControlOrMeta+A");
  await draft.pressSequentially("Fresh start.", { delay: 10 });
  await poll(() => draftStatus(page)).toBe("saved");

  await page.getByTestId("history-toggle").click();
  await poll(() => reasons(page)).toEqual(["CUT", "OUTLINE", "AUTOSAVE"]);
  const outlineEntry = entry(page, "OUTLINE");
  expect(await outlineEntry.textContent()).toMatch(/Outline inserted.*\d+ words/);
  expect(await fullText(page, outlineEntry)).toBe(withOutline);
  expect(await fullText(page, entry(page, "AUTOSAVE"))).toBe(intro);

  // More typing, then restore at once: the restore first makes the server hold this text.
  await draft.press("End");
  await draft.pressSequentially(" Unsaved words.", { delay: 5 });
  await outlineEntry.getByRole("button", { name: "Restore this version" }).click();
  await page.getByRole("group", { name: "Confirm restore" }).getByRole("button", { name: "Yes, restore it" }).click();
  await poll(() => page.getByTestId("history-message").textContent()).toMatch(/^Restored the version from/);
  expect(await draft.inputValue()).toBe(withOutline);

  await poll(() => reasons(page)).toEqual(["RESTORE", "AUTOSAVE", "CUT", "OUTLINE", "AUTOSAVE"]);
  expect(await fullText(page, entries(page).nth(1))).toBe("Fresh start. Unsaved words.");
  expect(await fullText(page, entry(page, "CUT"))).toBe("Fresh start.");

  // The server holds the restored text: a reload shows it with nothing brought back from this browser.
  await page.reload();
  await poll(() => draft.inputValue()).toBe(withOutline);
  expect(await page.getByTestId("restored-local").count()).toBe(0);

  expectNoConsoleErrors(errors);
  await context.close();
});
