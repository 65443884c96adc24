// STUB until the audit trail groundwork lands on main (its version replaces this file).
import { randomBytes } from "node:crypto";
export async function eraseFromAudit(_tx: unknown, _userId: string): Promise<string> {
  return `erased-${randomBytes(8).toString("hex")}`;
}
