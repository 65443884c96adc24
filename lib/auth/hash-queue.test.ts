import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { HASH_QUEUE_FULL, HashQueue } from "./hash-queue";

// Fake work: each job is a promise the test settles by hand, so what runs when is exact.
function job() {
  let resolve!: (v: string) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  let started = false;
  const work = () => ((started = true), promise);
  return { work, resolve, reject, started: () => started };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("HashQueue", () => {
  it("runs at most `concurrency` jobs at once and starts the waiting ones in arrival order", async () => {
    const queue = new HashQueue({ concurrency: 2, maxWaiting: 10 });
    const jobs = Array.from({ length: 5 }, job);
    const results = jobs.map((j) => queue.run(j.work));
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, false, false, false]);
    expect(queue.stats).toEqual({ running: 2, waiting: 3 });

    jobs[1]!.resolve("b");
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, true, false, false]);
    jobs[0]!.resolve("a");
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, true, true, false]);

    for (const [i, j] of jobs.entries()) j.resolve(String(i));
    await expect(Promise.all(results)).resolves.toEqual(["a", "b", "2", "3", "4"]);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once with a 503 when the waiting line is full, and takes work again once it drains", async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 2 });
    const jobs = Array.from({ length: 3 }, job);
    const accepted = jobs.map((j) => queue.run(j.work));
    const refused = job();
    const error = await queue.run(refused.work).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, message: HASH_QUEUE_FULL });
    expect(refused.started()).toBe(false);

    for (const j of jobs) j.resolve("done");
    await Promise.all(accepted);
    const later = job();
    const result = queue.run(later.work);
    await tick();
    expect(later.started()).toBe(true);
    later.resolve("later");
    await expect(result).resolves.toBe("later");
  });

  it("passes a failing job's error to its caller and hands the slot on", async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 1 });
    const failing = job();
    const next = job();
    const first = queue.run(failing.work);
    const second = queue.run(next.work);
    failing.reject(new Error("scrypt failed"));
    await expect(first).rejects.toThrow("scrypt failed");
    await tick();
    expect(next.started()).toBe(true);
    next.resolve("ok");
    await expect(second).resolves.toBe("ok");
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("a newcomer does not overtake the line when a slot is handed over", async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 5 });
    const order: string[] = [];
    const a = job();
    const pa = queue.run(a.work);
    const pb = queue.run(async () => (order.push("waited"), "b"));
    a.resolve("a");
    const pc = queue.run(async () => (order.push("newcomer"), "c"));
    await Promise.all([pa, pb, pc]);
    expect(order).toEqual(["waited", "newcomer"]);
  });

  it("rejects a queue that could never run anything", () => {
    expect(() => new HashQueue({ concurrency: 0, maxWaiting: 1 })).toThrow();
  });
});
