// The notification bell's count in the browser (decision 047). The header renders the count
// on the server; this keeps it fresh without a reload: when the window regains focus, when
// the tab becomes visible again, and every minute while it is visible (a hidden tab asks
// nothing). One request at a time. When a refresh cannot be made (offline, a 5xx, a session
// that ended or still waits for its second factor) the last count stays on the bell, marked
// stale, rather than dropping to nothing: a number the person saw a moment ago is more
// useful than an empty bell that looks like "nothing new". Plain code with the clock, the
// fetch and the page's events passed in, so it is unit-tested with fake timers.

export const REFRESH_MS = 60_000;
/** A refresh asked for within this long of the last answer is skipped (focus and visibilitychange arrive together). */
export const MIN_GAP_MS = 2_000;
const TIMEOUT_MS = 10_000;

export type UnreadState = { count: number; stale: boolean };

export type UnreadCounterOptions = {
  initial: number;
  /** GET /api/notifications/unread; may reject (offline) or answer any status. */
  load: (signal: AbortSignal) => Promise<Response>;
  onChange: (state: UnreadState) => void;
  now?: () => number;
};

export type UnreadCounter = {
  state: () => UnreadState;
  /** Asks the server now, unless a request is in flight or one was answered a moment ago. */
  refresh: () => Promise<void>;
  /** A newer count from the server render (after an action revalidated the page): it wins over any answer still on its way. */
  set: (count: number) => void;
};

/** A count the server may send: a whole number, not negative. Anything else is not an answer. */
function countOf(body: unknown): number | null {
  const unread = (body as { unread?: unknown } | null)?.unread;
  return typeof unread === "number" && Number.isInteger(unread) && unread >= 0 ? unread : null;
}

export function createUnreadCounter({ initial, load, onChange, now = Date.now }: UnreadCounterOptions): UnreadCounter {
  let state: UnreadState = { count: initial, stale: false };
  let inFlight: Promise<void> | null = null;
  let answeredAt = -Infinity;
  // Bumped by set(): an answer to a request made before it is older news, and dropped.
  let generation = 0;

  const update = (next: UnreadState) => {
    if (next.count === state.count && next.stale === state.stale) return;
    state = next;
    onChange(state);
  };

  async function ask(): Promise<void> {
    const asked = generation;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let count: number | null = null;
    try {
      const res = await load(controller.signal);
      if (res.ok) count = countOf(await res.json().catch(() => null));
    } catch {
      // Offline, timed out or refused: count stays null, the last one is kept.
    } finally {
      clearTimeout(timer);
    }
    if (asked !== generation) return;
    answeredAt = now();
    update(count === null ? { count: state.count, stale: true } : { count, stale: false });
  }

  return {
    state: () => state,
    refresh() {
      if (inFlight) return inFlight;
      if (now() - answeredAt < MIN_GAP_MS) return Promise.resolve();
      inFlight = ask().finally(() => (inFlight = null));
      return inFlight;
    },
    set(count) {
      generation++;
      answeredAt = now();
      update({ count, stale: false });
    },
  };
}

type Win = Pick<EventTarget, "addEventListener" | "removeEventListener">;
type Doc = Win & { visibilityState: string };

/** Refreshes on focus, on becoming visible, and every REFRESH_MS while visible; returns the stop function. */
export function watchUnread(counter: UnreadCounter, win: Win, doc: Doc): () => void {
  const onFocus = () => void counter.refresh();
  const onVisibility = () => {
    if (doc.visibilityState === "visible") void counter.refresh();
  };
  const timer = setInterval(() => {
    if (doc.visibilityState === "visible") void counter.refresh();
  }, REFRESH_MS);
  win.addEventListener("focus", onFocus);
  doc.addEventListener("visibilitychange", onVisibility);
  return () => {
    clearInterval(timer);
    win.removeEventListener("focus", onFocus);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}

/** What the bell shows: the number, capped. */
export const badgeText = (count: number) => (count > 99 ? "99+" : String(count));

/** The bell link's accessible name: "Notifications, 3 unread". */
export function bellName({ count, stale }: UnreadState): string {
  const unread = count === 0 ? "none unread" : count > 99 ? "more than 99 unread" : `${count} unread`;
  return `Notifications, ${unread}${stale ? " (may be out of date)" : ""}`;
}
