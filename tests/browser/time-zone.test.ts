import path from "node:path";
import { submitEssay } from "./world";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signUp } from "./browser";

// One school clock (docs/decisions/008-school-time-zone.md). The app runs with TZ=Asia/Tokyo
// (tests/browser/global-app.ts) and APP_TIME_ZONE at its default, Europe/London; these
// browsers are in New York. A 17:00 deadline must read 17:00 on every page, and pages that
// render on both sides (the analytics page, a returned marking desk) must hydrate without
// error #418, which newSession reports as a page error.

const browser = sharedBrowser();
const NEW_YORK = { timezoneId: "America/New_York" };
const sampleNotes = path.resolve(import.meta.dirname, "../../prisma/seed-data/khrushchev-ussr-1953-1964.txt");

// 10 June next year (or this year, before June): British Summer Time, when London is UTC+1,
// Tokyo UTC+9 and New York UTC−4, so any of the three zones leaking in changes the hour.
function nextSummerDue(): { value: string; day: string } {
  const now = new Date();
  const year = now.getUTCMonth() < 5 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
  const weekday = new Date(Date.UTC(year, 5, 10)).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
  return { value: `${year}-06-10T17:00`, day: `${weekday} 10 Jun` };
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? "";

it("a deadline set at 17:00 reads 17:00 everywhere, whatever the server's and the browser's zones; shared pages hydrate cleanly", async () => {
  const due = nextSummerDue();
  const teacher = await newSession(browser(), NEW_YORK);
  const t = teacher.page;
  expect(await t.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/New_York");
  await signUp(t, "TEACHER", "Ms Clara Zone");

  // A class, a topic with its questions, and one student, all this test's own.
  await t.goto("/classes/new");
  await t.getByLabel("Class name").fill("10T History");
  await t.getByLabel("Year group").fill("Year 10");
  await t.getByRole("button", { name: "Create class" }).click();
  await t.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const classUrl = new URL(t.url()).pathname;
  const code = (await t.getByTestId("join-code").textContent())!.trim();
  await t.goto("/topics/import");
  await t.getByLabel("Upload a file").setInputFiles(sampleNotes);
  await poll(() => t.getByTestId("preview-questions").getByRole("listitem").count()).toBe(2);
  await t.getByRole("button", { name: "Save topic" }).click();
  await t.waitForURL(/\/topics\/[^/]+\?imported=1/);

  const student = await newSession(browser(), NEW_YORK);
  const s = student.page;
  s.on("dialog", (d) => void d.accept());
  await signUp(s, "STUDENT", "Noor Zone");
  await s.getByLabel("Join code").fill(code);
  await s.getByRole("button", { name: "Join class" }).click();
  await poll(() => text(s, "student-classes")).toContain("10T History");

  // The teacher types 17:00 on a June day; the field names the clock it means.
  await t.goto(`${classUrl}/assignments/new`);
  await t.getByLabel("Question").selectOption({ index: 0 });
  await t.getByLabel("Mark scheme").selectOption({ label: "25-mark essay, five levels (holistic) (25 marks)" });
  await t.getByLabel("Due").fill(due.value);
  expect(await t.locator("main").textContent()).toContain("School time (Europe/London)");
  await t.getByRole("button", { name: "Set assignment" }).click();
  await t.waitForURL(/\/assignments\/[^/]+\?set=1/);
  const assignmentUrl = new URL(t.url()).pathname;

  // The assignment page: the header, and the settings field shows what was typed.
  expect(await t.locator("main").textContent()).toContain(`Due ${due.day}, 17:00`);
  expect(await t.getByLabel("Due").inputValue()).toBe(due.value);
  // Saving the settings unchanged keeps the deadline where it was (no drift by an offset).
  await t.getByRole("button", { name: "Save changes" }).click();
  await poll(() => t.getByText("Changes saved.").count()).toBe(1);
  await t.reload();
  expect(await t.getByLabel("Due").inputValue()).toBe(due.value);
  expect(await t.locator("main").textContent()).toContain(`Due ${due.day}, 17:00`);

  // The class page and the class board.
  await t.goto(classUrl);
  expect(await t.locator("main").textContent()).toContain(`Due ${due.day}, 17:00`);
  await t.goto(`${classUrl}/board`);
  expect(await text(t, "class-board")).toContain(`${due.day}, 17:00`);

  // The student's dashboard; then they write and hand in.
  await s.goto("/dashboard");
  expect(await text(s, "student-assignments")).toContain(`Due ${due.day}, 17:00`);
  await s.getByTestId("student-assignments").getByRole("link").first().click();
  await s.waitForURL(/\/assignments\/[^/]+$/);
  expect(await s.locator("main").textContent()).toContain(`Due ${due.day}, 17:00`);
  await s.locator(`[data-testid="draft-text"][data-ready]`).fill("Khrushchev changed the USSR less than he claimed: the reforms of 1956 loosened terror but kept the one-party state.");
  await poll(() => s.getByTestId("draft-status").getAttribute("data-status")).toBe("saved");
  await submitEssay(s);
  await poll(() => s.getByTestId("submitted-banner").count()).toBe(1);

  // The teacher marks and returns it; the returned desk renders on both sides.
  await t.goto(assignmentUrl);
  await t.getByRole("link", { name: "Mark for Noor Zone" }).click();
  await t.waitForURL(/\/mark$/);
  await t.getByRole("radio", { name: /Level 3/ }).check();
  await t.getByLabel(/Mark for Overall quality/).fill("13");
  await t.getByLabel("What went well").fill("A clear judgement in the first paragraph.");
  await t.getByRole("button", { name: /Return to Noor Zone/ }).click();
  await t.getByRole("button", { name: "Return now" }).click();
  await poll(() => text(t, "marking-status")).toContain("Returned to Noor Zone");
  await t.reload();
  await poll(() => t.getByRole("radio", { name: /Level 3/ }).isChecked()).toBe(true);
  expect(await t.locator("main").textContent()).toMatch(/Returned to Noor Zone/);
  await t.waitForTimeout(500);
  expectNoConsoleErrors(teacher.errors);

  // The analytics page, loaded afresh so it hydrates (a click would render it on the client).
  await t.goto(`${assignmentUrl}/analytics`);
  expect(await t.locator("main").textContent()).toContain(`due ${due.day}, 17:00`);
  await poll(() => t.getByTestId("funnel-chart").count()).toBe(1);

  // Let any late hydration report arrive before judging the pages clean.
  await t.waitForTimeout(500);
  expectNoConsoleErrors(teacher.errors);
  expectNoConsoleErrors(student.errors);
  await teacher.context.close();
  await student.context.close();
});
