import pg from "pg";
import { vi } from "vitest";

// Counts SQL statements where they leave for the server: the pg adapter sends every one
// through a pooled pg.Client's query() (Pool#query checks a client out and calls it), so a
// spy on pg.Client.prototype.query sees each statement once, on the embedded database and
// on PostgreSQL alike. Used by every test that fixes a statement count.

/** Runs `run` and returns the SQL statements it sent, in order. */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const query = vi.spyOn(pg.Client.prototype, "query");
  try {
    await run();
    return query.mock.calls.map(([sent]) => (typeof sent === "string" ? sent : (sent as { text: string }).text));
  } finally {
    query.mockRestore();
  }
}
