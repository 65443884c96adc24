// A draft as paragraphs, each with a key that names it across edits: a hash of its first
// words (plus ".2", ".3" for a repeat), so a link the student set by hand survives typing in
// other paragraphs, moving paragraphs about and adding new ones; only rewriting the
// paragraph's own opening words lets go of it (docs/decisions/021-plan-coverage.md).

export type Paragraph = {
  index: number;
  key: string;
  /** Offsets in the draft, so the editor can select the paragraph's start. */
  start: number;
  end: number;
  text: string;
  /** The student's own prose: the text less any lines of an inserted outline's scaffold. */
  prose: string;
  /** "Introduction" / "Conclusion" heading above it (as the outline inserts), if any. */
  heading: "introduction" | "conclusion" | null;
};

export const KEY_WORDS = 6;

// The labels "Insert outline" writes (lib/planner/outline.ts outlineToText). Lines that start
// with one are the plan talking, not the essay, so they never count as coverage.
const SCAFFOLD_LINE = /^\s*(?:(?:Point|Evidence|Explain|However|Link|Counter|Judgement|Mini-judgement):|Paragraph \d+:|- )/i;
const HEADING = /^\s*(Introduction|Conclusion)\s*:?\s*$/i;

/**
 * Paragraphs are separated by blank lines; an essay typed with no blank line anywhere has a
 * paragraph per line (the student pressed Enter once between paragraphs).
 */
export function splitParagraphs(text: string): Paragraph[] {
  const separator = /\n[ \t]*\n/.test(text.trim()) ? /\n[ \t]*(?:\n[ \t]*)+/g : /\n/g;
  const blocks: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    blocks.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  blocks.push({ start: from, end: text.length });

  const seen = new Map<string, number>();
  const out: Paragraph[] = [];
  for (const block of blocks) {
    const raw = text.slice(block.start, block.end);
    if (raw.trim() === "") continue;
    const lead = raw.length - raw.trimStart().length;
    const lines = raw.trim().split("\n");
    const headingMatch = HEADING.exec(lines[0] ?? "");
    const heading = headingMatch ? (headingMatch[1]!.toLowerCase() as "introduction" | "conclusion") : null;
    const proseLines = lines.filter((l, i) => !(i === 0 && headingMatch) && !SCAFFOLD_LINE.test(l));
    const fingerprint = hash(firstWords(raw));
    const n = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, n);
    out.push({
      index: out.length,
      key: n === 1 ? fingerprint : `${fingerprint}.${n}`,
      start: block.start + lead,
      end: block.start + raw.trimEnd().length,
      text: raw.trim(),
      prose: proseLines.join("\n").trim(),
      heading,
    });
  }
  return out;
}

function firstWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, KEY_WORDS).join(" ");
}

/** FNV-1a, 32 bits, base 36: short, stable, and the same in the browser and on the server. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `p${(h >>> 0).toString(36)}`;
}

/** The first few words of a paragraph, for a label ("¶3 “The Virgin Lands scheme…”"). */
export function preview(p: Paragraph, words = 7): string {
  const all = (p.prose || p.text).split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(" ")}…` : all.join(" ");
}
