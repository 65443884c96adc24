import { expect, it } from "vitest";
import { baseURL, expectNoConsoleErrors, newSession, poll, signUp, sharedBrowser, uniqueEmail } from "./browser";

const browser = sharedBrowser();

it("a teacher imports a roster: a bad row is reported first, then everyone is invited; an existing student accepts on the dashboard, a new one joins through their link", async () => {
  // A student who already has an account.
  const existing = await newSession(browser());
  const { email: amiraEmail } = await signUp(existing.page, "STUDENT", "Amira Existing");

  const teacher = await newSession(browser());
  const { page } = teacher;
  await teacher.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL() });
  await signUp(page, "TEACHER", "Ms Hughes");
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill("12H History");
  await page.getByLabel("Year group").fill("Year 12");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  await page.getByRole("link", { name: "Import a roster (CSV)" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\/roster$/);

  // A row without a name: nothing is imported and the pasted text is kept.
  const newEmail = uniqueEmail("zoe");
  const bad = `name,email\nAmira Existing,${amiraEmail}\nZoë Nowak,${newEmail}\n,broken@example.test\n`;
  const box = page.getByLabel("…or paste the list");
  await box.fill(bad);
  await page.getByRole("button", { name: "Import roster" }).click();
  await expect.poll(() => page.getByTestId("roster-errors").textContent()).toContain("Line 4: The name is missing.");
  expect(await page.getByTestId("roster-errors").textContent()).toContain("Nothing was imported");
  expect(await box.inputValue()).toBe(bad);
  expect(await box.getAttribute("aria-invalid")).toBe("true");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("roster-errors");
  expect(await page.getByText("No invitations waiting").count()).toBe(1);

  // The fixed list, uploaded as a file.
  const fixed = `name,email\nAmira Existing,${amiraEmail}\nZoë Nowak,${newEmail}\n`;
  await page.getByLabel("Upload a CSV file").setInputFiles({ name: "12H.csv", mimeType: "text/csv", buffer: Buffer.from(fixed, "utf8") });
  await expect.poll(() => page.getByTestId("roster-file-message").textContent()).toContain("Read 12H.csv");
  expect(await box.inputValue()).toBe(fixed);
  await page.getByRole("button", { name: "Import roster" }).click();
  await expect.poll(() => page.getByTestId("roster-results").count()).toBe(1);
  // Both rows read the same: invited, each with a link; nobody has joined.
  const invitedList = await page.getByTestId("roster-invited").textContent();
  expect(invitedList).toContain("Amira Existing");
  expect(invitedList).toContain("Zoë Nowak");
  expect(await page.getByTestId("roster-summary").textContent()).toContain("2 invited, 0 already in the class");
  expect(await page.getByTestId("roster-invited").getByRole("button", { name: /Copy link for/ }).count()).toBe(2);
  expect(await page.getByTestId("roster-errors").count()).toBe(0);

  // Copy Zoë's link; the pending list shows the same one.
  const link = await page.getByTestId("roster-invited").getByLabel("Invitation link for Zoë Nowak").inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL().replace(/\./g, "\\.")}/sign-up\\?invite=[A-Za-z0-9_-]{43}$`));
  await page.getByTestId("roster-invited").getByRole("button", { name: "Copy link for Zoë Nowak" }).click();
  await expect.poll(() => page.getByTestId("roster-invited").getByText("Copied").count()).toBe(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect.poll(() => page.getByTestId("pending-invitations").textContent()).toContain(newEmail);

  // Amira is not in the class until she says so: her dashboard offers the invitation.
  await existing.page.goto("/dashboard");
  expect(await existing.page.getByTestId("student-classes").count()).toBe(0);
  expect(await existing.page.getByTestId("class-invitations").textContent()).toContain("Ms Hughes invited you to join 12H History.");
  await existing.page.getByRole("button", { name: "Accept the invitation to 12H History" }).click();
  await poll(() => existing.page.getByTestId("class-invitations-outcome").textContent()).toBe("You have joined 12H History.");
  expect(await existing.page.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid="class-invitations-outcome"]')))).toBe(true);
  await poll(() => existing.page.getByTestId("student-classes").textContent()).toContain("12H History");
  expect(await existing.page.getByRole("button", { name: /Accept the invitation/ }).count()).toBe(0);

  // Zoë opens the link in her own browser and signs up.
  const zoe = await newSession(browser());
  await zoe.page.goto(link);
  expect(await zoe.page.getByTestId("invitation-heading").textContent()).toBe("Join 12H History (Ms Hughes)");
  expect(await zoe.page.getByLabel("Your name").inputValue()).toBe("Zoë Nowak");
  expect(await zoe.page.getByLabel("Email").inputValue()).toBe(newEmail);
  expect(await zoe.page.getByRole("radio").count()).toBe(0);
  await zoe.page.getByLabel("Password").fill("a long enough password");
  await zoe.page.getByRole("button", { name: "Create account and join" }).click();
  await zoe.page.waitForURL("**/dashboard");
  await expect.poll(() => zoe.page.getByTestId("student-classes").textContent()).toContain("12H History");
  expect(await zoe.page.getByTestId("student-classes").textContent()).toContain("Ms Hughes");

  // The link is spent; the class now has both students.
  const late = await newSession(browser());
  await late.page.goto(link);
  expect(await late.page.getByTestId("invitation-unusable").count()).toBe(1);
  expect(await late.page.getByRole("heading", { level: 1 }).textContent()).toBe("Create an account");

  await page.reload();
  expect(await page.getByText("No invitations waiting").count()).toBe(1);
  await page.getByRole("link", { name: /Back to 12H History/ }).click();
  await expect.poll(() => page.getByRole("cell", { name: "Zoë Nowak", exact: true }).count()).toBe(1);
  expect(await page.getByRole("cell", { name: "Amira Existing", exact: true }).count()).toBe(1);

  for (const s of [existing, teacher, zoe, late]) {
    expectNoConsoleErrors(s.errors);
    await s.context.close();
  }
});

it("a student who is already signed in joins from an invitation link with one click", async () => {
  const teacher = await newSession(browser());
  const { page } = teacher;
  await signUp(page, "TEACHER", "Mr Okafor");
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill("13K History");
  await page.getByLabel("Year group").fill("Year 13");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  await page.getByRole("link", { name: "Import a roster (CSV)" }).click();
  await page.getByLabel("…or paste the list").fill(`name,email\nSam Lee,${uniqueEmail("sam")}\n`);
  await page.getByRole("button", { name: "Import roster" }).click();
  const link = await page.getByTestId("roster-invited").getByLabel("Invitation link for Sam Lee").inputValue();

  const sam = await newSession(browser());
  await signUp(sam.page, "STUDENT", "Sam Lee");
  await sam.page.goto(link);
  expect(await sam.page.getByTestId("invitation-heading").textContent()).toBe("Join 13K History (Mr Okafor)");
  await sam.page.getByRole("button", { name: "Join 13K History" }).click();
  await sam.page.waitForURL("**/dashboard");
  await expect.poll(() => sam.page.getByTestId("student-classes").textContent(), { timeout: 10_000 }).toContain("13K History");

  for (const s of [teacher, sam]) {
    expectNoConsoleErrors(s.errors);
    await s.context.close();
  }
});

it("a student declines an invitation on the dashboard: they are not in the class and the teacher sees only \"Declined\"", async () => {
  const student = await newSession(browser());
  const { email } = await signUp(student.page, "STUDENT", "Dee Clined");

  const teacher = await newSession(browser());
  const { page } = teacher;
  await signUp(page, "TEACHER", "Mr Stranger");
  await page.goto("/classes/new");
  await page.getByLabel("Class name").fill("Not Your Class");
  await page.getByLabel("Year group").fill("Year 12");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/classes\/[^/?]+\?created=1/);
  await page.getByRole("link", { name: "Import a roster (CSV)" }).click();
  await page.getByLabel("…or paste the list").fill(`name,email\nDee Clined,${email}\n`);
  await page.getByRole("button", { name: "Import roster" }).click();
  await poll(() => page.getByTestId("roster-summary").textContent()).toContain("1 invited");

  await student.page.reload();
  await student.page.getByRole("button", { name: "Decline the invitation to Not Your Class" }).click();
  await poll(() => student.page.getByTestId("class-invitations-outcome").textContent()).toBe("You declined the invitation to Not Your Class.");
  await poll(() => student.page.getByRole("button", { name: /the invitation to Not Your Class/ }).count()).toBe(0);
  expect(await student.page.getByTestId("student-classes").count()).toBe(0);
  expect(await student.page.getByTestId("student-assignments").count()).toBe(0);

  await page.reload();
  const row = page.getByTestId("pending-invitations").getByRole("listitem");
  expect(await row.textContent()).toContain("Declined");
  expect(await row.getByRole("button", { name: /Copy link/ }).count()).toBe(0);

  for (const s of [student, teacher]) {
    expectNoConsoleErrors(s.errors);
    await s.context.close();
  }
});
