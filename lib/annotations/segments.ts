// Turns possibly overlapping highlights into flat runs of text, because HTML cannot nest
// overlapping <mark> elements: each run is rendered once, with every annotation covering it.
// Positions are UTF-16 code-unit offsets, as in anchor.ts.

export type Highlight = { id: string; start: number; end: number };

export type Segment = { start: number; end: number; text: string; ids: string[] };

/**
 * Splits text into consecutive segments so each segment is covered by the same set of highlights.
 * Covers the whole text in order; segments with ids=[] are plain text. Highlights out of range
 * are clamped; empty ones ignored. ids ordered by highlight start then id.
 */
export function segmentText(text: string, highlights: Highlight[]): Segment[] {
  const clamp = (n: number) => Math.min(text.length, Math.max(0, n));
  const inRange = highlights
    // A NaN offset would survive clamping and poison every comparison below.
    .filter((h) => !Number.isNaN(h.start) && !Number.isNaN(h.end))
    .map((h) => ({ id: h.id, start: clamp(h.start), end: clamp(h.end) }))
    .filter((h) => h.start < h.end)
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const cuts = [...new Set([0, text.length, ...inRange.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let k = 1; k < cuts.length; k++) {
    const start = cuts[k - 1]!;
    const end = cuts[k]!;
    // No highlight starts or ends strictly inside [start, end), so each one covers all of it or none.
    const ids = inRange.filter((h) => h.start <= start && h.end >= end).map((h) => h.id);
    segments.push({ start, end, text: text.slice(start, end), ids });
  }
  return segments;
}
