// How many server processes `npm start` runs (docs/decisions/017-start-up-and-cores.md).

/**
 * One per core, or WEB_CONCURRENCY when set to a whole number ≥ 1. The embedded database
 * always gets one: pglite-socket mixes up overlapping queries from several connections
 * (electric-sql/pglite#1046), so only one process may talk to it.
 */
export function workerCount(opts: { cores: number; webConcurrency: string | undefined; embedded: boolean }): { count: number; note?: string } {
  const asked = opts.webConcurrency?.trim();
  if (opts.embedded) {
    return { count: 1, note: asked && asked !== "1" ? "WEB_CONCURRENCY is ignored with the embedded database: it serves one process. Set DATABASE_URL to use every core." : undefined };
  }
  if (asked) {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of processes (1 or more), not "${asked}".`);
    return { count: n };
  }
  return { count: Math.max(1, opts.cores) };
}
