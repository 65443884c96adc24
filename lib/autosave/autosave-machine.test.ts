import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave, type AutosaveOptions, type Transport } from "./autosave-machine";
import { DRAFT_KEY as KEY, fakeDraftServer, memoryStorage, parseConflict, tick, timers, type FakeDraftServer } from "./fake-draft-server";

function draftMachine(server: FakeDraftServer, storage = memoryStorage(), extra: Partial<AutosaveOptions<string>> = {}) {
  const m = createAutosave<string>({
    url: "/api/assignments/a/draft",
    storageKey: KEY,
    initial: { value: server.state.text, revision: server.state.revision },
    body: (text, baseRevision, checkpoint) => ({ text, baseRevision, checkpoint }),
    parseConflict,
    fetch: server.fetch,
    timers,
    storage,
    ...extra,
  });
  m.start();
  return { m, storage, status: () => m.getSnapshot().status.kind, local: () => JSON.parse(storage.data.get(KEY) ?? "null") as { value: string; baseRevision: number } | null };
}


beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("saving", () => {
  it("goes idle → dirty → saving → saved, debounced, carrying the base revision; the local copy lasts until confirmed", async () => {
    const server = fakeDraftServer("", 1);
    const { m, status, local } = draftMachine(server);
    expect(status()).toBe("idle");
    m.setValue("The");
    m.setValue("The Secret Speech");
    expect(status()).toBe("dirty");
    expect(local()).toMatchObject({ value: "The Secret Speech", baseRevision: 1 });
    await tick(1199);
    expect(server.sent).toEqual([]);
    server.hold();
    await tick(1);
    expect(status()).toBe("saving");
    expect(server.sent).toEqual([{ text: "The Secret Speech", baseRevision: 1 }]);
    expect(local()).not.toBeNull();
    server.release();
    await tick();
    expect(status()).toBe("saved");
    expect(m.baseRevision()).toBe(2);
    expect(local()).toBeNull();
  });

  it("an edit made while a save is in flight is saved next, on the new revision", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.hold();
    m.setValue("One.");
    await tick(1200);
    m.setValue("One. Two.");
    expect(status()).toBe("saving");
    server.release();
    await tick();
    expect(status()).toBe("dirty");
    await tick(1200);
    expect(server.sent.map((s) => [s.text, s.baseRevision])).toEqual([["One.", 1], ["One. Two.", 2]]);
    expect(status()).toBe("saved");
    expect(server.state.text).toBe("One. Two.");
  });

  it("typing back to the saved text sends nothing", async () => {
    const server = fakeDraftServer("Same", 4);
    const { m, status, local } = draftMachine(server);
    m.setValue("Samey");
    m.setValue("Same");
    await tick(1200);
    expect(server.sent).toEqual([]);
    expect(status()).toBe("saved");
    expect(local()).toBeNull();
  });

  it("carries a checkpoint with the next save only, and keeps it through a failed attempt", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    server.reply("network");
    m.setValue("Outline", { checkpoint: "outline" });
    m.setValue("Outline typed");
    await tick(1200);
    await tick(2000);
    m.setValue("Outline typed more");
    await tick(1200);
    expect(server.sent.map((s) => s.checkpoint)).toEqual(["outline", "outline", undefined]);
  });

  it("a paste does not downgrade a pending outline checkpoint", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    m.setValue("Outline", { checkpoint: "outline" });
    m.setValue("Outline pasted", { checkpoint: "paste" });
    await tick(1200);
    expect(server.sent[0]!.checkpoint).toBe("outline");
  });
});

describe("offline and server errors", () => {
  it("retries a network failure with capped exponential back-off, keeping the local copy", async () => {
    const server = fakeDraftServer();
    const { m, status, local } = draftMachine(server);
    server.reply("network", "network", "network", "network", "network", "network");
    m.setValue("Kept safe.");
    await tick(1200);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = m.getSnapshot().status;
      expect(s.kind).toBe("offline");
      waits.push(s.kind === "offline" ? s.retryIn : -1);
      expect(local()).toMatchObject({ value: "Kept safe." });
      await tick(waits[i]! * 1000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 30, 30]);
    expect(local()).toBeNull();
    expect(status()).toBe("saved");
    expect(server.state.text).toBe("Kept safe.");
  });

  it("edits while offline wait for the back-off rather than hammering the server", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply("network");
    m.setValue("A");
    await tick(1200);
    m.setValue("AB");
    await tick(1200);
    expect(server.sent).toHaveLength(1);
    expect(status()).toBe("offline");
    await tick(800);
    expect(server.state.text).toBe("AB");
  });

  it("retries at once when the browser comes back online", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply("network", "network");
    m.setValue("Back soon.");
    await tick(1200);
    await tick(2000);
    expect(m.getSnapshot().status).toMatchObject({ kind: "offline", retryIn: 4 });
    m.online();
    await tick(0);
    expect(status()).toBe("saved");
    expect(server.sent).toHaveLength(3);
  });

  it("retries a 5xx, saying the server had a problem", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply({ status: 500, body: { error: "Something went wrong on our side." } }, { status: 503 });
    m.setValue("Resilient.");
    await tick(1200);
    expect(m.getSnapshot().status).toMatchObject({ kind: "offline", retryIn: 2, serverError: "Something went wrong on our side." });
    await tick(2000);
    expect(m.getSnapshot().status).toMatchObject({ kind: "offline", retryIn: 4 });
    await tick(4000);
    expect(status()).toBe("saved");
  });

  it("treats a request that never answers as offline", async () => {
    const server = fakeDraftServer();
    const hanging: Transport = (_u, init) => new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const real = server.fetch;
    let calls = 0;
    const m2 = createAutosave<string>({ ...optionsOf(server), fetch: (u, i) => (calls++ === 0 ? hanging(u, i) : real(u, i)), requestTimeoutMs: 5000 });
    m2.setValue("Patient.");
    await tick(1200 + 5000);
    expect(m2.getSnapshot().status.kind).toBe("offline");
    await tick(2000);
    expect(m2.getSnapshot().status.kind).toBe("saved");
  });
});

function optionsOf(server: FakeDraftServer): AutosaveOptions<string> {
  return {
    url: "/x",
    storageKey: KEY,
    initial: { value: server.state.text, revision: server.state.revision },
    body: (text, baseRevision) => ({ text, baseRevision }),
    parseConflict: (c) => ({ value: (c as { text: string }).text, revision: (c as { revision: number }).revision }),
    fetch: server.fetch,
    timers,
    storage: memoryStorage(),
  };
}

describe("refusals", () => {
  it.each([400, 413, 422])("a %i refusal shows the server's message and field errors, and the next edit saves again", async (code) => {
    const server = fakeDraftServer();
    const { m, status, local } = draftMachine(server);
    server.reply({ status: code, body: { error: "A draft can be at most 100,000 characters.", fieldErrors: { text: ["A draft can be at most 100,000 characters."] } } });
    m.setValue("x".repeat(50));
    await tick(1200);
    expect(m.getSnapshot().status).toEqual({ kind: "invalid", message: "A draft can be at most 100,000 characters.", fieldErrors: { text: ["A draft can be at most 100,000 characters."] } });
    await tick(120_000);
    expect(server.sent).toHaveLength(1); // no retry of the same refused text
    expect(local()).toMatchObject({ value: "x".repeat(50) });
    m.setValue("x".repeat(40));
    expect(status()).toBe("dirty");
    await tick(1200);
    expect(status()).toBe("saved");
    expect(server.state.text).toBe("x".repeat(40));
  });

  it("401 stops saving and says to sign in again; the text stays in the browser", async () => {
    const server = fakeDraftServer();
    const { m, local } = draftMachine(server);
    server.reply({ status: 401, body: { error: "Your session has ended." } });
    m.setValue("Still mine.");
    await tick(1200);
    const s = m.getSnapshot().status;
    expect(s).toMatchObject({ kind: "stopped", httpStatus: 401 });
    expect(s.kind === "stopped" && s.message).toMatch(/sign in again/i);
    m.setValue("Still mine, and more.");
    await tick(60_000);
    expect(server.sent).toHaveLength(1);
    expect(local()).toMatchObject({ value: "Still mine, and more." });
    expect(m.hasUnsaved()).toBe(true);
  });

  it.each([403, 404, 423])("a %i stops saving with the server's message", async (code) => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    server.reply({ status: code, body: { error: "Your teacher has closed this assignment." } });
    m.setValue("Late words.");
    await tick(1200);
    expect(m.getSnapshot().status).toEqual({ kind: "stopped", message: "Your teacher has closed this assignment.", httpStatus: code });
    m.setValue("More late words.");
    await tick(60_000);
    expect(server.sent).toHaveLength(1);
    expect(await m.drain()).toEqual({ ok: false, state: "stopped", message: "Your teacher has closed this assignment." });
  });
});

describe("conflicts", () => {
  it("a 409 exposes the newer version and saves nothing until the student chooses; 'theirs' adopts it", async () => {
    const server = fakeDraftServer("Base.", 3);
    const { m, status, local } = draftMachine(server);
    server.state.text = "Other tab.";
    server.state.revision = 4;
    m.setValue("This tab.");
    await tick(1200);
    expect(status()).toBe("conflict");
    expect(m.getSnapshot().conflict).toMatchObject({ value: "Other tab.", revision: 4, base: "Base.", clashes: [] });
    m.setValue("This tab, edited.");
    await tick(60_000);
    expect(server.sent).toHaveLength(1);
    expect(local()).toMatchObject({ value: "This tab, edited." });
    m.resolveConflict("theirs");
    expect(m.getSnapshot().value).toBe("Other tab.");
    expect(status()).toBe("saved");
    expect(local()).toBeNull();
  });

  it("'mine' saves this tab's text over the newer version, on its revision", async () => {
    const server = fakeDraftServer("Base.", 3);
    const { m, status } = draftMachine(server);
    server.state.revision = 4;
    server.state.text = "Other tab.";
    m.setValue("This tab.");
    await tick(1200);
    m.resolveConflict("mine");
    await tick(0);
    expect(server.sent.at(-1)).toMatchObject({ text: "This tab.", baseRevision: 4 });
    expect(status()).toBe("saved");
    expect(server.state.text).toBe("This tab.");
  });

  it("a 409 whose newer version is this tab's own earlier save (its answer was lost) is no conflict", async () => {
    const server = fakeDraftServer("", 1);
    // The save reaches the server but the answer is lost on the way back.
    const real = server.fetch;
    let lose = true;
    const m2 = createAutosave<string>({
      ...optionsOf(server),
      fetch: async (u, i) => {
        const res = await real(u, i);
        if (lose) {
          lose = false;
          throw new TypeError("connection reset");
        }
        return res;
      },
    });
    m2.setValue("Landed.");
    await tick(1200);
    expect(m2.getSnapshot().status.kind).toBe("offline");
    m2.setValue("Landed. More.");
    await tick(2000);
    // The retry met a 409 holding its own first save: it rebased on it and sent the rest.
    expect(server.sent.map((s) => [s.text, s.baseRevision])).toEqual([["Landed.", 1], ["Landed. More.", 1], ["Landed. More.", 2]]);
    expect(m2.getSnapshot().status.kind).toBe("saved");
    expect(server.state.text).toBe("Landed. More.");
    expect(m2.getSnapshot().conflict).toBeNull();
  });
});

describe("merging", () => {
  type Doc = { a: string; b: string };
  const mergeDoc = (base: Doc, mine: Doc, theirs: Doc) => {
    const value = { ...theirs };
    const clashes: string[] = [];
    for (const k of ["a", "b"] as const) {
      if (mine[k] === base[k]) continue;
      if (theirs[k] === base[k] || theirs[k] === mine[k]) value[k] = mine[k];
      else clashes.push(k);
    }
    return { value, clashes };
  };
  function planServer(doc: Doc) {
    const state = { doc, revision: 2 };
    const sent: { plan: Doc; baseRevision: number }[] = [];
    const fetch: Transport = async (_u, init) => {
      const b = JSON.parse(String(init.body)) as { plan: Doc; baseRevision: number };
      sent.push(b);
      if (b.baseRevision !== state.revision) return { ok: false, status: 409, json: async () => ({ current: { plan: state.doc, revision: state.revision } }) };
      state.doc = b.plan;
      state.revision += 1;
      return { ok: true, status: 200, json: async () => ({ revision: state.revision }) };
    };
    return { state, sent, fetch };
  }
  const planMachine = (server: ReturnType<typeof planServer>, storage = memoryStorage(), readOnly = false) =>
    createAutosave<Doc, string>({
      url: "/plan",
      storageKey: KEY,
      initial: { value: server.state.doc, revision: server.state.revision },
      body: (plan, baseRevision) => ({ plan, baseRevision }),
      parseConflict: (c) => ({ value: (c as { plan: Doc }).plan, revision: (c as { revision: number }).revision }),
      merge: mergeDoc,
      fetch: server.fetch,
      timers,
      storage,
      readOnly,
    });

  it("edits to different fields from two tabs both survive, silently", async () => {
    const server = planServer({ a: "a0", b: "b0" });
    const m = planMachine(server);
    m.start();
    server.state.doc = { a: "a0", b: "b-other" };
    server.state.revision = 3;
    m.setValue({ a: "a-mine", b: "b0" });
    await tick(1200);
    await tick(0);
    expect(m.getSnapshot().status.kind).toBe("saved");
    expect(m.getSnapshot().conflict).toBeNull();
    expect(m.getSnapshot().value).toEqual({ a: "a-mine", b: "b-other" });
    expect(server.state.doc).toEqual({ a: "a-mine", b: "b-other" });
    expect(server.sent.at(-1)!.baseRevision).toBe(3);
  });

  it("a clash on one field asks the student, exposing the clashes; a merged choice is then saved", async () => {
    const server = planServer({ a: "a0", b: "b0" });
    const m = planMachine(server);
    m.start();
    server.state.doc = { a: "a-other", b: "b0" };
    server.state.revision = 3;
    m.setValue({ a: "a-mine", b: "b-mine" });
    await tick(1200);
    const snap = m.getSnapshot();
    expect(snap.status.kind).toBe("conflict");
    expect(snap.conflict).toMatchObject({ value: { a: "a-other", b: "b0" }, base: { a: "a0", b: "b0" }, revision: 3, clashes: ["a"] });
    expect((await m.drain()).ok).toBe(false);
    m.resolveConflict({ value: { a: "a-other", b: "b-mine" } });
    await tick(0);
    expect(server.state.doc).toEqual({ a: "a-other", b: "b-mine" });
    expect(m.getSnapshot().status.kind).toBe("saved");
  });

  it("local edits from before a reload are merged with what another tab saved since", async () => {
    const server = planServer({ a: "a0", b: "b0" });
    const storage = memoryStorage();
    const first = planMachine(server, storage);
    first.start();
    server.sent.length = 0;
    first.setValue({ a: "a-mine", b: "b0" }); // typed, then the tab closed before the save
    server.state.doc = { a: "a0", b: "b-other" };
    server.state.revision = 3;
    const reloaded = planMachine(server, storage);
    reloaded.start();
    expect(reloaded.getSnapshot()).toMatchObject({ restoredLocal: true, value: { a: "a-mine", b: "b-other" } });
    await tick(0);
    expect(server.state.doc).toEqual({ a: "a-mine", b: "b-other" });
  });
});

describe("drain", () => {
  it("with nothing pending resolves at once with the revision, sending nothing", async () => {
    const server = fakeDraftServer("Done.", 7);
    const { m } = draftMachine(server);
    expect(await m.drain()).toEqual({ ok: true, revision: 7 });
    expect(server.sent).toEqual([]);
  });

  it("sends a debounced edit at once, without waiting for the pause", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    m.setValue("Quick.");
    expect(await m.drain()).toEqual({ ok: true, revision: 2 });
    expect(server.state.text).toBe("Quick.");
  });

  it("during a save waits for it, then sends what was typed meanwhile, and resolves on the server's copy of the screen", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.hold();
    m.setValue("First sentence.");
    await tick(1200);
    expect(status()).toBe("saving");
    m.setValue("First sentence. Second.");
    let settled: unknown = null;
    const draining = m.drain().then((r) => (settled = r));
    await tick(0);
    expect(settled).toBeNull(); // not while the first save is in flight
    server.release();
    await draining;
    expect(settled).toEqual({ ok: true, revision: 3 });
    expect(server.state.text).toBe("First sentence. Second.");
    expect(server.sent.map((s) => s.baseRevision)).toEqual([1, 2]);
    expect(status()).toBe("saved");
  });

  it("while offline tries once, then resolves with the offline state instead of hanging; the retries go on", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply("network", "network");
    m.setValue("No signal.");
    await tick(1200);
    expect(status()).toBe("offline");
    const result = await m.drain();
    expect(result).toMatchObject({ ok: false, state: "offline" });
    expect(server.sent).toHaveLength(2);
    await tick(4000);
    expect(status()).toBe("saved");
  });

  it("after a refusal resolves with the invalid state and its message", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    server.reply({ status: 400, body: { error: "Too long." } });
    m.setValue("Way too long.");
    expect(await m.drain()).toEqual({ ok: false, state: "invalid", message: "Too long." });
  });

  it("in a conflict resolves with the conflict state", async () => {
    const server = fakeDraftServer("Base.", 1);
    const { m } = draftMachine(server);
    server.state.revision = 2;
    server.state.text = "Elsewhere.";
    m.setValue("Here.");
    expect(await m.drain()).toMatchObject({ ok: false, state: "conflict" });
  });
});

describe("loading, locking and adopting", () => {
  it("leaves alone a copy another open tab is still writing, and brings it back once that tab has gone quiet", async () => {
    const server = fakeDraftServer("Saved.", 2);
    const storage = memoryStorage();
    const first = draftMachine(server, storage, { tabId: "tab-1" });
    first.m.setValue("Saved. Typing in the first tab.");
    expect(first.local()).toMatchObject({ value: "Saved. Typing in the first tab." });
    // A second tab opens while the first is mid-edit: it keeps the server's text and the copy.
    const second = draftMachine(server, storage, { tabId: "tab-2" });
    expect(second.m.getSnapshot()).toMatchObject({ value: "Saved.", restoredLocal: false });
    expect(second.local()).toMatchObject({ value: "Saved. Typing in the first tab." });
    // A tab opened after the writer has been silent for a while (closed, crashed) recovers it.
    first.m.lock();
    await vi.advanceTimersByTimeAsync(16_000);
    const third = draftMachine(server, storage, { tabId: "tab-3" });
    expect(third.m.getSnapshot()).toMatchObject({ value: "Saved. Typing in the first tab.", restoredLocal: true });
  });

  it("brings back an unsaved local copy made on the same revision and saves it", async () => {
    const server = fakeDraftServer("Saved.", 2);
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ value: "Saved. Unsaved.", baseRevision: 2, at: 0 }));
    const { m } = draftMachine(server, storage);
    expect(m.getSnapshot()).toMatchObject({ value: "Saved. Unsaved.", restoredLocal: true });
    await tick(0);
    expect(server.state.text).toBe("Saved. Unsaved.");
  });

  it("treats a local copy made on an older revision as a conflict, not restoring it blindly", async () => {
    const server = fakeDraftServer("Newer.", 5);
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ value: "Old local.", baseRevision: 3, at: 0 }));
    const { m, status } = draftMachine(server, storage);
    expect(status()).toBe("conflict");
    expect(m.getSnapshot()).toMatchObject({ value: "Old local.", conflict: { value: "Newer.", revision: 5 } });
    await tick(5000);
    expect(server.sent).toEqual([]);
  });

  it("on a read-only draft offers a differing local copy back instead of dropping it", async () => {
    const server = fakeDraftServer("Submitted.", 5);
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ value: "Submitted. And a last line.", baseRevision: 4, at: 0 }));
    const { m, local } = draftMachine(server, storage, { readOnly: true });
    expect(m.getSnapshot()).toMatchObject({ value: "Submitted.", leftover: "Submitted. And a last line." });
    expect(local()).not.toBeNull();
    m.dismissLeftover();
    expect(m.getSnapshot().leftover).toBeNull();
    expect(local()).toBeNull();
  });

  it("ignores junk in storage", () => {
    const server = fakeDraftServer("Saved.", 2);
    const storage = memoryStorage();
    storage.setItem(KEY, "{not json");
    const { m, status } = draftMachine(server, storage);
    expect(m.getSnapshot().value).toBe("Saved.");
    expect(status()).toBe("idle");
  });

  it("adopt replaces the base and ignores the answer to a save sent before it", async () => {
    const server = fakeDraftServer("v1", 1);
    const { m, status, local } = draftMachine(server);
    server.hold();
    m.setValue("typed");
    await tick(1200);
    m.adopt({ value: "restored", revision: 9 });
    server.release();
    await tick(0);
    expect(m.baseRevision()).toBe(9);
    expect(m.getSnapshot().value).toBe("restored");
    expect(status()).toBe("saved");
    expect(local()).toBeNull();
  });

  it("lock stops further saves", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    m.setValue("Before.");
    m.lock();
    await tick(5000);
    expect(server.sent).toEqual([]);
    expect(m.hasUnsaved()).toBe(false);
  });

  it("on leaving the page sends what is pending with keepalive", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    m.setValue("Leaving now.");
    expect(m.hasUnsaved()).toBe(true);
    m.flushOnExit();
    await tick(0);
    expect(server.inits[0]).toMatchObject({ keepalive: true });
    expect(server.state.text).toBe("Leaving now.");
    // If the page lives on, the debounced save still runs and recognises the server's copy as its own.
    await tick(1200);
    expect(server.sent.map((s) => s.baseRevision)).toEqual([1, 1]);
    expect(m.getSnapshot()).toMatchObject({ status: { kind: "saved" }, conflict: null });
    expect(m.baseRevision()).toBe(2);
  });

  it("notifies subscribers with a new snapshot on each change", () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    const seen: string[] = [];
    const off = m.subscribe(() => seen.push(m.getSnapshot().value));
    const before = m.getSnapshot();
    m.setValue("x");
    expect(m.getSnapshot()).not.toBe(before);
    off();
    m.setValue("xy");
    expect(seen).toEqual(["x"]);
  });
});
