import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, newStudent, QUESTIONS, RUBRICS, signIn, writeAndSubmit, type World } from "./world";

// Issue 17's journey, end to end on the app's own job worker (decision 047): a teacher returns
// feedback on the marking desk; the student, on another page of the app, sees the bell's count
// rise without reloading, opens the notification from the inbox and lands on the feedback.
// Nothing here writes to the database directly: the return sends the event, the worker inside
// the app turns it into the notification (and its email, into the outbox).

const browser = sharedBrowser();
let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12N Notify", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Nell Notify" });
});

it("a student sees the bell count rise when feedback is returned, opens the notification and lands on the feedback", async () => {
  const student = await newStudent(browser(), world, "Noor Notified");
  await writeAndSubmit(student.page, /de-Stalinisation/, "De-Stalinisation mattered to a large extent, but the failure of the Virgin Lands scheme mattered more.");
  await student.page.goto("/dashboard");
  const bell = student.page.getByTestId("notification-bell");
  await bell.waitFor();
  // Whatever the student already has (the new-essay notice may arrive late): the return must add one.
  const before = Number(await bell.getAttribute("data-unread"));

  const teacher = await newSession(browser());
  await signIn(teacher.page, world.teacher);
  await teacher.page.goto(world.assignmentUrl);
  await teacher.page.getByRole("link", { name: "Mark for Noor Notified" }).click();
  await teacher.page.waitForURL(/\/mark$/);
  await teacher.page.getByRole("radio", { name: /Level 3 · 11–15/ }).check();
  await teacher.page.getByLabel(/Mark for Overall quality/).fill("13");
  await teacher.page.getByLabel("What went well").fill("A clear judgement from the first line.");
  await teacher.page.getByLabel("Even better if").fill("Weigh the Virgin Lands against the Secret Speech explicitly.");
  await teacher.page.getByRole("button", { name: /Return to Noor Notified/ }).click();
  await teacher.page.getByRole("button", { name: "Return now" }).click();
  await poll(() => teacher.page.getByTestId("marking-status").textContent()).toContain("Returned to Noor Notified");
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();

  // The student's tab comes back into focus (as when they switch back to it): the bell asks
  // for the count again and shows the new notification; the page was not reloaded.
  await expect
    .poll(
      async () => {
        await student.page.evaluate(() => window.dispatchEvent(new Event("focus")));
        return Number(await bell.getAttribute("data-unread"));
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(before);
  expect(await bell.getByText(/^Notifications, \d+ unread$/).count()).toBe(1);

  await bell.click();
  await student.page.waitForURL(/\/notifications$/);
  const item = student.page.getByTestId("inbox-item").filter({ hasText: "Feedback returned:" });
  expect(await item.getAttribute("data-unread")).toBe("true");
  expect(await item.textContent()).toContain("Ms Nell Notify returned feedback on version 1");
  await item.getByRole("link").click();

  await student.page.waitForURL(/\/assignments\/[^/?]+\?view=version&version=1$/);
  await student.page.getByTestId("scorecard").waitFor();
  expect(await student.page.getByTestId("scorecard-total").textContent()).toContain("13");
  await student.page.getByText("A clear judgement from the first line.").waitFor();
  // Opened, so read: the bell no longer counts it.
  await poll(async () => Number(await student.page.getByTestId("notification-bell").getAttribute("data-unread"))).toBe(before);
  expectNoConsoleErrors(student.errors);
  await student.context.close();
}, 180_000);
