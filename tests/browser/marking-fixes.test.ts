import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { annotateIntoBank, buildWorld, newStudent, QUESTIONS, RUBRICS, selectQuote, setAssignment, signIn, writeAndSubmit, type Account, type World } from "./world";

const browser = sharedBrowser();

const essay = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/essays", name), "utf8").trim();

// One teacher, one bank, two mark schemes. The bank is started on a 25-mark holistic essay,
// where every comment is saved under its one criterion ("overall"); the same comments are
// then used on a four-strand essay, where "overall" is not a strand. The bank must name the
// criteria (never show "overall") and "Use" must fill the strand the comment is about.
let world: World;
let holisticUrl: string;
let student: Account;
const PRECISE = "Add precise evidence here: a date, a figure or a named person.";
const DESCRIBES = "Describes events rather than explaining how they led to the outcome. Link back to the question.";

beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12F Fixes", question: QUESTIONS.deStalinisation, rubric: RUBRICS.strands20, teacherName: "Ms Fay Fixer" });
  const setup = await newSession(browser());
  await signIn(setup.page, world.teacher);
  holisticUrl = await setAssignment(setup.page, world.classroom.url, { question: QUESTIONS.reforms, rubric: RUBRICS.holistic25 });
  expectNoConsoleErrors(setup.errors);

  const pupil = await newStudent(browser(), world, "Priya Fixes");
  await writeAndSubmit(pupil.page, /de-Stalinisation/, essay("chloe-how-far.txt"));
  await writeAndSubmit(pupil.page, /transform the USSR/, essay("dev-how-far.txt"));
  expectNoConsoleErrors(pupil.errors);
  await pupil.context.close();
  student = pupil.account;

  // The bank starts on the holistic essay, the only way the app adds to it.
  await openDesk(setup.page, holisticUrl);
  await annotateIntoBank(setup.page, [
    { quote: "in 1963 the USSR had to import grain", kind: "TARGET", text: PRECISE },
    { quote: "Many people were released from the Gulag.", kind: "TARGET", text: DESCRIBES },
  ]);
  expectNoConsoleErrors(setup.errors);
  await setup.context.close();
});

async function openDesk(page: Page, assignmentUrl: string) {
  await page.goto(assignmentUrl);
  await page.getByRole("link", { name: `Mark for ${student.name}` }).click();
  await page.waitForURL(/\/mark$/);
}

const notes = (page: Page) => page.getByTestId("annotation-note");
const addToBank = (page: Page) => page.getByRole("button", { name: /^Add to comment bank/ });

it("a comment saved on a holistic scheme is named, and 'Use' fills its strand, on a four-strand scheme; a note already in the bank does not offer 'Add to comment bank'", async () => {
  const { page, errors, context } = await newSession(browser());
  await signIn(page, world.teacher);

  // On the holistic desk the two notes were saved to the bank as they were made.
  await openDesk(page, holisticUrl);
  await poll(() => notes(page).count()).toBe(2);
  expect.soft(await addToBank(page).count()).toBe(0);

  // The four-strand desk: the bank shows the strand each comment goes to, by name.
  await openDesk(page, world.assignmentUrl);
  await selectQuote(page, "The Secret Speech of February 1956");
  await page.getByTestId("annotate-selection").click();
  const form = page.getByTestId("annotation-form");
  const results = form.getByTestId("bank-results");
  await poll(() => results.getByRole("listitem").count()).toBe(2);
  const bankText = (await results.textContent()) ?? "";
  expect.soft(bankText).toContain("Knowledge (saved under Overall quality)");
  expect.soft(bankText).toContain("Analysis and explanation (saved under Overall quality)");
  expect.soft(bankText).not.toMatch(/\boverall\b/);

  // "Use" fills the comment, the strand and the kind.
  await form.getByRole("searchbox").fill("precise evidence");
  await poll(() => results.getByRole("listitem").count()).toBe(1);
  await results.getByRole("button", { name: /^Use/ }).click();
  expect(await form.getByLabel("Comment", { exact: true }).inputValue()).toBe(PRECISE);
  expect.soft(await form.getByLabel("Rubric criterion").inputValue()).toBe("knowledge");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await poll(() => page.getByTestId("annotation-form").count()).toBe(0);
  await poll(() => page.getByTestId("evidence-knowledge").textContent()).toContain(PRECISE);

  // Under "Knowledge" the comment is not in the bank yet (it was saved under "Overall
  // quality"), so the note offers to add it; once added, the offer goes, and stays gone.
  const note = notes(page).filter({ hasText: PRECISE });
  await note.getByRole("button", { name: /^Add to comment bank/ }).click();
  await poll(() => note.getByRole("status").textContent()).toBe("In your comment bank.");
  expect(await note.getByRole("button", { name: /^Add to comment bank/ }).count()).toBe(0);
  await page.reload();
  await poll(() => notes(page).count()).toBe(1);
  expect(await addToBank(page).count()).toBe(0);

  // The bank now holds it under Knowledge as well, named plainly.
  await selectQuote(page, "It weakened his position with conservatives in the Party");
  await page.getByTestId("annotate-selection").click();
  await form.getByRole("searchbox").fill("precise evidence");
  await poll(() => results.getByRole("listitem").count()).toBe(2);
  expect(await results.getByRole("listitem").filter({ hasText: "Knowledge · target" }).count()).toBe(1);

  // Saved to the bank as it is made: no offer to add it again.
  await form.getByRole("searchbox").fill("describes events");
  await results.getByRole("button", { name: /^Use/ }).click();
  expect(await form.getByLabel("Rubric criterion").inputValue()).toBe("analysis");
  await form.getByLabel("Comment", { exact: true }).fill("Explain how his removal followed from the policies you describe.");
  await form.getByRole("checkbox", { name: "Also save to my comment bank" }).check();
  await form.getByRole("button", { name: "Add annotation" }).click();
  await poll(() => notes(page).count()).toBe(2);
  expect(await addToBank(page).count()).toBe(0);

  expectNoConsoleErrors(errors);
  await context.close();
});
