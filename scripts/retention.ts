// npm run retention: applies every school's retention setting now (lib/retention/sweep.ts).
// The same function runs as the daily scheduled job; this is for operators.
import { runRetentionSweep } from "../lib/retention/sweep";
import { runCommand } from "./run-command";

runCommand(async () => {
  const r = await runRetentionSweep();
  return `Retention: ${r.noticed.length} classes newly noticed, ${r.deleted.length} deleted, ${r.cancelled} notices cancelled, ${r.expiredExports} expired exports and ${r.expiredNotifications} old notifications removed.`;
});
