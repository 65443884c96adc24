import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { acceptDialogs, buildWorld, newStudent, openAssignment, QUESTIONS, RUBRICS, signIn, submitEssay, type World } from "./world";

// Issue 12 part 6: a student pastes a paragraph; "How this essay was written" shows one large
// paste to the student, and the teacher's marking desk shows the same section, word for word.

const browser = sharedBrowser();
const QUESTION = /transform the USSR/;
let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12P Process", question: QUESTIONS.reforms, rubric: RUBRICS.holistic25, teacherName: "Ms Petra Process" });
});

const PARAGRAPH =
  "The Virgin Lands scheme first raised grain output: by 1956 the harvest was far above that of 1953, and Khrushchev presented it as proof that reform from above could work. " +
  "Yet the gains did not last. Soil erosion and poor planning cut yields in the early 1960s, and in 1963 the USSR had to import grain from abroad, a humiliation for a leader who had promised to overtake America.";

const saved = (page: Page) => page.locator('[data-testid="draft-status"][data-status="saved"]').waitFor();

/** The section's visible content, for comparing the two sides (the disclosure opened first). */
async function readSection(page: Page) {
  const section = page.getByTestId("writing-process");
  await section.locator(":scope > summary").click();
  return {
    recorded: await section.getByTestId("process-recorded").textContent(),
    sessions: await section.getByTestId("process-sessions").textContent(),
    pasted: await section.getByTestId("process-pasted").textContent(),
    largePastes: await section.getByTestId("large-pastes").locator("li").allTextContents(),
    time: await section.getByTestId("process-time").textContent(),
  };
}

it("a pasted paragraph shows as one large paste to the student, and the teacher's desk shows the same", async () => {
  const student = await newStudent(browser(), world, "Paula Paster");
  const { page, context } = student;
  acceptDialogs(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openAssignment(page, QUESTION);

  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);
  await draft.click();
  await draft.pressSequentially("Khrushchev's reforms changed less than he claimed. ", { delay: 5 });
  await saved(page);
  // A real paste: the clipboard, then Ctrl/Cmd+V in the editor.
  await page.evaluate((text) => navigator.clipboard.writeText(text), PARAGRAPH);
  await draft.press("End");
  await draft.press("ControlOrMeta+V");
  await poll(() => draft.inputValue()).toContain("overtake America");
  await saved(page);

  // The summary is read when the page opens.
  await page.reload();
  const mine = await readSection(page);
  expect(mine.recorded).toContain("never keystrokes and never what was pasted");
  expect(mine.sessions).toBe("1");
  expect(mine.pasted).toBe(`1 paste, ${PARAGRAPH.length} characters`);
  expect(mine.largePastes).toHaveLength(1);
  expect(mine.largePastes[0]).toMatch(new RegExp(`^${PARAGRAPH.length} characters, \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}$`));
  expect(await page.getByTestId("growth-chart").isVisible()).toBe(true);

  // The autosave endpoint refuses a flood of paste sizes with a 400 and saves nothing.
  const assignmentId = new URL(page.url()).pathname.split("/")[2]!;
  const flood = await page.request.put(`/api/assignments/${assignmentId}/draft`, {
    data: { text: "Replaced by a flood?", baseRevision: 1, pastes: Array.from({ length: 10_000 }, () => 500) },
  });
  expect(flood.status()).toBe(400);
  expect((await flood.json()) as { error: string }).toMatchObject({ error: "A save can carry at most 20 paste sizes." });
  await page.reload();
  await poll(() => page.locator(`[data-testid="draft-text"][data-ready]`).inputValue()).toContain("overtake America");

  // Hand it in, so the teacher can open the marking desk.
  await submitEssay(page);
  await page.getByTestId("submitted-banner").waitFor();
  expectNoConsoleErrors(student.errors);
  await context.close();

  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  await teacher.page.goto(world.assignmentUrl);
  await teacher.page.getByRole("link", { name: "Mark for Paula Paster" }).click();
  await teacher.page.waitForURL(/\/mark$/);
  expect(await readSection(teacher.page)).toEqual(mine);
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();
});
