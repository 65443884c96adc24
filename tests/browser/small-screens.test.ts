import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { baseURL, expectNoConsoleErrors, newSession, poll, sharedBrowser, signInAs } from "./browser";
import { fillPattern } from "./http";
import { buildWorld, returnFeedback, type Person, type World } from "./http-world";
import { PAGES, type Role } from "./authz-table";
import { selectQuote } from "./world";

// Issue 15 item 6 (decision 044): no page is wider than a phone's screen, and the marking desk
// works on a tablet. Every page of the authorization table is opened by each actor allowed to
// see it (so a page added there is checked here too), plus the head of department's and the
// school admin's pages as the demo's head (read only: nothing of the demo is changed).

const browser = sharedBrowser();
const PHONE = { width: 390, height: 844 };
const TABLETS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 180_000);

/** A browser session carrying the session cookie of an actor the HTTP world signed up. */
async function sessionOf(b: Browser, who: Person | null, options: BrowserContextOptions) {
  const s = await newSession(b, options);
  if (who?.cookie) {
    const [name, value] = who.cookie.split("=") as [string, string];
    await s.context.addCookies([{ name, value, url: baseURL() }]);
  }
  return s;
}

/** Null when the page fits; otherwise how wide it is and the elements that stick out (the ones whose parent does not). */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const edge = doc.clientWidth + 0.5;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.getAttribute("data-testid") ? `[data-testid=${e.getAttribute("data-testid")}]` : ""}${typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""}`;
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const all = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > edge);
    // Outside any scrolling or clipping box if there are such; otherwise (an absolutely placed
    // element escapes its clipping ancestor) every element that sticks out.
    const free = all.filter((e) => !clipped(e));
    const sticking = free.length ? free : all;
    const sources = sticking.filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= edge || e.parentElement === document.body);
    const widest = (sources.length ? sources : sticking).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 3);
    return `${doc.scrollWidth} px wide at ${doc.clientWidth} px; widest: ${widest.map((e) => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`).join("; ")}`;
  });
}

async function expectFits(page: Page, url: string, problems: string[], label: string) {
  const res = await page.goto(url);
  expect(res?.status(), `${label} ${url}`).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  const o = await overflow(page);
  if (o) problems.push(`${label} ${url}: ${o}`);
}

const params = () => ({ classroomId: w.classA, assignmentId: w.assignmentId, studentId: w.S1.id, questionId: w.questionId, topicId: w.topicId, token: "T".repeat(43) });
/** The pages `role` may open, from the authorization table. */
const pagesFor = (role: Role) =>
  Object.entries(PAGES)
    .filter(([, row]) => row.expect !== "internal" && row.expect[role] === "ok")
    .map(([pattern]) => fillPattern(pattern, params()));

it("every page fits a 390 px phone screen, for everyone who may open it", async () => {
  const problems: string[] = [];
  const errors: string[] = [];
  // The page that does not exist answers 404 on purpose; Chromium logs that as an error.
  const keep = (list: string[]) => errors.push(...list.filter((e) => !e.includes("/no-such-page")));
  const actors: [Role, Person | null][] = [
    ["anonymous", null],
    ["studentOf", w.S1],
    ["teacherOf", w.A],
  ];
  for (const [role, who] of actors) {
    const s = await sessionOf(browser(), who, { viewport: PHONE });
    for (const url of [...pagesFor(role), "/no-such-page"]) await expectFits(s.page, url, problems, role);
    // A student who has not handed in: the writable planner and editor.
    if (role === "studentOf") {
      const spare = await sessionOf(browser(), w.S3, { viewport: PHONE });
      await expectFits(spare.page, `/assignments/${w.assignmentId}`, problems, "student writing");
      await spare.page.getByTestId("show-essay").click();
      const o = await overflow(spare.page);
      if (o) problems.push(`student writing, essay view: ${o}`);
      keep(spare.errors);
      await spare.context.close();
    }
    keep(s.errors);
    await s.context.close();
  }

  // The head of department and school admin (the demo's Mr Okoro is both): pages only they see.
  const head = await newSession(browser(), { viewport: PHONE });
  await signInAs(head.page, "hod@extent.demo");
  await head.page.goto("/admin");
  const school = await head.page.locator('a[href^="/admin/"]').first().getAttribute("href");
  expect(school, "the demo head administers a school").toBeTruthy();
  await head.page.goto("/department/moderation");
  const moderation = (await head.page.locator('a[href^="/assignments/"][href$="/moderation"]').count()) ? await head.page.locator('a[href^="/assignments/"][href$="/moderation"]').first().getAttribute("href") : null;
  for (const url of ["/dashboard", "/department", "/department/moderation", "/admin", school!, ...(moderation ? [moderation] : [])]) await expectFits(head.page, url, problems, "head of department");
  keep(head.errors);
  await head.context.close();

  expect(problems, `pages wider than the screen:\n${problems.join("\n")}`).toEqual([]);
  expectNoConsoleErrors(errors);
  // Each page waits for the network to go quiet: some 70 pages now (the notification pages added nine).
}, 180_000);

it("the marking desk fits a tablet either way round, and an annotation can still be added", async () => {
  const desk = `/assignments/${w.assignmentId}/students/${w.S1.id}/mark`;
  const problems: string[] = [];
  for (const viewport of TABLETS) {
    const s = await sessionOf(browser(), w.A, { viewport, hasTouch: true });
    for (const url of [desk, `/classes/${w.classA}/board`, `/assignments/${w.assignmentId}`]) await expectFits(s.page, url, problems, `tablet ${viewport.width}×${viewport.height}`);
    await s.page.goto(desk);
    const before = await s.page.getByTestId("annotation-note").count();
    await selectQuote(s.page, "Economic pressure mattered most");
    await s.page.getByTestId("annotate-selection").click();
    const form = s.page.getByTestId("annotation-form");
    await form.getByLabel("Comment", { exact: true }).fill(`Weigh this against the rivalry (${viewport.width} px).`);
    await form.getByRole("radio", { name: "A target" }).check();
    await form.getByRole("button", { name: "Add annotation" }).click();
    await form.waitFor({ state: "detached" });
    await poll(() => s.page.getByTestId("annotation-note").count()).toBe(before + 1);
    const o = await overflow(s.page);
    if (o) problems.push(`tablet ${viewport.width}×${viewport.height} desk after annotating: ${o}`);
    expectNoConsoleErrors(s.errors);
    await s.context.close();
  }
  expect(problems, `pages wider than the screen:\n${problems.join("\n")}`).toEqual([]);
});

it("after feedback is returned, the student's feedback view fits a phone", async () => {
  await returnFeedback(w);
  const problems: string[] = [];
  const s = await sessionOf(browser(), w.S1, { viewport: PHONE });
  await expectFits(s.page, `/assignments/${w.assignmentId}`, problems, "student after feedback");
  expectNoConsoleErrors(s.errors);
  await s.context.close();
  expect(problems, problems.join("\n")).toEqual([]);
});
