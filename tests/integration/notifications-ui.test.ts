import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/sessions";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { listNotifications, markAllRead, markRead, openNotification, unreadCount } from "@/lib/notifications/inbox";
import { cursorParam, parseCursor } from "@/lib/notifications/inbox-cursor";
import { getEmailChoices, setEmailChoices, unsubscribeTokenFor } from "@/lib/notifications/preferences";
import { EmailPreferencesFormSchema } from "@/lib/notifications/schemas";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { makeStudent, makeTeacher } from "../factories";

// The user-facing side of notifications (decision 047) on a real database: the inbox is the
// person's own and pages without losing any; email choices save as ticked; and the RFC 8058
// one-click unsubscribe route, called as a mail provider calls it (no cookies, no session,
// another origin), at its boundary.

let seq = 0;
async function notify(user: SessionUser, o: Partial<{ kind: NotificationKind; title: string; href: string; createdAt: Date; readAt: Date }> = {}) {
  seq++;
  return db().notification.create({
    data: { userId: user.id, kind: o.kind ?? "FEEDBACK_RETURNED", title: o.title ?? `Feedback ${seq}`, href: o.href ?? "/dashboard", dedupeKey: `test-${seq}`, createdAt: o.createdAt, readAt: o.readAt },
  });
}

async function refusal(attempt: Promise<unknown>) {
  const e = await attempt.then(
    () => expect.fail("expected a refusal"),
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw e;
  return { status: e.status, message: e.message };
}

describe("the inbox is the person's own", () => {
  it("lists only their notifications; another person's is not found, and stays unread, whatever is tried", async () => {
    const amira = await makeStudent();
    const ben = await makeStudent();
    const mine = await notify(amira, { title: "Amira's feedback" });
    const theirs = await notify(ben, { title: "Ben's feedback" });

    expect((await listNotifications(amira)).items.map((n) => n.title)).toEqual(["Amira's feedback"]);
    expect(await refusal(openNotification(amira, theirs.id))).toEqual({ status: 404, message: "That notification could not be found." });
    expect(await markRead(amira, [theirs.id])).toBe(0);
    expect(await markAllRead(amira)).toBe(1);
    expect(await db().notification.findUniqueOrThrow({ where: { id: theirs.id }, select: { readAt: true } })).toEqual({ readAt: null });
    expect(await unreadCount(ben.id)).toBe(1);
    expect((await db().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
  });

  it("opening marks read once and says where it leads; the bell's count follows", async () => {
    const amira = await makeStudent();
    const n = await notify(amira, { href: "/assignments/abc" });
    await notify(amira);
    expect(await unreadCount(amira.id)).toBe(2);
    expect(await openNotification(amira, n.id)).toEqual({ href: "/assignments/abc" });
    const readAt = (await db().notification.findUniqueOrThrow({ where: { id: n.id } })).readAt;
    expect(readAt).not.toBeNull();
    await openNotification(amira, n.id);
    expect((await db().notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toEqual(readAt);
    expect(await unreadCount(amira.id)).toBe(1);
  });

  it("pages newest first by the ?before= cursor without losing or repeating any, even in one millisecond", async () => {
    const amira = await makeStudent();
    const at = new Date("2026-11-30T09:00:00.000Z");
    for (let i = 0; i < 35; i++) await notify(amira, { createdAt: i < 32 ? at : new Date(at.getTime() + i * 1000) });
    const first = await listNotifications(amira);
    expect(first.items).toHaveLength(30);
    expect(first.more).toBe(true);
    expect(first.items.slice(0, 3).map((n) => n.createdAt.getTime())).toEqual([34, 33, 32].map((i) => at.getTime() + i * 1000));
    const second = await listNotifications(amira, { before: parseCursor(cursorParam(first.items.at(-1)!))! });
    expect(second.more).toBe(false);
    const all = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(all).size).toBe(35);
  });

  it("counts unread up to 100, the most the bell tells apart ('99+')", async () => {
    const amira = await makeStudent();
    await db().notification.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({ userId: amira.id, kind: "ASSIGNMENT_SET" as const, title: `Set ${i}`, href: "/dashboard", dedupeKey: `many-${i}` })),
    });
    expect(await unreadCount(amira.id)).toBe(100);
  });
});

/** The form as the page posts it: its marker, and the ticked boxes as they arrive. */
const form = (fields: Record<string, unknown>) => EmailPreferencesFormSchema.parse({ form: "email-preferences", ...fields });

describe("email choices", () => {
  it("a student's form saves the ticked kinds, as none, one or several boxes arrive", async () => {
    const amira = await makeStudent();
    const emailed = async () => (await getEmailChoices(amira)).filter((c) => c.email).map((c) => c.kind);
    expect(await emailed()).toEqual(["ASSIGNMENT_SET", "DUE_SOON", "FEEDBACK_RETURNED", "REDRAFT_ASKED", "TEACHER_REPLIED"]);

    await setEmailChoices(amira, form({ email: "FEEDBACK_RETURNED" }));
    expect(await emailed()).toEqual(["FEEDBACK_RETURNED"]);
    await setEmailChoices(amira, form({ email: ["DUE_SOON", "TEACHER_REPLIED"] }));
    expect(await emailed()).toEqual(["DUE_SOON", "TEACHER_REPLIED"]);
    await setEmailChoices(amira, form({}));
    expect(await emailed()).toEqual([]);
  });

  it("a teacher chooses among teachers' kinds; another role's kind is refused and nothing changes", async () => {
    const teacher = await makeTeacher();
    expect((await getEmailChoices(teacher)).map((c) => c.kind)).toEqual(["DAILY_DIGEST", "STUDENT_RESPONDED", "RESUBMITTED", "CLASS_TO_BE_DELETED"]);
    const refused = await refusal(setEmailChoices(teacher, form({ email: ["DAILY_DIGEST", "FEEDBACK_RETURNED"] })));
    expect(refused.status).toBe(400);
    expect(await db().notificationPreference.count({ where: { userId: teacher.id } })).toBe(0);
    expect(EmailPreferencesFormSchema.safeParse({ form: "email-preferences", email: ["NOT_A_KIND"] }).success).toBe(false);
    // A body that is not the form (no marker) is refused, not read as "no boxes ticked".
    expect(EmailPreferencesFormSchema.safeParse({}).success).toBe(false);
    expect(EmailPreferencesFormSchema.safeParse({ "\u0000": "x" }).success).toBe(false);
  });
});

describe("one-click unsubscribe (RFC 8058) at its route", () => {
  const ORIGIN = "http://127.0.0.1:3000";
  const oneClick = (query: string, headers: Record<string, string> = {}) =>
    unsubscribePost(
      new Request(`${ORIGIN}/api/unsubscribe${query}`, {
        method: "POST",
        // As a mail provider sends it: a form body, another origin, no cookies.
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example", ...headers },
        body: "List-Unsubscribe=One-Click",
      }),
    );

  it("turns that one kind off for the person the token names, with no session; again is harmless", async () => {
    const amira = await makeStudent();
    const token = unsubscribeTokenFor(amira.id, "FEEDBACK_RETURNED");
    const res = await oneClick(`?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain('no more emails about "Feedback returned"');
    const choices = await getEmailChoices(amira);
    expect(choices.filter((c) => !c.email).map((c) => c.kind)).toEqual(["FEEDBACK_RETURNED"]);
    expect((await oneClick(`?token=${encodeURIComponent(token)}`)).status).toBe(200);
  });

  it("a missing, altered, truncated, made-up or stale token is a 400 and changes nothing", async () => {
    const amira = await makeStudent();
    const gone = await makeStudent();
    const token = unsubscribeTokenFor(amira.id, "DUE_SOON");
    const goneToken = unsubscribeTokenFor(gone.id, "DUE_SOON");
    await db().user.delete({ where: { id: gone.id } });
    const [payload, signature] = token.split(".") as [string, string];
    const otherPayload = Buffer.from(`${amira.id}:FEEDBACK_RETURNED`).toString("base64url");
    for (const query of [
      "",
      "?token=",
      `?token=${encodeURIComponent(token.slice(0, -2))}`,
      `?token=${encodeURIComponent(`${otherPayload}.${signature}`)}`,
      `?token=${encodeURIComponent(`${payload}.${signature}.x`)}`,
      `?token=${"a".repeat(5000)}`,
      "?token=%00%FF",
      `?token=${encodeURIComponent(goneToken)}`,
    ]) {
      const res = await oneClick(query);
      expect(res.status, query.slice(0, 60)).toBe(400);
      expect(await res.text()).toMatch(/not valid/);
    }
    expect(await db().notificationPreference.count()).toBe(0);
  });

  it("GET never unsubscribes (mail scanners open links): it is a 303 to the page that asks", async () => {
    const amira = await makeStudent();
    const token = unsubscribeTokenFor(amira.id, "DUE_SOON");
    const res = unsubscribeGet(new Request(`${ORIGIN}/api/unsubscribe?token=${encodeURIComponent(token)}`));
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/unsubscribe");
    expect(to.searchParams.get("token")).toBe(token);
    expect(await db().notificationPreference.count()).toBe(0);
  });
});
