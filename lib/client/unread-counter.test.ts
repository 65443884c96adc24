import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { badgeText, bellName, createUnreadCounter, MIN_GAP_MS, REFRESH_MS, watchUnread, type UnreadState } from "./unread-counter";

// The bell's client state machine with fake timers and a fake fetch: what it asks, when, and
// what it shows after each kind of answer.

type Answer = { status: number; body?: unknown } | "offline" | "hang";

function fakeServer() {
  const answers: Answer[] = [];
  const calls: AbortSignal[] = [];
  const load = vi.fn(async (signal: AbortSignal): Promise<Response> => {
    calls.push(signal);
    const a = answers.shift() ?? { status: 200, body: { unread: 0 } };
    if (a === "offline") throw new TypeError("Failed to fetch");
    if (a === "hang") {
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    return new Response(typeof a.body === "string" ? a.body : JSON.stringify(a.body ?? {}), { status: a.status, headers: { "content-type": "application/json" } });
  });
  return { answers, calls, load };
}

function setup(initial = 3) {
  const server = fakeServer();
  const seen: UnreadState[] = [];
  const counter = createUnreadCounter({ initial, load: server.load, onChange: (s) => seen.push(s) });
  return { server, seen, counter };
}

class FakeDocument extends EventTarget {
  visibilityState = "visible";
  become(state: "visible" | "hidden") {
    this.visibilityState = state;
    this.dispatchEvent(new Event("visibilitychange"));
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the unread counter", () => {
  it("starts with the server-rendered count, fresh", () => {
    expect(setup(3).counter.state()).toEqual({ count: 3, stale: false });
  });

  it("takes the server's new count", async () => {
    const { server, seen, counter } = setup(3);
    server.answers.push({ status: 200, body: { unread: 5 } });
    await counter.refresh();
    expect(counter.state()).toEqual({ count: 5, stale: false });
    expect(seen).toEqual([{ count: 5, stale: false }]);
  });

  it.each<[string, Answer]>([
    ["offline", "offline"],
    ["a 500", { status: 500, body: { error: "x" } }],
    ["signed out (401)", { status: 401, body: { error: "Your session has ended." } }],
    ["refused (403)", { status: 403, body: { error: "two-factor" } }],
    ["a body that is not JSON", { status: 200, body: "<html>" }],
    ["a count that is not a count", { status: 200, body: { unread: -1 } }],
    ["no count at all", { status: 200, body: {} }],
  ])("keeps the last count, marked stale, when %s", async (_label, answer) => {
    const { server, counter } = setup(3);
    server.answers.push(answer);
    await counter.refresh();
    expect(counter.state()).toEqual({ count: 3, stale: true });
  });

  it("gives up on a request that hangs after 10 s and keeps the count, stale", async () => {
    const { server, counter } = setup(4);
    server.answers.push("hang");
    const done = counter.refresh();
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(server.calls[0]!.aborted).toBe(true);
    expect(counter.state()).toEqual({ count: 4, stale: true });
  });

  it("is fresh again after the next good answer", async () => {
    const { server, counter } = setup(3);
    server.answers.push("offline", { status: 200, body: { unread: 1 } });
    await counter.refresh();
    vi.advanceTimersByTime(MIN_GAP_MS);
    await counter.refresh();
    expect(counter.state()).toEqual({ count: 1, stale: false });
  });

  it("sends one request at a time, and none again within a moment of an answer", async () => {
    const { server, counter } = setup();
    await Promise.all([counter.refresh(), counter.refresh(), counter.refresh()]);
    expect(server.load).toHaveBeenCalledTimes(1);
    await counter.refresh();
    expect(server.load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MIN_GAP_MS);
    await counter.refresh();
    expect(server.load).toHaveBeenCalledTimes(2);
  });

  it("lets a newer server render win over an answer that was already on its way", async () => {
    const { server, counter } = setup(3);
    let answer!: (r: Response) => void;
    server.load.mockImplementationOnce(() => new Promise<Response>((r) => (answer = r)));
    const pending = counter.refresh();
    counter.set(0); // "Mark all as read" re-rendered the header
    answer(Response.json({ unread: 3 }));
    await pending;
    expect(counter.state()).toEqual({ count: 0, stale: false });
  });
});

describe("watching the page", () => {
  it("refreshes on focus, on becoming visible, and every minute only while visible", async () => {
    const { server, counter } = setup();
    const win = new EventTarget();
    const doc = new FakeDocument();
    const stop = watchUnread(counter, win, doc);

    win.dispatchEvent(new Event("focus"));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.load).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    expect(server.load).toHaveBeenCalledTimes(2);

    doc.become("hidden");
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);
    expect(server.load).toHaveBeenCalledTimes(2);

    doc.become("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.load).toHaveBeenCalledTimes(3);

    stop();
    win.dispatchEvent(new Event("focus"));
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 2);
    expect(server.load).toHaveBeenCalledTimes(3);
  });

  it("focus and visibilitychange arriving together ask once", async () => {
    const { server, counter } = setup();
    const win = new EventTarget();
    const doc = new FakeDocument();
    doc.visibilityState = "hidden";
    const stop = watchUnread(counter, win, doc);
    doc.become("visible");
    win.dispatchEvent(new Event("focus"));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.load).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe("what the bell says", () => {
  it.each([
    [0, "0", "Notifications, none unread"],
    [3, "3", "Notifications, 3 unread"],
    [99, "99", "Notifications, 99 unread"],
    [100, "99+", "Notifications, more than 99 unread"],
  ])("%i: badge %s, name %s", (count, badge, name) => {
    expect(badgeText(count)).toBe(badge);
    expect(bellName({ count, stale: false })).toBe(name);
  });

  it("says when the count may be out of date", () => {
    expect(bellName({ count: 2, stale: true })).toBe("Notifications, 2 unread (may be out of date)");
  });
});
