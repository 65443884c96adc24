import { WholeClassContentSchema, type WholeClassContent } from "./schemas";

// Unsaved whole-class feedback kept in this browser, so a dropped connection, a crash or a
// closed tab loses nothing typed (decision 032). Pure: the editor reads and writes storage.

export type LocalCopy = { content: WholeClassContent; baseRevision: number };

// Per teacher: two teachers sharing a computer are never offered each other's text.
export const localCopyKey = (teacherId: string, assignmentId: string) => `extent:whole-class:${teacherId}:${assignmentId}`;

export const encodeLocalCopy = (copy: LocalCopy) => JSON.stringify(copy);

/** Anything unreadable is nothing stored; a copy based on a revision the server never had is not this feedback's. */
export function localCopyToRestore(raw: string | null, server: { content: WholeClassContent; revision: number }): LocalCopy | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const { content, baseRevision } = v as Record<string, unknown>;
  const parsed = WholeClassContentSchema.safeParse(content);
  if (!parsed.success || !Number.isInteger(baseRevision) || (baseRevision as number) < 0 || (baseRevision as number) > server.revision) return null;
  if (sameContent(parsed.data, server.content)) return null;
  return { content: parsed.data, baseRevision: baseRevision as number };
}

/** Same words in every section, whatever order the keys came in. */
export function sameContent(a: WholeClassContent, b: WholeClassContent): boolean {
  const flat = (c: WholeClassContent) => JSON.stringify([c.intro, c.comments, c.criteria.map((x) => [x.criterionId, x.strengths, x.targets])]);
  return flat(a) === flat(b);
}
