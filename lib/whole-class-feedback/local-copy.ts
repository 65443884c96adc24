import { storedRecord } from "../client/stored-record";
import type { WholeClassContent } from "./schemas";

// Unsaved whole-class feedback kept in this browser, so a dropped connection, a crash or a
// closed tab loses nothing typed (decision 032). Pure: the editor reads and writes storage.
// Checked by hand, not with the zod schema, to keep zod out of the browser (decision 018);
// the server checks whatever is saved.

export type LocalCopy = { content: WholeClassContent; baseRevision: number };

// Per teacher: two teachers sharing a computer are never offered each other's text.
export const localCopyKey = (teacherId: string, assignmentId: string) => `extent:whole-class:${teacherId}:${assignmentId}`;

export const encodeLocalCopy = (copy: LocalCopy) => JSON.stringify(copy);

/** Anything unreadable is nothing stored; a copy based on a revision the server never had is not this feedback's. */
export function localCopyToRestore(raw: string | null, server: { content: WholeClassContent; revision: number }): LocalCopy | null {
  const v = storedRecord(raw);
  if (!v) return null;
  const { content, baseRevision } = v;
  if (!isContent(content) || !Number.isInteger(baseRevision) || (baseRevision as number) < 0 || (baseRevision as number) > server.revision) return null;
  if (sameContent(content, server.content)) return null;
  return { content: { intro: content.intro, comments: content.comments, criteria: content.criteria.map(({ criterionId, strengths, targets }) => ({ criterionId, strengths, targets })) }, baseRevision: baseRevision as number };
}

const isText = (v: unknown): v is string => typeof v === "string";
function isContent(v: unknown): v is WholeClassContent {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    isText(c.intro) &&
    isText(c.comments) &&
    Array.isArray(c.criteria) &&
    c.criteria.every((x: unknown) => typeof x === "object" && x !== null && isText((x as Record<string, unknown>).criterionId) && isText((x as Record<string, unknown>).strengths) && isText((x as Record<string, unknown>).targets))
  );
}

/** Same words in every section, whatever order the keys came in. */
export function sameContent(a: WholeClassContent, b: WholeClassContent): boolean {
  const flat = (c: WholeClassContent) => JSON.stringify([c.intro, c.comments, c.criteria.map((x) => [x.criterionId, x.strengths, x.targets])]);
  return flat(a) === flat(b);
}
