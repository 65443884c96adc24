import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_DRAFT_CHARS, MAX_PASTES_PER_SAVE } from "../drafts/draft-limits";
import { createAutosave } from "./autosave-machine";
import { DRAFT_KEY as KEY, fakeDraftServer, memoryStorage, parseConflict, tick, timers, type FakeDraftServer } from "./fake-draft-server";

// Paste sizes ride on the autosave until a save carrying them is confirmed
// (docs/decisions/023-writing-process.md): a failed, retried or lost save must neither drop
// nor double-count them. The fake endpoint stores the pastes of every save its CAS accepts,
// as lib/drafts/drafts.ts does, so `stored` is what the database would hold.

function draftMachine(server: FakeDraftServer, storage = memoryStorage(), tabId = "tab-1") {
  const m = createAutosave<string>({
    url: "/api/assignments/a/draft",
    storageKey: KEY,
    initial: { value: server.state.text, revision: server.state.revision },
    // As the workspace sends it: no `pastes` key when there are none.
    body: (text, baseRevision, _checkpoint, pastes) => ({ text, baseRevision, ...(pastes.length ? { pastes } : {}) }),
    parseConflict,
    fetch: server.fetch,
    timers,
    storage,
    tabId,
  });
  m.start();
  return { m, storage, status: () => m.getSnapshot().status.kind };
}


beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("paste sizes on the autosave", () => {
  it("go with the next save only, and are not sent again once it is confirmed", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    m.setValue("Typed.");
    await tick(1200);
    m.setValue("Typed. A pasted paragraph.", { paste: 20 });
    await tick(1200);
    m.setValue("Typed. A pasted paragraph. More typing.");
    await tick(1200);
    expect(status()).toBe("saved");
    expect(server.sent.map((s) => s.pastes)).toEqual([undefined, [20], undefined]);
    expect(server.stored).toEqual([20]);
  });

  it("a save that fails on the network keeps them for the retry: stored once", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply("network");
    m.setValue("Pasted.", { paste: 300 });
    await tick(1200);
    expect(status()).toBe("offline");
    await tick(2000);
    expect(status()).toBe("saved");
    expect(server.sent.map((s) => s.pastes)).toEqual([[300], [300]]);
    expect(server.stored).toEqual([300]);
  });

  it("a save that landed but whose answer was lost is recognised on the 409: not stored twice, later pastes still sent", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply("landed-lost");
    m.setValue("Pasted.", { paste: 300 });
    await tick(1200);
    expect(status()).toBe("offline");
    // More work before the retry, including a second paste.
    m.setValue("Pasted. And again.", { paste: 11 });
    await tick(2000);
    await tick(1200);
    expect(status()).toBe("saved");
    expect(server.state.text).toBe("Pasted. And again.");
    // The retry carried both and was refused (409: its base was stale); the save after the
    // rebase carried only the paste the landed save did not.
    expect(server.sent.map((s) => s.pastes)).toEqual([[300], [300, 11], [11]]);
    expect(server.stored).toEqual([300, 11]);
  });

  it("a refused save (400, 5xx) keeps them; they go with the save that succeeds", async () => {
    const server = fakeDraftServer();
    const { m, status } = draftMachine(server);
    server.reply({ status: 400, body: { error: "Too long." } });
    m.setValue("Way too long.", { paste: 250 });
    await tick(1200);
    expect(status()).toBe("invalid");
    server.reply({ status: 503, body: { error: "Busy." } });
    m.setValue("Shorter.");
    await tick(1200);
    expect(status()).toBe("offline");
    await tick(2000);
    expect(status()).toBe("saved");
    expect(server.sent.map((s) => s.pastes)).toEqual([[250], [250], [250]]);
    expect(server.stored).toEqual([250]);
  });

  it("a paste made while a save is in flight waits for the next save", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    server.hold();
    m.setValue("First.", { paste: 6 });
    await tick(1200);
    m.setValue("First. Second.", { paste: 7 });
    server.release();
    await tick();
    await tick(1200);
    expect(server.sent.map((s) => s.pastes)).toEqual([[6], [7]]);
    expect(server.stored).toEqual([6, 7]);
  });

  it("stays within what the server accepts: whole sizes from 1 to the cap, at most MAX_PASTES_PER_SAVE, the largest kept", async () => {
    const server = fakeDraftServer();
    const { m } = draftMachine(server);
    server.hold();
    m.setValue("x", { paste: 0 });
    m.setValue("xy", { paste: -5 });
    m.setValue("xyz", { paste: Number.NaN });
    m.setValue("xyzw", { paste: MAX_DRAFT_CHARS * 3 });
    for (let i = 1; i <= 25; i++) m.setValue(`text ${i}`, { paste: i + 0.4 });
    await tick(1200);
    server.release();
    await tick();
    const sent = server.sent[0]!.pastes!;
    expect(sent).toHaveLength(MAX_PASTES_PER_SAVE);
    expect(sent[0]).toBe(MAX_DRAFT_CHARS);
    expect([...sent].sort((a, b) => a - b)).toEqual([...Array.from({ length: 19 }, (_, i) => i + 7), MAX_DRAFT_CHARS]);
    expect(sent.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_DRAFT_CHARS)).toBe(true);
  });

  it("survive a reload in the local copy until a save carrying them is confirmed", async () => {
    const server = fakeDraftServer();
    const storage = memoryStorage();
    const first = draftMachine(server, storage);
    server.reply("network");
    first.m.setValue("Pasted before the tab closed.", { paste: 29 });
    await tick(1200);
    expect(first.status()).toBe("offline");
    expect(JSON.parse(storage.data.get(KEY)!)).toMatchObject({ pastes: [29] });

    // The same tab reloads: the copy, and its paste, come back and are saved.
    const again = draftMachine(server, storage);
    await tick();
    expect(again.status()).toBe("saved");
    expect(server.stored).toEqual([29]);
    expect(storage.data.has(KEY)).toBe(false);
  });
});
