import { locate, type TextAnchor } from "../annotations/anchor";

// An annotation as the marking desk and the feedback view show it: where it sits in the
// version on screen (null = detached: its passage can no longer be found there).

export type AnnotationKind = "STRENGTH" | "TARGET";
export type TargetStatus = "open" | "addressed" | "detached";

export type AnnotationRow = TextAnchor & {
  id: string;
  criterionId: string;
  kind: AnnotationKind;
  comment: string;
  status: "OPEN" | "ADDRESSED";
  addressedNote: string;
  addressedAt: Date | null;
  createdAt: Date;
  submission: { number: number };
  // Null once its author's account was deleted (decision 042).
  author: { name: string } | null;
};

/** How a comment or assignment whose teacher's account was deleted names them (decision 042). */
export const FORMER_TEACHER = "a former teacher";

export type AnnotationView = TextAnchor & {
  id: string;
  criterionId: string;
  kind: AnnotationKind;
  comment: string;
  authorName: string;
  /** The version it was made on. */
  madeOn: number;
  location: { start: number; end: number } | null;
  /** Targets only; strengths are always null. */
  targetStatus: TargetStatus | null;
  addressedNote: string;
};

export const annotationRowSelect = {
  id: true,
  criterionId: true,
  kind: true,
  comment: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  status: true,
  addressedNote: true,
  addressedAt: true,
  createdAt: true,
  submission: { select: { number: true } },
  author: { select: { name: true } },
} as const;

/** Places each annotation in `text` (the version on screen), in reading order, detached last. */
export function viewAnnotations(rows: AnnotationRow[], text: string): AnnotationView[] {
  const views = rows.map((row): AnnotationView => {
    const location = locate(row, text);
    return {
      id: row.id,
      criterionId: row.criterionId,
      kind: row.kind,
      comment: row.comment,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      start: row.start,
      end: row.end,
      authorName: row.author?.name ?? FORMER_TEACHER,
      madeOn: row.submission.number,
      location: location ? { start: location.start, end: location.end } : null,
      targetStatus: row.kind === "TARGET" ? targetStatus(row.status, location !== null) : null,
      addressedNote: row.addressedNote,
    };
  });
  return views.sort(byReadingOrder);
}

/** Reading order: by where the passage starts in the version on screen, detached ones last. */
export function byReadingOrder(a: AnnotationView, b: AnnotationView): number {
  return (a.location?.start ?? Infinity) - (b.location?.start ?? Infinity) || a.madeOn - b.madeOn;
}

// "Addressed" is what the student said; "detached" is what the text shows. A target the
// student addressed by rewriting the passage away is still addressed.
export function targetStatus(status: "OPEN" | "ADDRESSED", found: boolean): TargetStatus {
  if (status === "ADDRESSED") return "addressed";
  return found ? "open" : "detached";
}

/**
 * The annotations that count as evidence for a criterion's level on the version on screen:
 * those tagged with it whose passage is in this text. One detached by a redraft was about a
 * passage the student has since removed, so it says nothing about this version's level; it
 * stays in the margin notes with its old quote, but not here.
 */
export function evidenceFor(annotations: AnnotationView[], criterionId: string): AnnotationView[] {
  return annotations.filter((a) => a.criterionId === criterionId && a.location !== null);
}

/** How many annotations tagged with the criterion are detached from the version on screen. */
export function detachedCount(annotations: AnnotationView[], criterionId: string): number {
  return annotations.filter((a) => a.criterionId === criterionId && a.location === null).length;
}
