import { describe, expect, it } from "vitest";
import { renderEmail, mailDomainOf, subjectLine } from "./email";
import { kindsFor, wantsEmail, KINDS } from "./kinds";
import { assignmentSet, classToBeDeleted, dailyDigest, dueSoon, markingReturned, shortQuestion, type DigestClass } from "./messages";
import { reminderTime, REMINDER_LEAD_MS } from "./reminder-time";
import { makeUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "s".repeat(40);
const ZONE = "Europe/London";

describe("unsubscribe tokens", () => {
  it("name the person and the kind, and nothing else reads as valid", () => {
    const token = makeUnsubscribeToken(SECRET, "user-1", "FEEDBACK_RETURNED");
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: "user-1", kind: "FEEDBACK_RETURNED" });
    expect(readUnsubscribeToken("t".repeat(40), token)).toBeNull();
    const [payload, mac] = token.split(".");
    // Someone else's id with this token's signature.
    expect(readUnsubscribeToken(SECRET, `${Buffer.from("user-2:FEEDBACK_RETURNED").toString("base64url")}.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${payload}.`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${payload}.${mac}.x`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, "")).toBeNull();
    expect(readUnsubscribeToken(SECRET, "x".repeat(1000))).toBeNull();
    // A validly signed payload naming no kind we have.
    const odd = Buffer.from("user-1:NOT_A_KIND").toString("base64url");
    const forged = makeUnsubscribeToken(SECRET, "user-1", "DUE_SOON").replace(/^[^.]+/, odd);
    expect(readUnsubscribeToken(SECRET, forged)).toBeNull();
  });
});

describe("kinds and choices", () => {
  it("gives students and teachers their own kinds, emailed by default unless switched off", () => {
    expect(kindsFor("STUDENT").map((k) => k.kind)).toEqual(["ASSIGNMENT_SET", "DUE_SOON", "FEEDBACK_RETURNED", "REDRAFT_ASKED", "TEACHER_REPLIED"]);
    expect(kindsFor("TEACHER").map((k) => k.kind)).toEqual(["DAILY_DIGEST", "STUDENT_RESPONDED", "RESUBMITTED", "CLASS_TO_BE_DELETED"]);
    expect(KINDS.every((k) => k.emailByDefault)).toBe(true);
    expect(wantsEmail("DUE_SOON", [])).toBe(true);
    expect(wantsEmail("DUE_SOON", [{ kind: "DUE_SOON", email: false }])).toBe(false);
    expect(wantsEmail("DUE_SOON", [{ kind: "FEEDBACK_RETURNED", email: false }])).toBe(true);
  });
});

describe("reminder time", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("is a day before the deadline, now when that has passed, and never once it is due", () => {
    const due = new Date("2026-12-05T17:00:00Z");
    expect(reminderTime(due, now)).toEqual(new Date(due.getTime() - REMINDER_LEAD_MS));
    expect(reminderTime(new Date("2026-12-03T09:00:00Z"), now)).toEqual(now);
    expect(reminderTime(now, now)).toBeNull();
    expect(reminderTime(new Date(now.getTime() - 1), now)).toBeNull();
  });
});

describe("messages", () => {
  const essay = { assignmentId: "a1", question: "How far was Khrushchev's fall in 1964 caused by the failure of his agricultural policies?", className: "12H History" };

  it("shortens long questions at a word-ish boundary with an ellipsis", () => {
    expect(shortQuestion("a  b\n c")).toBe("a b c");
    expect(shortQuestion("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
    expect(shortQuestion("Short one")).toBe("Short one");
  });

  it("says when new work is due on the school clock, once per assignment", () => {
    const m = assignmentSet({ ...essay, dueAt: new Date("2026-06-10T16:00:00Z"), setBy: "Ms Hughes" }, ZONE);
    expect(m).toMatchObject({ kind: "ASSIGNMENT_SET", href: "/assignments/a1", dedupeKey: "assignment-set:a1" });
    expect(m.body).toBe("Due Wed 10 Jun, 17:00. Set by Ms Hughes. Start with the planner: weigh the factors, then draft.");
    expect(m.title.startsWith("New essay for 12H History: How far was")).toBe(true);
  });

  it("keys a reminder by its due date, so a moved deadline reminds again", () => {
    const a = dueSoon({ ...essay, dueAt: new Date("2026-06-10T16:00:00Z"), hasDraft: true }, ZONE);
    const b = dueSoon({ ...essay, dueAt: new Date("2026-06-12T16:00:00Z"), hasDraft: false }, ZONE);
    expect(a.dedupeKey).not.toBe(b.dedupeKey);
    expect(a.body).toContain("Your draft is saved");
    expect(b.body).toContain("not started");
  });

  it("leads a returned marking to the version's feedback, as a redraft request when one is asked", () => {
    const v = { ...essay, submissionId: "s1", number: 2, marker: null };
    expect(markingReturned({ ...v, redraft: false })).toMatchObject({ kind: "FEEDBACK_RETURNED", href: "/assignments/a1?view=version&version=2", dedupeKey: "returned:s1" });
    const r = markingReturned({ ...v, redraft: true, marker: "Ms Hughes" });
    expect(r.kind).toBe("REDRAFT_ASKED");
    expect(r.body).toMatch(/^Ms Hughes returned feedback on version 2 and asks you to redraft/);
  });

  it("tells a teacher on the school clock when a closed class goes, keyed by the date", () => {
    const notice = { classroomId: "c1", className: "12H History", deleteAfter: new Date("2027-08-31T23:30:00Z") };
    const m = classToBeDeleted(notice, ZONE);
    // 23:30 UTC is already 1 September in London.
    expect(m).toMatchObject({ kind: "CLASS_TO_BE_DELETED", title: "12H History will be deleted on 1 Sept 2027", href: "/classes/c1" });
    expect(m.body).toContain("Export it before then, or reopen the class to keep it.");
    expect(classToBeDeleted(notice, ZONE).dedupeKey).toBe(m.dedupeKey);
    expect(classToBeDeleted({ ...notice, deleteAfter: new Date("2027-10-01T00:00:00Z") }, ZONE).dedupeKey).not.toBe(m.dedupeKey);
  });

  it("writes a digest per class, skips quiet classes, and says nothing when all are quiet", () => {
    const quiet: DigestClass = { classroomId: "c0", className: "13A History", submitted: 0, late: 0, redrafts: 0, missing: [] };
    const busy: DigestClass = {
      classroomId: "c1",
      className: "12H History",
      submitted: 5,
      late: 1,
      redrafts: 2,
      missing: [{ question: essay.question, dueAt: new Date("2026-06-10T16:00:00Z"), students: 3 }],
    };
    expect(dailyDigest([quiet], "2026-06-12", ZONE)).toBeNull();
    const d = dailyDigest([quiet, busy], "2026-06-12", ZONE)!;
    expect(d.title).toBe("Your daily digest: 5 essays handed in, 3 pieces of work overdue");
    expect(d.body).toBe(`12H History\n- 5 essays handed in (1 late, 2 redrafts).\n- 3 students still to hand in “${shortQuestion(essay.question, 60)}”, due Wed 10 Jun, 17:00.`);
    expect(d.dedupeKey).toBe("digest:2026-06-12");
  });
});

describe("email", () => {
  const input = {
    notificationId: "n1",
    recipientName: "Amira Khan",
    title: "Feedback returned: <script>alert(1)</script>",
    body: "Line one\nline two\n\nSecond paragraph & more",
    openUrl: "https://extent.school.org/notifications/n1",
    unsubscribeUrl: "https://extent.school.org/unsubscribe?token=abc",
    unsubscribePostUrl: "https://extent.school.org/api/unsubscribe?token=abc",
    settingsUrl: "https://extent.school.org/account/notifications",
    kindLabel: "Feedback returned",
    mailDomain: "school.org",
  };

  it("has the same words in its text and HTML parts, escaped in HTML, with RFC 8058 headers", () => {
    const m = renderEmail(input);
    expect(m.subject).toBe("Feedback returned: <script>alert(1)</script>");
    expect(m.text).toContain("Hello Amira,");
    expect(m.text).toContain("Line one\nline two\n\nSecond paragraph & more");
    expect(m.text).toContain("Stop these emails: https://extent.school.org/unsubscribe?token=abc");
    for (const part of [m.text, m.html]) expect(part).toContain("You get these emails because “Feedback returned” is switched on for you in Extent.");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(m.html).toContain("Line one<br>line two</p><p");
    expect(m.html).toContain("Second paragraph &amp; more");
    expect(m.headers).toEqual({
      "List-Unsubscribe": "<https://extent.school.org/api/unsubscribe?token=abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    });
    expect(m.messageId).toBe("<notification-n1@school.org>");
  });

  it("keeps subjects to one short line and finds the sending domain", () => {
    expect(subjectLine("a\nb   c")).toBe("a b c");
    expect(subjectLine("y".repeat(400))).toHaveLength(150);
    expect(mailDomainOf("Extent <no-reply@school.org>")).toBe("school.org");
    expect(mailDomainOf("no-reply@mail.school.org")).toBe("mail.school.org");
    expect(mailDomainOf("nonsense")).toBe("extent.invalid");
  });
});
