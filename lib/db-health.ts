import { db } from "./db";

/** For the health check: true when the database answers. */
export async function databaseIsUp(): Promise<boolean> {
  try {
    await db().$queryRaw`select 1`;
    return true;
  } catch {
    return false;
  }
}
