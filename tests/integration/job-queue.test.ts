import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, pool } from "@/lib/db";
import { boss, createQueueClient } from "@/lib/jobs/boss";
import { defineQueue } from "@/lib/jobs/define";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";

// The job queue on the database the tests run on (PGlite by default, PostgreSQL with
// TEST_POSTGRES_URL): pg-boss over the app's one pool, its schema from the migration.
// pgboss.* is not truncated between tests, so each test uses queues of its own.

let worker: JobWorker | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

const until = async <T>(probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
};

const unique = (base: string) => `${base}-${Math.random().toString(36).slice(2, 8)}`;

describe("job queue (pg-boss on the app's pool)", () => {
  it("installs pg-boss's schema through the migration, at the version 10.4.2 expects", async () => {
    const { rows } = await pool().query<{ version: number }>("SELECT version FROM pgboss.version");
    expect(rows[0]?.version).toBe(24);
  });

  it("sends a job in a transaction and a worker runs it with its data", async () => {
    const name = unique("t-run");
    const seen: string[] = [];
    const registry = {
      [name]: defineQueue({
        data: z.object({ word: z.string() }),
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 60,
        policy: "standard",
        handler: async ({ word }) => void seen.push(word),
      }),
    };
    const { enqueue } = createQueueClient(registry);
    const id = await db().$transaction((tx) => enqueue(tx, name, { word: "Zoë 📜" }));
    expect(id).toEqual(expect.any(String));
    worker = await startJobWorker(registry, { pollingIntervalSeconds: 0.5, log: () => {} });
    await until(async () => seen.length > 0);
    expect(seen).toEqual(["Zoë 📜"]);
    const job = await until(async () => {
      const j = await boss().getJobById(name, id!);
      return j?.state === "completed" ? j : null;
    });
    expect(job.data).toEqual({ word: "Zoë 📜" });
  });

  it("retries a handler that fails once, with back-off, and it then succeeds", async () => {
    const name = unique("t-retry");
    const attempts: number[] = [];
    const registry = {
      [name]: defineQueue({
        data: z.object({}),
        retryLimit: 2,
        retryDelay: 1,
        retryBackoff: true,
        expireInSeconds: 60,
        policy: "standard",
        handler: async (_data, job) => {
          attempts.push(job.retryCount);
          if (job.retryCount === 0) throw new Error("the first attempt fails");
        },
      }),
    };
    const { enqueue } = createQueueClient(registry);
    const id = await db().$transaction((tx) => enqueue(tx, name, {}));
    worker = await startJobWorker(registry, { pollingIntervalSeconds: 0.5, log: () => {} });
    const job = await until(async () => {
      const j = await boss().getJobById(name, id!, { includeArchive: true });
      return j?.state === "completed" ? j : null;
    }, 25_000);
    expect(attempts).toEqual([0, 1]);
    expect(job.retryCount).toBe(1);
    // The retry waited (retryDelay 1 s, backed off) rather than running at once.
    expect(job.completedOn!.getTime() - job.createdOn.getTime()).toBeGreaterThanOrEqual(1000);
  });

  it("leaves no job when the transaction that sent it rolls back", async () => {
    const name = unique("t-rollback");
    const registry = {
      [name]: defineQueue({
        data: z.object({ n: z.number() }),
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 60,
        policy: "standard",
        handler: async () => {},
      }),
    };
    const { enqueue } = createQueueClient(registry);
    let id: string | null = null;
    await expect(
      db().$transaction(async (tx) => {
        id = await enqueue(tx, name, { n: 1 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(id).toEqual(expect.any(String));
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM pgboss.job WHERE id = $1", [id]);
    expect(rows[0].n).toBe(0);
    // The queue the rolled-back transaction created went with it; the next send makes it again.
    const again = await db().$transaction((tx) => enqueue(tx, name, { n: 2 }));
    const { rows: after } = await pool().query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1", [name]);
    expect(again).toEqual(expect.any(String));
    expect(after[0].n).toBe(1);
  });

  it("refuses data that does not match the queue's schema, sending nothing", async () => {
    const name = unique("t-bad");
    const registry = {
      [name]: defineQueue({
        data: z.object({ n: z.number() }),
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 60,
        policy: "standard",
        handler: async () => {},
      }),
    };
    const { enqueue } = createQueueClient(registry);
    await expect(db().$transaction((tx) => enqueue(tx, name, { n: "one" } as never))).rejects.toThrow();
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1", [name]);
    expect(rows[0].n).toBe(0);
  });
});
