import "server-only";
import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { pool } from "../db";
import type { QueueDefinition, Registry } from "./define";

// pg-boss 10.4.2 over the app's one pg.Pool (decision 040). Its schema comes from the
// migration 20261204100000_job_queue, so it starts with `migrate: false`; it never opens a
// connection of its own (the embedded database allows one), and it only polls (LISTEN/NOTIFY
// does not cross pglite-socket's connections).

type SqlRunner = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

const onPool: SqlRunner = { executeSql: (text, values) => pool().query(text, values as unknown[]) };

/** pg-boss's statements run inside a Prisma interactive transaction (through its connection). */
function onTransaction(tx: Prisma.TransactionClient): SqlRunner {
  return {
    executeSql: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((v) => (v === undefined ? null : v))) }),
  };
}

const holder = globalThis as unknown as { extentBoss?: PgBoss };

/** A PgBoss over the app's pool. Each is one worker as far as pg-boss is concerned. */
export function newBoss(): PgBoss {
  return new PgBoss({
    db: onPool as PgBoss.Db,
    migrate: false,
    // Maintenance (expiring, archiving) and cron are coordinated across instances through
    // pg-boss's own tables, so every worker process may run them.
    supervise: true,
    schedule: true,
  });
}

/** The process's PgBoss, not started: enough to send. lib/jobs/worker.ts starts it to work. */
export function boss(): PgBoss {
  holder.extentBoss ??= newBoss();
  return holder.extentBoss;
}

/** Clears the process's PgBoss (after it stopped), so a test can start another. */
export function forgetBoss(): void {
  holder.extentBoss = undefined;
}

/** pg-boss's queue options from a definition (what create_queue stores). */
export function queueOptions(definition: QueueDefinition) {
  const { policy, retryLimit, retryDelay, retryBackoff, expireInSeconds } = definition;
  return { policy, retryLimit, retryDelay, retryBackoff, expireInSeconds };
}

// A queue that exists stays existing (nothing here deletes one), so each process checks a
// queue once; one it created inside a transaction may still roll back, so it is not counted.
const known = new Set<string>();

async function ensureQueueIn(runner: SqlRunner, name: string, definition: QueueDefinition): Promise<void> {
  if (known.has(name)) return;
  const found = await runner.executeSql(`SELECT 1 FROM pgboss.queue WHERE name = $1`, [name]);
  if (found.rows.length) {
    known.add(name);
    return;
  }
  // Two first senders at once: the lock (held to the end of the transaction) makes the second
  // wait and then see the queue, instead of failing on pgboss.queue's primary key.
  await runner.executeSql(`SELECT pg_advisory_xact_lock(hashtext('extent:pgboss:create_queue'))::text`, []);
  await runner.executeSql(
    `SELECT pgboss.create_queue($1, $2::json)::text WHERE NOT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = $1)`,
    [name, JSON.stringify(queueOptions(definition))],
  );
}

export type EnqueueOptions = { singletonKey?: string; startAfter?: Date; priority?: number };

/** enqueue / ensureQueues for one registry: the app's (lib/jobs/queues.ts) or a test's. */
export function createQueueClient<R extends Registry>(registry: R) {
  /**
   * Sends a job inside the caller's Prisma interactive transaction: it is committed with the
   * change that caused it (an ExportRequest and its audit row) or rolled back with it, so a
   * rolled-back transaction leaves no job. Returns the job id (null when a singleton policy
   * deduplicated it). Bad data is a programming error and throws.
   */
  async function enqueue<N extends keyof R & string>(
    tx: Prisma.TransactionClient,
    name: N,
    data: z.input<R[N]["data"]>,
    opts: EnqueueOptions = {},
  ): Promise<string | null> {
    const definition = registry[name];
    if (!definition) throw new Error(`No queue named "${name}" in the registry.`);
    const checked = definition.data.parse(data) as object;
    const runner = onTransaction(tx);
    await ensureQueueIn(runner, name, definition);
    return boss().send(name, checked, { ...opts, db: runner as PgBoss.Db });
  }

  /**
   * Cancels a job that has not started (a reminder whose due date moved), inside the caller's
   * transaction like `enqueue`. A job already running or finished is left as it is.
   */
  async function cancel<N extends keyof R & string>(tx: Prisma.TransactionClient, name: N, id: string): Promise<void> {
    await boss().cancel(name, id, { db: onTransaction(tx) as PgBoss.Db });
  }

  /** Creates missing queues and brings existing ones' options in line with the registry. */
  async function ensureQueues(): Promise<void> {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const runner: SqlRunner = { executeSql: (text, values) => client.query(text, values as unknown[]) };
      for (const [name, definition] of Object.entries(registry)) {
        await ensureQueueIn(runner, name, definition);
        const o = queueOptions(definition);
        await client.query(
          `UPDATE pgboss.queue SET policy = $2, retry_limit = $3, retry_delay = $4, retry_backoff = $5, expire_seconds = $6, updated_on = now()
           WHERE name = $1 AND (policy, retry_limit, retry_delay, retry_backoff, expire_seconds) IS DISTINCT FROM ($2, $3, $4, $5, $6)`,
          [name, o.policy, o.retryLimit, o.retryDelay, o.retryBackoff, o.expireInSeconds],
        );
      }
      await client.query("COMMIT");
      for (const name of Object.keys(registry)) known.add(name);
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  return { enqueue, cancel, ensureQueues };
}
