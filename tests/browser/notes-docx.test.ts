import { expect, it } from "vitest";
import { buildDocx } from "../fixtures/build-docx";
import { expectNoConsoleErrors, newSession, sharedBrowser } from "./browser";
import { createClass, joinClass, openAssignment, RUBRICS, setAssignment, signUpAs } from "./world";

const browser = sharedBrowser();

// Issue 16's journey: a teacher's Word notes come in, an intro that states a fact is flagged
// in the preview and made a point, and a student can then pick that point as evidence.

const INTRO = "In 1830 the Duke of Wellington declared the constitution needed no reform.";
const QUESTION = "How far was popular pressure the main reason for the passage of the Reform Act of 1832?";
const NOTES = buildDocx([
  { title: "Parliamentary Reform" },
  { p: "This topic covers the Great Reform Act of 1832, from pressure for reform to its passage." },
  { heading: 1, text: "Pressure for Reform" },
  { p: INTRO },
  { bullet: "Rotten boroughs returned MPs with a handful of voters." },
  { bullet: "Industrial towns such as Manchester had no MP." },
  { heading: 1, text: "FAQ" },
  { p: [{ bold: "Why did the Lords give way?" }, " The King agreed to create new peers."] },
  { heading: 1, text: "Practice questions" },
  { p: [{ bold: QUESTION }] },
]);

it("a teacher imports a .docx, makes a flagged intro a point, and a student picks it as evidence", async () => {
  const teacherSession = await newSession(browser());
  const { page } = teacherSession;
  await signUpAs(page, "TEACHER", "Mr Word Notes");
  const classroom = await createClass(page, "12W Reform");

  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles({ name: "reform notes.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(NOTES) });
  await expect.poll(() => page.getByTestId("preview-summary").textContent(), { timeout: 15_000 }).toBe(
    "Read as a Word document: 1 top-level section, 2 points, 1 FAQ entry, 1 practice question.",
  );
  expect(await page.getByTestId("preview-title").textContent()).toContain("Parliamentary Reform");
  expect(await page.getByTestId("preview-faq").textContent()).toBe("Why did the Lords give way?The King agreed to create new peers.");
  expect(await page.getByTestId("preview-questions").textContent()).toContain("Stated factorpopular pressure");
  expect(await page.getByTestId("preview-questions").textContent()).toContain("Periodthe Reform Act of 1832");

  const flagged = page.getByTestId("flagged-intro");
  expect(await flagged.textContent()).toContain(INTRO);
  await flagged.getByRole("button", { name: "Make this a point (the intro of “Pressure for Reform”)" }).click();
  await expect.poll(() => page.getByTestId("preview-summary").textContent()).toContain("3 points");
  expect(await flagged.count()).toBe(0);
  expect(await page.getByTestId("preview-outline").getByRole("listitem").filter({ hasText: INTRO }).count()).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Save topic" }).click();
  await page.waitForURL(/\/topics\/[^/]+\?imported=1/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Parliamentary Reform");
  expect(await page.getByRole("status").filter({ hasText: "Imported" }).textContent()).toBe("Imported 3 points, 1 FAQ entry and 1 practice question.");
  await setAssignment(page, classroom.url, { question: QUESTION, rubric: RUBRICS.holistic25 });
  expectNoConsoleErrors(teacherSession.errors);
  await teacherSession.context.close();

  const studentSession = await newSession(browser());
  const student = studentSession.page;
  await signUpAs(student, "STUDENT", "Ada Evidence");
  await joinClass(student, classroom.joinCode, classroom.name);
  await openAssignment(student, /popular pressure/);
  const card = student.getByTestId("factor-card").first();
  expect(await card.getByLabel("Factor").inputValue()).toBe("popular pressure");
  await card.getByRole("button", { name: "Add evidence from the notes" }).click();
  await card.getByRole("searchbox").fill("Wellington");
  await card.getByRole("button", { name: /^Add evidence:/ }).first().click();
  await card.getByRole("button", { name: "Close evidence bank" }).click();
  await expect.poll(() => card.getByTestId("evidence-item").first().textContent()).toContain(INTRO);
  expectNoConsoleErrors(studentSession.errors);
  await studentSession.context.close();
});

it("a file that is not a Word document is refused with a clear message and nothing is saved", async () => {
  const { page, errors, context } = await newSession(browser());
  await signUpAs(page, "TEACHER", "Ms Not Word");
  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles({ name: "notes.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("plain text pretending") });
  await expect.poll(() => page.getByTestId("import-error").textContent()).toMatch(/could not be read as a Word document/);
  await page.goto("/topics");
  expect(await page.getByText("No topics yet").count()).toBe(1);
  expectNoConsoleErrors(errors);
  await context.close();
});
