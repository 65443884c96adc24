import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser, signInAs } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, selectQuote, signIn, writeAndSubmit } from "./world";

const browser = sharedBrowser();

// Issue 13 part 5 (decision 030): a teacher marks three essays; the demo head of History
// (hod@extent.demo, made by the seed as the administrator would) invites her to the
// department and she accepts; the head samples her assignment, second-marks an essay without
// seeing her marks, comments or summary, compares the two per criterion, agrees a mark with
// a reason, and reads the moderation report, at desk width and on a 390 px phone.

const COMMENT = "MarkerCommentNotForTheModerator: say why this mattered to the Presidium.";
const SUMMARY = "MarkerSummaryNotForTheModerator: clear knowledge of the Secret Speech.";
const essay = (who: string) =>
  [
    `${who} argues that de-Stalinisation was an important factor in Khrushchev's fall, but not the most significant.`,
    "The Secret Speech of February 1956 shocked the party and unsettled the satellite states.",
    "The failures of the Virgin Lands scheme mattered more, because they hurt his standing with the Presidium.",
  ].join("\n\n");
// The first marks: level and mark inside the holistic 25-mark scheme's bands.
const FIRST: Record<string, { level: number; mark: number }> = {
  "Amy Able": { level: 4, mark: 18 },
  "Ben Bright": { level: 3, mark: 13 },
  "Cal Calm": { level: 2, mark: 8 },
};

async function markEssay(page: Page, assignmentUrl: string, student: string, withNotes: boolean) {
  await page.goto(assignmentUrl);
  await page.getByRole("link", { name: new RegExp(`for ${student}$`) }).first().click();
  await page.waitForURL(/\/mark$/);
  if (withNotes) {
    await selectQuote(page, "The Secret Speech of February 1956");
    await page.getByTestId("annotate-selection").click();
    const note = page.getByTestId("annotation-form");
    await note.getByLabel("Comment", { exact: true }).fill(COMMENT);
    await note.getByRole("button", { name: "Add annotation" }).click();
    await note.waitFor({ state: "detached" });
    await page.getByLabel("What went well").fill(SUMMARY);
  }
  const { level, mark } = FIRST[student]!;
  await page.getByRole("radio", { name: new RegExp(`Level ${level}`) }).first().check();
  await page.getByLabel(/Mark for Overall quality/).fill(String(mark));
  await page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toMatch(/Saved at/);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

it("a head of department samples a teacher's marked essays, second-marks one blind, agrees a mark and reads the report", async () => {
  // Unique, since the demo head's department gathers every run's classes on a reused server (BROWSER_BASE_URL).
  const className = `12M Moderated ${randomBytes(3).toString("hex")}`;
  const world = await buildWorld(browser(), { className, question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Mira Marker" });
  for (const name of Object.keys(FIRST)) {
    const student = await newStudent(browser(), world, name);
    await writeAndSubmit(student.page, /de-Stalinisation/, essay(name));
    expectNoConsoleErrors(student.errors);
    await student.context.close();
  }

  // The teacher marks all three (comments and a summary on each), not yet returned.
  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  for (const name of Object.keys(FIRST)) await markEssay(teacher.page, world.assignmentUrl, name, true);

  // The head invites her to History; she accepts from her department page.
  const head = await newSession(browser());
  await signInAs(head.page, "hod@extent.demo");
  await head.page.goto("/department/moderation");
  const invite = head.page.getByTestId("invite-to-department");
  await invite.getByLabel("Invite a teacher to History by email").fill(world.teacher.email);
  await invite.getByRole("button", { name: "Invite" }).click();
  await invite.getByTestId("form-success").waitFor();
  await poll(() => head.page.getByTestId("department-members").textContent()).toContain(`${world.teacher.email} (invited, waiting)`);

  await teacher.page.goto("/department");
  await teacher.page.getByRole("link", { name: "Department moderation" }).click();
  await teacher.page.waitForURL("**/department/moderation");
  expect(await teacher.page.getByTestId("department-invitations").textContent()).toContain("Mr Samuel Okoro invited you to join History");
  await teacher.page.getByRole("button", { name: "Join History" }).click();
  await poll(() => teacher.page.getByTestId("department-invitations").count()).toBe(0);

  // The head finds her assignment among the department's and samples half of it at random.
  await head.page.reload();
  const row = head.page.getByTestId("department-assignments").getByRole("row").filter({ hasText: className });
  expect(await row.textContent()).toContain("no sample");
  await row.getByRole("link").click();
  await head.page.waitForURL(/\/assignments\/[^/]+\/moderation$/);
  const moderationUrl = new URL(head.page.url()).pathname;
  const choose = head.page.getByTestId("choose-sample");
  await choose.getByRole("radio", { name: /A random percentage/ }).check();
  await choose.getByLabel("Percentage (random)").fill("50");
  await choose.getByRole("button", { name: "Choose this sample" }).click();
  await poll(() => head.page.getByTestId("sample-description").textContent()).toMatch(/A random 50% of 3 marked essays \(seed \d+\)/);
  const items = head.page.getByTestId("sample-items").getByRole("link");
  await poll(() => items.count()).toBe(2);
  const sampled = (await items.first().textContent())!.trim();
  expect(Object.keys(FIRST)).toContain(sampled);

  // The second-marking desk: the essay and the rubric, none of the first marker's work.
  await items.first().click();
  await head.page.waitForURL(/\/moderation\/students\/[^/]+$/);
  const deskUrl = head.page.url();
  await head.page.getByTestId("moderation-essay").waitFor();
  const blind = (await head.page.locator("main").textContent())!;
  for (const secret of [COMMENT, SUMMARY, "Ms Mira Marker"]) expect(blind).not.toContain(secret);
  // Nor can the head open the teacher's marking desk for it.
  const studentId = deskUrl.split("/").at(-1)!;
  const desk = await head.page.request.get(`${world.assignmentUrl}/students/${studentId}/mark`);
  expect(desk.status()).toBe(404);

  // Submitting without a level is refused at the criterion; then one level below the first.
  const form = head.page.getByTestId("second-marking-form");
  await form.getByRole("button", { name: "Submit second marking" }).click();
  await poll(() => form.locator("fieldset").getByText(/Choose a level for/).count()).toBe(1);
  expect(await form.getByTestId("form-error").textContent()).toMatch(/Choose a level for/);
  const secondLevel = FIRST[sampled]!.level - 1;
  await form.getByRole("radio", { name: new RegExp(`^Level ${secondLevel} \\(`) }).check();
  await form.getByRole("button", { name: "Submit second marking" }).click();

  // Side by side, with the difference, once submitted.
  const comparison = head.page.getByTestId("comparison");
  await comparison.waitFor();
  const cells = await comparison.getByRole("row").nth(1).getByRole("cell").allTextContents();
  expect(cells).toEqual([`Level ${FIRST[sampled]!.level}`, `Level ${secondLevel}`, "−1 level"]);
  expect(await comparison.textContent()).toContain("first marking by Ms Mira Marker, second by Mr Samuel Okoro");

  // The agreed mark: the first marker's level, with a reason.
  const agree = head.page.getByTestId("agree-form");
  await agree.getByRole("radio", { name: new RegExp(`^Level ${FIRST[sampled]!.level} \\(`) }).check();
  await agree.getByLabel("Reason for the agreed mark").fill("Sustained judgement: the first level stands, low in the band.");
  await agree.getByRole("button", { name: "Record the agreed mark" }).click();
  await poll(() => head.page.getByTestId("agreed").textContent()).toContain("Sustained judgement: the first level stands");
  expect(await head.page.getByTestId("agreed").textContent()).toContain("The first marking (" + FIRST[sampled]!.mark + " marks) is kept");

  // The report: agreement per criterion, each marker against the agreed mark, the essays.
  await head.page.goto(`${moderationUrl}/report`);
  expect(await head.page.getByTestId("report-progress").textContent()).toBe("2 sampled · 1 second-marked · 1 agreed");
  const criterion = await head.page.getByTestId("criterion-agreement").getByRole("row").nth(1).textContent();
  expect(criterion).toContain("0 of 1 (0%)");
  const markers = await head.page.getByTestId("marker-agreement").getByRole("row").allTextContents();
  expect(markers.slice(1)).toEqual([expect.stringMatching(/^Mr Samuel Okoro1−1\.00/), expect.stringMatching(/^Ms Mira Marker1\s*0\.00/)]);
  const essays = await head.page.getByTestId("report-essays").textContent();
  expect(essays).toContain("awaiting second marking");

  // The same report and the desk fit a 390 px phone.
  await head.page.setViewportSize({ width: 390, height: 844 });
  expect(await overflow(head.page)).toBe(0);
  await head.page.goto(deskUrl);
  await head.page.getByTestId("comparison").waitFor();
  expect(await overflow(head.page)).toBe(0);

  // The teacher reads the outcome on her own moderation page and the department report lists her.
  await teacher.page.goto(moderationUrl);
  expect(await teacher.page.getByTestId("sample-items").textContent()).toContain("agreed");
  await head.page.goto("/department/moderation");
  expect(await head.page.getByTestId("department-members").textContent()).toContain("Ms Mira Marker");

  expectNoConsoleErrors(teacher.errors);
  expectNoConsoleErrors(head.errors);
}, 240_000);
