import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { expectNoConsoleErrors, newSession, signUp } from "./browser";

// A test's own world, built through the running app the way a teacher and students would:
// a new teacher, a class, the sample notes imported, an assignment set, students who join by
// code. Browser tests never sign in as a demo account to change anything (STYLE.md 17), so
// no test depends on what another run, or a person trying the demo, has done to it.
// These steps run in beforeAll, where expect.poll is not allowed: they wait with Playwright's
// own locator waits instead.

export const SAMPLE_NOTES = path.resolve(import.meta.dirname, "../fixtures/khrushchev-ussr-1953-1964.txt");
export const QUESTIONS = {
  reforms: "To what extent did Khrushchev’s reforms transform the USSR by 1964?",
  deStalinisation: "How far was de-Stalinisation the most significant factor in Khrushchev’s fall from power in 1964?",
} as const;
export const RUBRICS = {
  strands20: "20-mark essay, four strands (best fit) (20 marks)",
  holistic25: "25-mark essay, five levels (holistic) (25 marks)",
} as const;

/** Whoever signed up: always sign in with what signUp returned, since the test password may change. */
export type Account = { name: string; email: string; password: string };

export async function signUpAs(page: Page, role: "TEACHER" | "STUDENT", name: string): Promise<Account> {
  return { name, ...(await signUp(page, role, name)) };
}

export async function signIn(page: Page, who: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/** Creates a class as the signed-in teacher; returns its page and join code. */
export async function createClass(page: Page, name: string, yearGroup = "Year 12") {
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill(name);
  await page.getByLabel("Year group").fill(yearGroup);
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  const joinCode = (await page.getByTestId("join-code").textContent())!.trim();
  return { name, url: new URL(page.url()).pathname, joinCode };
}

/** Imports tests/fixtures' Khrushchev notes through the import page, as they come. */
export async function importSampleNotes(page: Page) {
  await page.goto("/topics/import");
  await page.getByLabel("Upload a file").setInputFiles(SAMPLE_NOTES);
  await page.getByTestId("preview-questions").getByRole("listitem").nth(1).waitFor();
  await page.getByRole("button", { name: "Save topic" }).click();
  await page.waitForURL(/\/topics\/[^/]+\?imported=1/);
}

/** Picks an option by the text it contains, so the topic's title (taken from the file name) can change. */
export async function selectQuestion(page: Page, question: string) {
  const select = page.getByLabel("Question");
  const value = await select.locator("option", { hasText: question }).first().getAttribute("value");
  await select.selectOption(value!);
}

/** Opens "Set an assignment" from the class page and fills the question and mark scheme. */
export async function startAssignment(page: Page, classUrl: string, question: string, rubric: string) {
  await page.goto(classUrl);
  await page.getByRole("link", { name: "Set an assignment" }).click();
  await selectQuestion(page, question);
  await page.getByLabel("Mark scheme").selectOption({ label: rubric });
}

/** Sets an assignment for the class; returns its teacher page's path. */
export async function setAssignment(page: Page, classUrl: string, o: { question: string; rubric: string; wordLimit?: number }) {
  await startAssignment(page, classUrl, o.question, o.rubric);
  if (o.wordLimit) await page.getByLabel("Word limit (optional)").fill(String(o.wordLimit));
  await page.getByRole("button", { name: "Set assignment" }).click();
  await page.waitForURL(/\/assignments\/[^/]+\?set=1/);
  return new URL(page.url()).pathname;
}

/** Joins a class by code from the student's dashboard. */
export async function joinClass(page: Page, joinCode: string, className: string) {
  if (new URL(page.url()).pathname !== "/dashboard") await page.goto("/dashboard");
  await page.getByLabel("Join code").fill(joinCode);
  await page.getByRole("button", { name: "Join class" }).click();
  await page.getByTestId("student-classes").getByText(className).first().waitFor();
}

/** From the student's dashboard to the assignment's workspace (or feedback). */
export async function openAssignment(page: Page, question: RegExp) {
  if (new URL(page.url()).pathname !== "/dashboard") await page.goto("/dashboard");
  await page.getByTestId("student-assignments").getByRole("link", { name: question }).click();
  await page.waitForURL(/\/assignments\/[^/?]+$/);
}

export type World = { teacher: Account; classroom: { name: string; url: string; joinCode: string }; assignmentUrl: string; question: string };

/**
 * A new teacher with a class, the sample notes and one assignment. Built once per test file
 * (in beforeAll): the steps are the teacher journey's, which its own test already checks.
 */
export async function buildWorld(browser: Browser, o: { className: string; question: string; rubric: string; wordLimit?: number; teacherName?: string }): Promise<World> {
  const { page, errors, context } = await newSession(browser);
  const teacher = await signUpAs(page, "TEACHER", o.teacherName ?? "Ms Test Teacher");
  const classroom = await createClass(page, o.className);
  await importSampleNotes(page);
  const assignmentUrl = await setAssignment(page, classroom.url, o);
  expectNoConsoleErrors(errors);
  await context.close();
  return { teacher, classroom, assignmentUrl, question: o.question };
}

/** A new student who has joined the world's class; the session is left on their dashboard. */
export async function newStudent(browser: Browser, world: World, name: string) {
  const session = await newSession(browser);
  const account = await signUpAs(session.page, "STUDENT", name);
  await joinClass(session.page, world.classroom.joinCode, world.classroom.name);
  return { ...session, account };
}

const accepting = new WeakSet<Page>();
/** Says yes to every confirm() on the page; safe to call twice (a second handler would accept a dialog already accepted). */
export function acceptDialogs(page: Page) {
  if (accepting.has(page)) return;
  accepting.add(page);
  page.on("dialog", (d) => void d.accept());
}

/** Hands the essay in: "Submit essay", then the confirmation dialog's submit button (the dialog may list what the essay leaves out of the plan). */
export async function submitEssay(page: Page) {
  await page.getByRole("button", { name: "Submit essay" }).click();
  await page.getByTestId("submit-dialog-confirm").click();
}

/** Writes the essay in the workspace, waits for it to save, and hands it in. */
export async function writeAndSubmit(page: Page, question: RegExp, essay: string) {
  acceptDialogs(page); // "Submit your essay?"
  await openAssignment(page, question);
  await page.locator(`[data-testid="draft-text"][data-ready]`).fill(essay);
  await page.locator('[data-testid="draft-status"][data-status="saved"]').waitFor();
  await submitEssay(page);
  await page.getByTestId("submitted-banner").waitFor();
}

/** Selects a quote in the essay on the marking desk the way a mouse drag would, by setting the document selection. */
export async function selectQuote(page: Page, quote: string) {
  await page.getByTestId("essay-text").evaluate((essay, q) => {
    const walker = document.createTreeWalker(essay, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let full = "";
    while (walker.nextNode()) {
      nodes.push(walker.currentNode as Text);
      full += (walker.currentNode as Text).data;
    }
    const start = full.indexOf(q);
    if (start < 0) throw new Error(`quote not found: ${q}`);
    const at = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
      throw new Error("offset out of range");
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + q.length));
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, quote);
}

export type BankComment = { quote: string; kind: "STRENGTH" | "TARGET"; text: string };

/**
 * Starts the teacher's comment bank the only way the app offers: annotating an essay on the
 * open marking desk with "Also save to my comment bank" ticked. The rubric must have a single
 * criterion (the form then chooses it), as the holistic schemes do.
 */
export async function annotateIntoBank(page: Page, comments: BankComment[]) {
  for (const c of comments) {
    await selectQuote(page, c.quote);
    await page.getByTestId("annotate-selection").click();
    const form = page.getByTestId("annotation-form");
    await form.getByLabel("Comment", { exact: true }).fill(c.text);
    await form.getByRole("radio", { name: c.kind === "STRENGTH" ? "A strength" : "A target" }).check();
    await form.getByRole("checkbox", { name: "Also save to my comment bank" }).check();
    await form.getByRole("button", { name: "Add annotation" }).click();
    await form.waitFor({ state: "detached" });
  }
  await page.getByTestId("annotation-note").nth(comments.length - 1).waitFor();
}
