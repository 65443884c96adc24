import { randomBytes, randomUUID } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { postgresUp, startAppOnOwnDatabase } from "./postgres-service";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bench/app";
import { ROLE, startPlatform, type Platform } from "../lti/platform";
import { expectNoConsoleErrors, launchBrowser } from "./browser";

// An LTI launch inside the LMS's iframe with third-party cookies blocked (decision 036). The
// platform stand-in's course page (http://localhost:P) frames the tool (http://127.0.0.1:Q),
// another site, in Playwright's default context, which blocks third-party cookies; a control
// frame proves the block is on. The launch must still verify (its state cookie is
// Partitioned), open an LTI session in the frame, show the class, and offer "Open in a new
// tab", which gives an ordinary session in a top-level tab. The platform's URLs live in the
// database, so this test runs its own app on the PostgreSQL service (like the autosave
// fast-path test) and registers the platform there; skipped when no service answers.



/** A frame on the tool's site that sets an unpartitioned SameSite=None cookie, then reports whether it came back. */
async function startCookieProbe() {
  const server = createHttpServer((req, res) => {
    const back = /(^|; )probe=1/.test(req.headers.cookie ?? "");
    res.writeHead(200, { "content-type": "text/html", "set-cookie": "probe=1; Path=/; SameSite=None; Secure; Max-Age=600" });
    res.end(`<!doctype html><title>probe</title><p id="probe">${back ? "cookie-sent" : "cookie-not-sent"}</p>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const available = await postgresUp();
const secret = randomBytes(32).toString("hex");
let stopApp: (() => Promise<void>) | undefined;
let client: pg.Client;
let app: App;
let platform: Platform;
let browser: Browser;
let probe: Awaited<ReturnType<typeof startCookieProbe>>;

describe.skipIf(!available)("an LTI launch in the LMS's iframe", () => {
  beforeAll(async () => {
    ({ app, client, stop: stopApp } = await startAppOnOwnDatabase("extent_lti", secret, 1));
    platform = await startPlatform({ host: "localhost" });
    probe = await startCookieProbe();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await probe?.close();
    await platform?.close();
    await stopApp?.();
  });

  it("verifies, signs the teacher in inside the frame and shows the class, with third-party cookies blocked; 'Open in a new tab' continues top-level", async () => {
    const { clientId, deploymentId } = platform.addTool({ toolOrigin: app.origin });
    const schoolId = `school-${randomUUID()}`;
    const registrationId = `reg-${randomUUID()}`;
    await client.query(`INSERT INTO "School" (id, name) VALUES ($1, 'Frame School')`, [schoolId]);
    await client.query(
      `INSERT INTO "LtiRegistration" (id, "schoolId", issuer, "clientId", "authUrl", "tokenUrl", "jwksUrl") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [registrationId, schoolId, platform.issuer, clientId, platform.authUrl, platform.tokenUrl, platform.jwksUrl],
    );
    await client.query(`INSERT INTO "LtiDeployment" (id, "registrationId", "deploymentId", "schoolId") VALUES ($1, $2, $3, $4)`, [`dep-${randomUUID()}`, registrationId, deploymentId, schoolId]);

    const context = await browser.newContext();
    const errors: string[] = [];
    context.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    // Control: in this context a frame of the tool's site under the LMS page gets no third-party cookie back.
    await page.goto(`${platform.base}/course?launch=${encodeURIComponent(probe.url)}`);
    await expect.poll(() => page.frameLocator("iframe").locator("#probe").textContent()).toBe("cookie-not-sent");
    await page.goto(`${platform.base}/course?launch=${encodeURIComponent(probe.url)}`);
    await expect.poll(() => page.frameLocator("iframe").locator("#probe").textContent()).toBe("cookie-not-sent");

    const teacher = { id: `t-${randomUUID()}`, name: "Frida Frame", email: `frida-${randomUUID()}@hill.example`, roles: [ROLE.instructor] };
    const launch = platform.loginInitiation({ clientId, deploymentId, user: teacher, context: { id: "course-frame", label: "HIST13", title: "Framed History" }, type: "LtiResourceLinkRequest", resourceLink: { id: "rl-home" } });
    await page.goto(`${platform.base}/course?launch=${encodeURIComponent(launch)}`);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("heading", { name: "Framed History" }).waitFor({ timeout: 20_000 });
    await frame.getByText("You are using Extent inside your course.").waitFor();
    const inFrame = page.frames().find((f) => f.url().startsWith(app.origin))!;
    expect(new URL(inFrame.url()).pathname).toMatch(/^\/classes\/[^/]+$/);

    // The session in the frame is the LTI one, in a cookie partitioned under the LMS's site.
    const cookies = await context.cookies(app.origin);
    expect(cookies.map((c) => c.name)).not.toContain("extent_session");
    expect(cookies.find((c) => c.name === "extent_lti_session")).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });

    // "Open in a new tab": an ordinary session, top-level, on the same page.
    const link = frame.getByRole("link", { name: /Open in a new tab/ });
    const href = (await link.getAttribute("href"))!;
    const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
    await tab.waitForLoadState();
    await expect.poll(() => new URL(tab.url()).pathname).toBe(new URL(inFrame.url()).pathname);
    await tab.getByRole("heading", { name: "Framed History" }).waitFor();
    expect((await context.cookies(app.origin)).map((c) => c.name)).toContain("extent_session");
    // The one-time link is spent.
    const again = await context.request.get(new URL(href, app.origin).href, { maxRedirects: 0 });
    expect(again.status()).toBe(404);

    expectNoConsoleErrors(errors);
    await context.close();
  });
});
