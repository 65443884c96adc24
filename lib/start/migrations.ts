// Whether `npm start` can skip `prisma migrate deploy`: the CLI costs seconds (its WASM
// engine idles on a timer after the work is done), and on a restart there is nothing to do.
// Pure, so the comparison is tested without a database (migrations.test.ts).

/** A row of Prisma Migrate's `_prisma_migrations` table, as the launcher reads it. */
export type AppliedMigration = { name: string; finished: boolean; rolledBack: boolean };

/**
 * The migration folders not yet applied: every folder in prisma/migrations must have a row
 * that finished and was not rolled back. A failed or half-applied migration counts as
 * pending, so the CLI runs and reports it. Rows for folders that no longer exist do not
 * make anything pending (Prisma Migrate itself decides what to say about them).
 */
export function pendingMigrations(folders: readonly string[], applied: readonly AppliedMigration[]): string[] {
  const done = new Set(applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name));
  return folders.filter((f) => !done.has(f));
}

/** Prisma Migrate's line for "done": `migrate deploy` can be ended once it has printed it. */
export function migrateReportedSuccess(output: string): boolean {
  return /All migrations have been successfully applied\.|No pending migrations to apply\./.test(output);
}
