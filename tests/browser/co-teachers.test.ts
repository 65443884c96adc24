import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, selectQuote, signUpAs, writeAndSubmit } from "./world";

const browser = sharedBrowser();
const ESSAY = [
  "De-Stalinisation was an important factor in Khrushchev's fall, but it was not the most significant.",
  "The Secret Speech of February 1956 shocked the party and unsettled the satellite states.",
  "The failures of the Virgin Lands scheme mattered more, because they hurt his standing with the Presidium.",
].join("\n\n");

// Issue 13 part 1 (decision 025): the owner invites a colleague by email, the colleague
// accepts on their dashboard and marks an essay in the shared class, the desk says who marked,
// and once the owner removes them the colleague's pages, desk and export answer 404.
it("an owner invites a second teacher, who accepts from their dashboard and marks in the shared class until removed", async () => {
  const world = await buildWorld(browser(), { className: "12S Shared", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Olive Owner" });
  const student = await newStudent(browser(), world, "Sami Shared");
  await writeAndSubmit(student.page, /de-Stalinisation/, ESSAY);
  expectNoConsoleErrors(student.errors);
  await student.context.close();

  const colleague = await newSession(browser());
  const cole = await signUpAs(colleague.page, "TEACHER", "Mr Cole Colleague");

  // The owner invites: a bad address is refused against its field, then the right one.
  const owner = await newSession(browser());
  await owner.page.goto("/sign-in");
  await owner.page.getByLabel("Email").fill(world.teacher.email);
  await owner.page.getByLabel("Password").fill(world.teacher.password);
  await owner.page.getByRole("button", { name: "Sign in" }).click();
  await owner.page.waitForURL("**/dashboard");
  await owner.page.goto(world.classroom.url);
  const form = owner.page.getByTestId("invite-teacher-form");
  const email = form.getByLabel("Invite a teacher by email");
  await email.fill("not an email");
  await form.getByRole("button", { name: "Invite" }).click();
  await poll(() => form.getByText("Enter a valid email address").count()).toBe(1);
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  expect(await email.inputValue()).toBe("not an email");
  await email.fill(cole.email);
  await form.getByRole("button", { name: "Invite" }).click();
  await form.getByTestId("form-success").waitFor();
  const waiting = owner.page.getByTestId("teacher-invitations").getByRole("listitem");
  await poll(() => waiting.textContent()).toContain(cole.email);
  expect(await waiting.textContent()).toContain("Waiting");
  expect(await waiting.getByLabel(`Invitation link for ${cole.email}`).inputValue()).toMatch(/\/co-teaching\/[A-Za-z0-9_-]{43}$/);

  // The colleague accepts on their dashboard and opens the class.
  await colleague.page.goto("/dashboard");
  const offers = colleague.page.getByTestId("co-teaching-invitations");
  expect(await offers.textContent()).toContain("Ms Olive Owner invited you to teach 12S Shared");
  await offers.getByRole("button", { name: "Accept the invitation to teach 12S Shared" }).click();
  await poll(() => colleague.page.getByTestId("co-teaching-invitations-outcome").textContent()).toContain("You now teach 12S Shared");
  await colleague.page.getByRole("link", { name: "Open the class" }).click();
  await colleague.page.waitForURL(`**${world.classroom.url}`);
  const teachers = colleague.page.getByTestId("class-teachers");
  expect(await teachers.getByTestId("class-teacher").allTextContents()).toEqual([expect.stringContaining("Ms Olive Owner"), expect.stringContaining("Mr Cole Colleague")]);
  expect(await teachers.getByRole("button", { name: "Leave 12S Shared" }).count()).toBe(1);
  expect(await colleague.page.getByTestId("invite-teacher-form").count()).toBe(0);

  // The colleague marks: a comment and a level, saved.
  await colleague.page.goto(world.assignmentUrl);
  await colleague.page.getByRole("link", { name: /for Sami Shared$/ }).first().click();
  await colleague.page.waitForURL(/\/mark$/);
  const deskUrl = colleague.page.url();
  await selectQuote(colleague.page, "The Secret Speech of February 1956");
  await colleague.page.getByTestId("annotate-selection").click();
  const note = colleague.page.getByTestId("annotation-form");
  await note.getByLabel("Comment", { exact: true }).fill("Precise date: now say why it mattered to his fall.");
  await note.getByRole("button", { name: "Add annotation" }).click();
  await note.waitFor({ state: "detached" });
  await colleague.page.getByRole("radio", { name: /Level 3/ }).first().check();
  await colleague.page.getByLabel(/Mark for Overall quality/).fill("13");
  await colleague.page.getByRole("button", { name: "Save progress" }).click();
  await poll(() => colleague.page.getByTestId("marking-status").textContent()).toMatch(/Saved at/);
  await colleague.page.reload();
  expect(await colleague.page.getByTestId("marked-by").textContent()).toMatch(/Marks last saved by Mr Cole Colleague.*Comments by Mr Cole Colleague \(1\)/);
  const csv = await colleague.page.request.get(`${world.classroom.url}/marks.csv`);
  expect(csv.status()).toBe(200);

  // The owner sees who marked, then removes the colleague through the confirm dialog.
  await owner.page.goto(deskUrl);
  expect(await owner.page.getByTestId("shared-marking").textContent()).toContain("Ms Olive Owner, Mr Cole Colleague");
  expect(await owner.page.getByTestId("marked-by").textContent()).toContain("Marks last saved by Mr Cole Colleague");
  await owner.page.goto(world.classroom.url);
  await owner.page.getByRole("button", { name: "Remove Mr Cole Colleague from this class" }).click();
  const dialog = owner.page.getByTestId("remove-teacher-dialog");
  expect(await dialog.textContent()).toContain("The marks and comments they made stay, with their name");
  // Escape cancels; the safe choice has focus.
  expect(await owner.page.evaluate(() => document.activeElement?.textContent)).toBe("Go back");
  await owner.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await owner.page.getByRole("button", { name: "Remove Mr Cole Colleague from this class" }).click();
  await owner.page.getByTestId("remove-teacher-dialog-confirm").click();
  await poll(() => owner.page.getByTestId("class-teacher").count()).toBe(1);

  // At 390 px the Teachers section fits the screen (nothing in it reaches past the right edge).
  await owner.page.setViewportSize({ width: 390, height: 800 });
  const overflowing = await owner.page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="class-teachers"] *')]
      .filter((e) => e.getBoundingClientRect().right > 390)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(overflowing).toEqual([]);

  // The colleague loses access at once: desk, class page, export; the class leaves their dashboard.
  // (The browser logs each refused page load as a 404; those are the only errors allowed from here.)
  expectNoConsoleErrors(colleague.errors);
  expect((await colleague.page.goto(deskUrl))?.status()).toBe(404);
  expect((await colleague.page.goto(world.classroom.url))?.status()).toBe(404);
  expect((await colleague.page.request.get(`${world.classroom.url}/marks.csv`)).status()).toBe(404);
  await colleague.page.goto("/dashboard");
  expect(await colleague.page.getByRole("link", { name: /12S Shared/ }).count()).toBe(0);
  // The owner still sees the colleague's marking, with their name.
  await owner.page.goto(deskUrl);
  expect(await owner.page.getByTestId("marked-by").textContent()).toContain("Marks last saved by Mr Cole Colleague");

  expectNoConsoleErrors(owner.errors);
  expectNoConsoleErrors(colleague.errors.filter((e) => !e.includes("status of 404 (Not Found)")));
  await owner.context.close();
  await colleague.context.close();
}, 240_000);
