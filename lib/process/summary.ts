// How an essay was written, from what the app already keeps: the draft's history entries (each
// a run of autosaves: when it started, when it last grew, how many words it then held), the
// timing of entries thinning removed (DraftSpan), and the size of each paste (DraftPaste).
// Pure and deterministic, so students and teachers read the same numbers and tests can state
// them exactly. See docs/decisions/023-writing-process.md.

/** A new session starts after a pause longer than this between saves. */
export const SESSION_GAP_MS = 30 * 60 * 1000;
/** A pause inside a session counts as writing time up to this much (reading, thinking). */
export const PAUSE_CAP_MS = 5 * 60 * 1000;
/** A paste at least this long is listed on its own. */
export const LARGE_PASTE_CHARS = 200;

/** One run of saves: a history entry, or the timing a thinned one left behind. */
export type ProcessEntry = { startedAt: Date; endedAt: Date; wordCount: number };
export type ProcessPaste = { at: Date; chars: number };

export type WritingSession = {
  startedAt: Date;
  endedAt: Date;
  /** Time spent writing in this session: the entries' spans plus capped pauses between them. */
  writingMs: number;
  /** Net words: words at the session's end minus words at the end of the session before (0 before the first). */
  wordsAdded: number;
  wordsAtEnd: number;
  pastes: number;
};

/** A point of the growth chart: words in the draft after `writingMs` of writing. */
export type GrowthPoint = { writingMs: number; words: number; session: number };

export type WritingProcess = {
  writingMs: number;
  sessions: WritingSession[];
  largePastes: ProcessPaste[];
  pasteCount: number;
  pastedChars: number;
  growth: GrowthPoint[];
};

const byStart = (a: ProcessEntry, b: ProcessEntry) => a.startedAt.getTime() - b.startedAt.getTime() || a.endedAt.getTime() - b.endedAt.getTime();

export function summariseProcess(entries: readonly ProcessEntry[], pastes: readonly ProcessPaste[]): WritingProcess {
  const sorted = [...entries].sort(byStart);
  const sessions: WritingSession[] = [];
  const growth: GrowthPoint[] = sorted.length ? [{ writingMs: 0, words: 0, session: 0 }] : [];
  let writingMs = 0;
  let wordsBefore = 0;
  let current: WritingSession | null = null;

  for (const entry of sorted) {
    const start = entry.startedAt.getTime();
    const span = Math.max(0, entry.endedAt.getTime() - start);
    const pause = current ? start - current.endedAt.getTime() : Infinity;
    if (!current || pause > SESSION_GAP_MS) {
      if (current) wordsBefore = current.wordsAtEnd;
      current = { startedAt: entry.startedAt, endedAt: entry.endedAt, writingMs: 0, wordsAdded: 0, wordsAtEnd: wordsBefore, pastes: 0 };
      sessions.push(current);
    } else {
      // Entries of one session follow each other; an overlap (clock skew) counts as no pause.
      const counted = Math.min(Math.max(0, pause), PAUSE_CAP_MS);
      current.writingMs += counted;
      writingMs += counted;
    }
    current.writingMs += span;
    writingMs += span;
    if (entry.endedAt > current.endedAt) current.endedAt = entry.endedAt;
    current.wordsAtEnd = entry.wordCount;
    current.wordsAdded = entry.wordCount - wordsBefore;
    growth.push({ writingMs, words: entry.wordCount, session: sessions.length - 1 });
  }

  for (const paste of pastes) {
    const at = paste.at.getTime();
    const home = sessions.find((s) => at >= s.startedAt.getTime() && at <= s.endedAt.getTime());
    if (home) home.pastes += 1;
  }
  const largePastes = pastes
    .filter((p) => p.chars >= LARGE_PASTE_CHARS)
    .map((p) => ({ at: p.at, chars: p.chars }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    writingMs,
    sessions,
    largePastes,
    pasteCount: pastes.length,
    pastedChars: pastes.reduce((sum, p) => sum + p.chars, 0),
    growth,
  };
}

/** "1 h 05 min", "12 min", "under a minute". */
export function formatWritingTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
