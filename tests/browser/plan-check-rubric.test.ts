import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, sharedBrowser } from "./browser";
import { buildWorld, joinClass, openAssignment, QUESTIONS, RUBRICS, signUpAs, type World } from "./world";

// Issue 12 part 4 (decision 022): on a four-strand assignment the plan check names the strand
// each point serves, quoting its descriptor, and the student can filter by strand.

const browser = sharedBrowser();

let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12S Strands", question: QUESTIONS.deStalinisation, rubric: RUBRICS.strands20, teacherName: "Ms Strand Setter" });
});

const problems = (page: Page) =>
  page.getByTestId("plan-problem").evaluateAll((els) => els.map((e) => ({ code: e.getAttribute("data-code"), group: e.getAttribute("data-group"), text: e.textContent ?? "" })));

it("a four-strand assignment's plan check names its strands, and filtering by a strand shows only its checks", async () => {
  const { page, errors, context } = await newSession(browser());
  await signUpAs(page, "STUDENT", "Sam Strands");
  await joinClass(page, world.classroom.joinCode, world.classroom.name);
  await openAssignment(page, /de-Stalinisation/);

  // Unfiltered: the general points, each naming its strand and the descriptor's words.
  const checker = page.getByTestId("plan-checker");
  await expect.poll(async () => (await problems(page)).map((p) => p.code)).toEqual(expect.arrayContaining(["too-few-factors", "no-judgement"]));
  const all = await problems(page);
  expect(all.find((p) => p.code === "no-judgement")).toMatchObject({ group: "Evaluation and judgement" });
  expect(all.find((p) => p.code === "no-judgement")?.text).toContain("Evaluation and judgement, Level 5: “the line of argument is stated at the start");
  expect(all.find((p) => p.code === "too-few-factors")).toMatchObject({ group: "Analysis and explanation" });
  // The factor card's points name their strand too.
  await expect.poll(() => page.getByTestId("factor-problem").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Knowledge, Level 5: “Precise, well-selected knowledge”")]));

  // The filter is a radio group, one per strand, reached and moved by keyboard.
  const filter = checker.getByRole("group", { name: "Show the checks for" });
  for (const strand of ["Analysis and explanation", "Knowledge", "Evaluation and judgement", "Organisation and communication"]) {
    await expect.poll(() => filter.getByRole("radio", { name: new RegExp(`^${strand}`) }).count()).toBe(1);
  }
  // Chips are labels round visually hidden radios: a pointer clicks the label.
  const choose = async (name: RegExp) => {
    await filter.locator("label", { hasText: name }).click();
    await expect.poll(() => filter.getByRole("radio", { name }).isChecked()).toBe(true);
  };
  await choose(/^Evaluation and judgement/);
  await expect.poll(async () => [...new Set((await problems(page)).map((p) => p.group))]).toEqual(["Evaluation and judgement"]);
  // Filtered, the factor cards' judgement points are listed as well (the stated factor's missing mini-judgement).
  expect((await problems(page)).map((p) => p.code)).toEqual(expect.arrayContaining(["no-judgement", "factor-no-mini-judgement"]));

  await filter.getByRole("radio", { name: /^Evaluation and judgement/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => filter.getByRole("radio", { name: /^Organisation and communication/ }).isChecked()).toBe(true);
  await expect.poll(async () => (await problems(page)).length).toBe(0);
  await expect.poll(() => checker.getByTestId("plan-filter-clear").textContent()).toBe("Nothing to fix for Organisation and communication.");

  await choose(/^Knowledge/);
  await expect.poll(async () => (await problems(page)).map((p) => p.code)).toEqual(["factor-no-evidence"]);

  // Back to every part: the general list again, with the count of points on the cards.
  await choose(/^Every part/);
  await expect.poll(async () => (await problems(page)).map((p) => p.code)).toEqual(expect.arrayContaining(["too-few-factors", "no-judgement"]));
  await checker.getByTestId("plan-card-problems").waitFor();

  // The judgement line starts unplaced, in the question's own words, and one arrow key places it.
  const line = page.getByLabel("How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power?");
  expect(await line.getAttribute("data-placed")).toBe("false");
  expect(await page.getByTestId("judgement-words").textContent()).toMatch(/^Not placed yet/);
  await line.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => line.getAttribute("data-placed")).toBe("true");
  await expect.poll(() => page.getByTestId("judgement-words").textContent()).toBe("Your answer: some way.");
  await page.getByRole("button", { name: "Not decided yet" }).click();
  await expect.poll(() => line.getAttribute("data-placed")).toBe("false");

  expectNoConsoleErrors(errors);
  await context.close();
});
