import { z } from "zod";
import { fromLocalInput } from "../time/local-input";
import { AUDIT_ACTIONS } from "./actions";

// The audit viewer's filters, read from the URL so a filtered trail can be bookmarked. Anything
// unreadable is ignored rather than refused, as the class board does.

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AuditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  person: z.string().trim().max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  // Keyset cursor "<epoch ms>.<id>": the last event of the previous page.
  after: z.string().regex(/^\d{1,15}\.\d{1,19}$/).optional().catch(undefined),
});

export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export type AuditQuery = {
  action?: string;
  person?: string;
  /** Inclusive lower bound, exclusive upper bound (instants). */
  since?: Date;
  until?: Date;
  cursor?: { at: Date; id: bigint };
};

/** Dates are whole days on the school's clock: "to" includes all of that day. */
export function toAuditQuery(filter: AuditFilter, zone: string): AuditQuery {
  const start = (d: string | undefined) => {
    if (!d) return undefined;
    const t = fromLocalInput(`${d}T00:00`, zone);
    return t.kind === "invalid" ? undefined : t.instant;
  };
  const nextDay = (d: string | undefined) => {
    if (!d) return undefined;
    const noon = new Date(`${d}T12:00:00Z`);
    if (Number.isNaN(noon.getTime())) return undefined;
    return start(new Date(noon.getTime() + 24 * 3_600_000).toISOString().slice(0, 10));
  };
  const cursor = filter.after ? { at: new Date(Number(filter.after.split(".")[0])), id: BigInt(filter.after.split(".")[1]!) } : undefined;
  return { action: filter.action, person: filter.person || undefined, since: start(filter.from), until: nextDay(filter.to), cursor };
}

export const cursorOf = (event: { at: Date; id: string }) => `${event.at.getTime()}.${event.id}`;
