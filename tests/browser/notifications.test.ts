import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bench/app";
import { renderEmail } from "../../lib/notifications/email";
import { makeUnsubscribeToken } from "../../lib/notifications/unsubscribe-token";
import { expectNoAxeViolations } from "./axe";
import { expectNoConsoleErrors, launchBrowser, newSession, poll, signUp } from "./browser";
import { postgresUp, startAppOnOwnDatabase } from "./postgres-service";

// The user-facing side of notifications (decision 047) in the browser: the header's bell and
// its count, the inbox, opening a notification, email settings, the unsubscribe page and the
// developer outbox. Each test signs up its own people through the app; their notifications and
// kept emails are written straight into the database (the jobs that make them are tested in
// tests/integration), so this runs its own app on the PostgreSQL service, whose session secret
// it knows to sign unsubscribe links. Skipped when no service answers (CI always has one).

const available = await postgresUp();
const secret = randomBytes(32).toString("hex");
let stopApp: (() => Promise<void>) | undefined;
let client: pg.Client;
let app: App;
let browser: Browser;

describe.skipIf(!available)("notifications in the browser", () => {
  beforeAll(async () => {
    ({ app, client, stop: stopApp } = await startAppOnOwnDatabase("extent_notify", secret, 1));
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stopApp?.();
  });

  const session = () => newSession(browser, { baseURL: app.origin });

  async function person(page: Page, role: "STUDENT" | "TEACHER", name: string) {
    const { email } = await signUp(page, role, name);
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    return { id: rows[0]!.id, email, name };
  }

  let n = 0;
  async function notify(userId: string, o: { title: string; href?: string; kind?: string; at?: Date; read?: boolean }) {
    const id = `nt${randomBytes(8).toString("hex")}`;
    await client.query(`INSERT INTO "Notification" (id, "userId", kind, title, body, href, "dedupeKey", "createdAt", "readAt") VALUES ($1, $2, $3::"NotificationKind", $4, $5, $6, $7, $8, $9)`, [
      id,
      userId,
      o.kind ?? "FEEDBACK_RETURNED",
      o.title,
      "Your teacher's comments are ready to read.",
      o.href ?? "/dashboard",
      `browser-${n++}`,
      o.at ?? new Date(),
      o.read ? new Date() : null,
    ]);
    return id;
  }

  const bell = (page: Page) => page.getByTestId("notification-bell");
  /** The bell's count after a refresh; a refresh within 2 s of the last is skipped, so focus is sent until it shows. */
  const bellAfterFocus = (page: Page) =>
    poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await page.waitForTimeout(300);
      return bell(page).getAttribute("data-unread");
    });
  // A refresh the test makes fail on purpose is logged by Chromium as a failed resource.
  const unexpected = (errors: string[]) => errors.filter((e) => !/\/api\/notifications\/unread|ERR_INTERNET_DISCONNECTED/.test(e));

  it("the bell rises, opens the inbox, and each notification opens where it leads (only ever on this site), marked read", async () => {
    const { page, errors, context } = await session();
    const nia = await person(page, "STUDENT", "Nia Notified");
    await expect(bell(page).getAttribute("data-unread")).resolves.toBe("0");
    await page.getByRole("link", { name: "Notifications, none unread" }).waitFor();

    const feedback = await notify(nia.id, { title: "Feedback returned on your essay", href: "/dashboard?from=bell" });
    const offsite = await notify(nia.id, { title: "A notification whose link leads off-site", href: "https://evil.example/steal", kind: "ASSIGNMENT_SET", at: new Date(Date.now() - 60_000) });
    await bellAfterFocus(page).toBe("2");
    await page.getByRole("link", { name: "Notifications, 2 unread" }).waitFor();
    expect(await page.getByTestId("notification-badge").textContent()).toBe("2");

    // Offline: the last count stays, marked as possibly out of date; back online it is fresh again.
    await context.setOffline(true);
    await poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await page.waitForTimeout(300);
      return bell(page).getAttribute("data-stale");
    }).toBe("true");
    await page.getByRole("link", { name: "Notifications, 2 unread (may be out of date)" }).waitFor();
    await context.setOffline(false);
    await poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await page.waitForTimeout(300);
      return bell(page).getAttribute("data-stale");
    }).toBeNull();

    await bell(page).click();
    await page.waitForURL("**/notifications");
    const items = page.getByTestId("inbox-item");
    expect(await items.allTextContents()).toEqual([expect.stringMatching(/^Unread\s*Feedback returned on your essay/), expect.stringMatching(/^Unread\s*A notification whose link leads off-site/)]);
    await expectNoAxeViolations(page, "inbox with unread notifications", { soft: true });

    await page.getByRole("link", { name: /Feedback returned on your essay/ }).click();
    await page.waitForURL("**/dashboard?from=bell");
    await page.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
    const read = await client.query(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [feedback]);
    expect(read.rows[0].readAt).not.toBeNull();

    await page.goto("/notifications");
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-unread")))).toEqual(["false", "true"]);
    await page.getByRole("link", { name: /leads off-site/ }).click();
    await page.waitForURL((url) => url.pathname === "/notifications");
    expect(new URL(page.url()).origin).toBe(app.origin);
    await page.getByRole("link", { name: "Notifications, none unread" }).waitFor();
    expect((await client.query(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [offsite])).rows[0].readAt).not.toBeNull();

    // "Mark all as read": a confirmation where the button was, and the bell at once.
    await notify(nia.id, { title: "A new assignment", kind: "ASSIGNMENT_SET" });
    await notify(nia.id, { title: "A deadline tomorrow", kind: "DUE_SOON" });
    await page.goto("/notifications");
    await page.getByRole("link", { name: "Notifications, 2 unread" }).waitFor();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByTestId("form-success").getByText("All marked as read.").waitFor();
    await page.getByRole("link", { name: "Notifications, none unread" }).waitFor();
    await poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute("data-unread")))).toEqual(["false", "false", "false", "false"]);

    // Older pages: 30 to a page, then "Older notifications" and back to the newest.
    for (let i = 0; i < 28; i++) await notify(nia.id, { title: `Old news ${i}`, at: new Date(Date.now() - (i + 10) * 86_400_000), read: true });
    await page.goto("/notifications");
    expect(await items.count()).toBe(30);
    await page.getByRole("link", { name: "Older notifications" }).click();
    await page.waitForURL(/\/notifications\?before=/);
    expect(await items.allTextContents()).toEqual([expect.stringContaining("Old news 26"), expect.stringContaining("Old news 27")]);
    await page.getByRole("link", { name: "Newest" }).click();
    await page.waitForURL((url) => url.pathname === "/notifications" && !url.search);

    expect(unexpected(errors), errors.join("\n")).toEqual([]);
    await context.close();
  });

  it("another person's notification is not found and stays unread; the empty inbox says what will come", async () => {
    const other = await session();
    const omar = await person(other.page, "STUDENT", "Omar Other");
    const theirs = await notify(omar.id, { title: "Omar's feedback" });
    await other.context.close();

    const { page, errors, context } = await session();
    await person(page, "TEACHER", "Ms Tess Teacher");
    await page.goto("/notifications");
    await page.getByText("No notifications yet").waitFor();
    await page.getByText("Daily digest, responses to feedback, resubmissions and classes to be deleted appear here.").waitFor();
    await expectNoAxeViolations(page, "inbox, empty", { soft: true });
    const res = await page.goto(`/notifications/${theirs}`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).not.toContain("Omar's feedback");
    expect((await client.query(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [theirs])).rows[0].readAt).toBeNull();
    // The 404 is logged by Chromium as a failed resource.
    expectNoConsoleErrors(errors.filter((e) => !e.includes(`/notifications/${theirs}`)));
    await context.close();
  });

  it("email settings save with a confirmation; the unsubscribe page asks before it stops anything, and a bad link says so", async () => {
    const { page, errors, context } = await session();
    const uma = await person(page, "STUDENT", "Uma Unsubscriber");
    await page.goto("/account");
    await page.getByRole("link", { name: "Notification settings" }).click();
    await page.waitForURL("**/account/notifications");
    const box = (label: string) => page.getByRole("checkbox", { name: label });
    expect(await box("Deadline reminders").isChecked()).toBe(true);
    await expectNoAxeViolations(page, "notification settings", { soft: true });
    await box("Deadline reminders").uncheck();
    await page.getByRole("button", { name: "Save email settings" }).click();
    await page.getByTestId("form-success").waitFor();
    await expectNoAxeViolations(page, "notification settings, saved", { soft: true });
    await page.reload();
    expect(await box("Deadline reminders").isChecked()).toBe(false);
    expect(await box("Feedback returned").isChecked()).toBe(true);
    const prefs = async () =>
      Object.fromEntries((await client.query<{ kind: string; email: boolean }>(`SELECT kind::text, email FROM "NotificationPreference" WHERE "userId" = $1`, [uma.id])).rows.map((r) => [r.kind, r.email]));
    expect(await prefs()).toMatchObject({ DUE_SOON: false, FEEDBACK_RETURNED: true });

    // The email's link, opened signed out (another device): it asks, and opening it changed nothing.
    const token = makeUnsubscribeToken(secret, uma.id, "FEEDBACK_RETURNED");
    const away = await newSession(browser, { baseURL: app.origin });
    await away.page.goto(`/unsubscribe?token=${encodeURIComponent(token)}`);
    await away.page.getByRole("heading", { name: "Stop emails about feedback returned?" }).waitFor();
    await away.page.getByText(uma.email).waitFor();
    expect((await prefs()).FEEDBACK_RETURNED).toBe(true);
    await expectNoAxeViolations(away.page, "unsubscribe, asking", { soft: true });
    await away.page.getByRole("button", { name: "Stop these emails" }).click();
    const done = away.page.getByTestId("unsubscribed");
    await done.waitFor();
    await poll(() => done.evaluate((e) => e === document.activeElement)).toBe(true);
    expect((await prefs()).FEEDBACK_RETURNED).toBe(false);
    await expectNoAxeViolations(away.page, "unsubscribe, done", { soft: true });
    await away.page.getByRole("link", { name: "Choose which emails you get" }).waitFor();

    // A link altered in transit.
    await away.page.goto(`/unsubscribe?token=${encodeURIComponent(token.slice(0, -3))}xyz`);
    await away.page.getByRole("heading", { name: "This link doesn’t work" }).waitFor();
    expectNoConsoleErrors(away.errors);
    await away.context.close();

    // RFC 8058 one-click, as a mail provider sends it: no cookies, another origin.
    const oneClick = await fetch(`${app.origin}/api/unsubscribe?token=${encodeURIComponent(makeUnsubscribeToken(secret, uma.id, "ASSIGNMENT_SET"))}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect((await prefs()).ASSIGNMENT_SET).toBe(false);
    const bad = await fetch(`${app.origin}/api/unsubscribe?token=nope`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(bad.status).toBe(400);

    await page.reload();
    expect(await box("Feedback returned").isChecked()).toBe(false);
    expect(await box("New assignments").isChecked()).toBe(false);
    expectNoConsoleErrors(errors);
    await context.close();
  });

  it("the developer outbox lists the person's own kept emails and shows one's headers, text and HTML in a sandboxed frame", async () => {
    const { page, errors, context } = await session();
    const olu = await person(page, "STUDENT", "Olu Outbox");
    await page.goto("/outbox");
    await page.getByText("No emails kept for you").waitFor();
    const unsubscribe = `${app.origin}/api/unsubscribe?token=${encodeURIComponent(makeUnsubscribeToken(secret, olu.id, "FEEDBACK_RETURNED"))}`;
    const mail = renderEmail({
      notificationId: "nt-outbox",
      recipientName: olu.name,
      title: "Feedback returned: How far was de-Stalinisation…",
      body: "Ms Hughes returned your essay.",
      openUrl: `${app.origin}/notifications/nt-outbox`,
      unsubscribeUrl: `${app.origin}/unsubscribe?token=x`,
      unsubscribePostUrl: unsubscribe,
      settingsUrl: `${app.origin}/account/notifications`,
      kindLabel: "Feedback returned",
      mailDomain: "extent.invalid",
    });
    const insertMail = (userId: string, to: string) => {
      const id = `om${randomBytes(8).toString("hex")}`;
      return client
        .query(`INSERT INTO "OutboxMail" (id, "userId", "to", subject, text, html, headers) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [id, userId, to, mail.subject, mail.text, mail.html, JSON.stringify({ ...mail.headers, "Message-ID": mail.messageId })])
        .then(() => id);
    };
    const mine = await insertMail(olu.id, olu.email);

    await page.goto("/outbox");
    await page.getByRole("link", { name: mail.subject }).click();
    await page.waitForURL(`**/outbox/${mine}`);
    const headers = page.getByTestId("mail-headers");
    await headers.getByText("List-Unsubscribe-Post").waitFor();
    expect(await headers.textContent()).toContain(`<${unsubscribe}>`);
    expect(await page.getByTestId("mail-text").textContent()).toContain("Stop these emails: ");
    const frame = page.getByTestId("mail-html");
    expect(await frame.getAttribute("sandbox")).toBe("");
    // The email's inline styles apply inside the frame (the page's policy allows style attributes, and logs no violation).
    const inside = page.frames().find((f) => f !== page.mainFrame());
    await poll(async () => inside?.evaluate(() => getComputedStyle([...document.querySelectorAll("a")].find((a) => a.textContent === "Open in Extent")!).backgroundColor)).toBe("rgb(67, 56, 202)");
    await expectNoAxeViolations(page, "an email in the developer outbox", { soft: true });

    // Someone else's kept email is not found.
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE id <> $1 LIMIT 1`, [olu.id]);
    const theirs = await insertMail(rows[0]!.id, "someone@example.test");
    expect((await page.goto(`/outbox/${theirs}`))?.status()).toBe(404);
    // Axe injects its script into every frame; the empty sandbox refusing it is the point. The 404 is logged as a failed resource.
    expectNoConsoleErrors(errors.filter((e) => !e.includes(`/outbox/${theirs}`) && !/^Blocked script execution in 'about:srcdoc'/.test(e)));
    await context.close();
  });
});
