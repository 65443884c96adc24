import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { createClass, importSampleNotes, newStudent, QUESTIONS, RUBRICS, signIn, signUpAs, startAssignment, writeAndSubmit, type World } from "./world";

// Blind marking (docs/decisions/029): a teacher sets an assignment marked blind, two students
// hand in, and the desk, the queue and the board's view of the assignment carry no student
// name anywhere in the page's HTML (text, attributes, <title>, the data sent to client
// components); after the confirmed reveal the names show.

const browser = sharedBrowser();
const STUDENTS = ["Zelda Quillfeather", "Yusuf Oakenshaw"] as const;
const ESSAY = [
  "Khrushchev's reforms changed the USSR only in part, whatever the speeches claimed.",
  "De-Stalinisation released prisoners from the Gulag and loosened censorship, so daily life became less fearful.",
  "The one-party state and the planned economy stayed in place, and the Virgin Lands Scheme faltered after 1958.",
  "In conclusion, the reforms transformed the USSR to a limited extent.",
].join("\n\n");

/** The whole HTML of the page, flight data included, holds none of the students' names. */
async function expectNoNames(page: Page, where: string) {
  const html = await page.content();
  for (const name of STUDENTS) for (const part of name.split(" ")) expect(html.includes(part), `${part} on ${where}`).toBe(false);
}

it("a blind assignment shows candidate numbers, not names, on the queue, the desk and the board until a teacher reveals them", async () => {
  const setup = await newSession(browser());
  const teacher = await signUpAs(setup.page, "TEACHER", "Ms Blind Marker");
  const classroom = await createClass(setup.page, "12B History");
  await importSampleNotes(setup.page);
  await startAssignment(setup.page, classroom.url, QUESTIONS.reforms, RUBRICS.holistic25);
  await setup.page.getByRole("checkbox", { name: /Mark blind/ }).check();
  await setup.page.getByRole("button", { name: "Set assignment" }).click();
  await setup.page.waitForURL(/\/assignments\/[^/]+\?set=1/);
  const assignmentUrl = new URL(setup.page.url()).pathname;
  await setup.page.getByText("Names are hidden: markers see candidate numbers.").waitFor();
  expectNoConsoleErrors(setup.errors);
  await setup.context.close();

  const world: World = { teacher, classroom, assignmentUrl, question: QUESTIONS.reforms };
  for (const name of STUDENTS) {
    const s = await newStudent(browser(), world, name);
    await writeAndSubmit(s.page, /transform the USSR/, ESSAY);
    expectNoConsoleErrors(s.errors);
    await s.context.close();
  }

  const { page: t, errors } = await newSession(browser());
  await signIn(t, teacher);
  // The queue: two candidates, no names.
  const queue = t.getByTestId("marking-queue");
  await poll(() => queue.getByTestId("queue-item").allTextContents()).toEqual([expect.stringMatching(/^Candidate \d{4}/), expect.stringMatching(/^Candidate \d{4}/)]);
  await expectNoNames(t, "the dashboard");

  // The desk, from the queue.
  await queue.getByTestId("mark-next").click();
  await t.waitForURL(/\/students\/[^/]+\/mark$/);
  const heading = await t.getByRole("heading", { level: 1 }).textContent();
  expect(heading).toMatch(/^Marking: Candidate \d{4}$/);
  const candidate = heading!.replace("Marking: ", "");
  await t.getByRole("heading", { name: `${candidate}’s essay` }).waitFor();
  await expectNoNames(t, "the desk");
  await t.getByRole("link", { name: "Printable view" }).click();
  await t.getByTestId("print-view").waitFor();
  await expectNoNames(t, "the print view");

  // The assignment's student list, and the board's view of the assignment.
  await t.goto(assignmentUrl);
  await t.getByTestId("assignment-students").getByText(candidate, { exact: true }).waitFor();
  await expectNoNames(t, "the assignment page");
  const assignmentId = assignmentUrl.split("/").at(-1)!;
  // A name search is ignored there (it would pick a student out): both rows stay.
  await t.goto(`${classroom.url}/board?assignment=${assignmentId}&student=Zelda`);
  await t.getByTestId("blind-note").waitFor();
  expect(await t.getByTestId("board-row").count()).toBe(2);
  await t.goto(`${classroom.url}/board?assignment=${assignmentId}`);
  expect(await t.getByTestId("board-row").count()).toBe(2);
  expect(await t.getByTestId("board-row").locator("th").allTextContents()).toEqual([expect.stringMatching(/^Candidate \d{4}/), expect.stringMatching(/^Candidate \d{4}/)]);
  await expectNoNames(t, "the board's view of the assignment");
  // The whole board names its rows; the blind column's cells show nothing of the work.
  await t.goto(`${classroom.url}/board`);
  const cells = t.getByTestId("board-cell");
  expect(await cells.count()).toBe(2);
  for (const label of await cells.locator("a").evaluateAll((links) => links.map((a) => `${a.textContent} ${a.getAttribute("href")}`))) {
    expect(label).toMatch(/marked blind/);
    expect(label).toContain(`/board?assignment=${assignmentId}`);
  }

  // The reveal, confirmed in the dialog.
  await t.goto(assignmentUrl);
  await t.getByRole("button", { name: "Reveal names…" }).click();
  await t.getByTestId("reveal-names-dialog").getByRole("button", { name: "Reveal names" }).click();
  await t.getByText(/Names revealed by Ms Blind Marker on /).waitFor();
  for (const name of STUDENTS) await t.getByTestId("assignment-students").getByText(name, { exact: true }).waitFor();
  await t.goto("/dashboard");
  await poll(() => t.getByTestId("marking-queue").getByTestId("queue-item").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining(STUDENTS[0]), expect.stringContaining(STUDENTS[1])]),
  );
  await t.getByTestId("marking-queue").getByTestId("mark-next").click();
  await t.waitForURL(/\/students\/[^/]+\/mark$/);
  expect(await t.getByRole("heading", { level: 1 }).textContent()).toMatch(new RegExp(`^Marking: (${STUDENTS.join("|")})$`));
  expectNoConsoleErrors(errors);
});
