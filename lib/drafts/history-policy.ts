// When a save of the draft becomes a new history entry, and which old entries may go.
// Pure rules, mirrored in SQL by the autosave statement (internal/save-draft-cas.ts) and the
// thinning DELETE (internal/history-store.ts), each tested against them.
// See docs/decisions/007-draft-history.md.

/** Why an entry exists. AUTOSAVE entries grow while the student works; every other reason marks one moment. */
export type RevisionReason = "AUTOSAVE" | "RESTORE" | "SUBMIT" | "OUTLINE" | "PASTE" | "CUT";

/** Something the editor knows happened to the text in this save. */
export type Checkpoint = "outline" | "paste";

/** A new entry at least this often while someone writes, measured from the entry's start. */
export const ENTRY_SPAN_MS = 5 * 60 * 1000;
/** A save that removes this many words, or more than SHRINK_FRACTION of the text, starts a new entry. */
export const SHRINK_WORDS = 50;
export const SHRINK_FRACTION = 0.2;
/** ...as long as it removes at least this many words: trimming a short first sentence is not a cut. */
export const SHRINK_MIN_WORDS = 5;

export type LatestEntry = { reason: RevisionReason; createdAt: Date; wordCount: number };
export type IncomingSave = { wordCount: number; now: Date; checkpoint?: Checkpoint };
export type HistoryDecision = { action: "extend" } | { action: "new"; reason: Exclude<RevisionReason, "RESTORE" | "SUBMIT"> };

const CHECKPOINT_REASON = { outline: "OUTLINE", paste: "PASTE" } as const;

export function isShrink(before: number, after: number): boolean {
  const lost = before - after;
  return lost >= SHRINK_WORDS || (lost >= SHRINK_MIN_WORDS && lost > before * SHRINK_FRACTION);
}

/**
 * Whether an autosave extends the latest entry or starts a new one. The newest entry
 * always holds the text saved last, so starting a new entry is exactly what keeps the
 * text before this save restorable: "select all, type", an inserted outline or a pasted
 * block can then be undone. Only plain AUTOSAVE entries are extended; an entry with a
 * reason of its own keeps exactly the text its label describes.
 */
export function decideHistoryEntry(latest: LatestEntry | null, save: IncomingSave): HistoryDecision {
  if (save.checkpoint) return { action: "new", reason: CHECKPOINT_REASON[save.checkpoint] };
  if (!latest) return { action: "new", reason: "AUTOSAVE" };
  if (isShrink(latest.wordCount, save.wordCount)) return { action: "new", reason: "CUT" };
  if (latest.reason !== "AUTOSAVE") return { action: "new", reason: "AUTOSAVE" };
  // By the entry's start, not its last update: steady work still leaves a trail.
  if (save.now.getTime() - latest.createdAt.getTime() >= ENTRY_SPAN_MS) return { action: "new", reason: "AUTOSAVE" };
  return { action: "extend" };
}

/** Autosave entries older than this are thinned to one per clock hour. */
export const THIN_AFTER_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Reasons whose entry holds text a student may want back after it was replaced. */
const REPLACING: ReadonlySet<RevisionReason> = new Set(["RESTORE", "OUTLINE", "PASTE", "CUT"]);

export type ThinnableEntry = { id: string; reason: RevisionReason; createdAt: Date };

const byAge = (a: ThinnableEntry, b: ThinnableEntry) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The ids of entries to delete so a long essay's history stays bounded: an AUTOSAVE entry
 * older than a day goes unless it is the last entry of its clock hour (UTC) or the text
 * that a restore, an inserted outline, a paste or a big cut replaced. RESTORE, SUBMIT and
 * checkpoint entries, and the newest entry, always stay. What it keeps stays kept on every
 * later run, since history only grows at the new end.
 */
export function thinRevisions(entries: readonly ThinnableEntry[], now: Date): string[] {
  const sorted = [...entries].sort(byAge);
  const cutoff = now.getTime() - THIN_AFTER_MS;
  const hour = (e: ThinnableEntry) => Math.floor(e.createdAt.getTime() / HOUR_MS);
  return sorted
    .filter((e, i) => {
      const next = sorted[i + 1];
      if (e.reason !== "AUTOSAVE" || e.createdAt.getTime() >= cutoff || !next) return false;
      return hour(next) === hour(e) && !REPLACING.has(next.reason);
    })
    .map((e) => e.id);
}
