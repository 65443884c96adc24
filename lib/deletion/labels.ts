// What a deletion confirmation and its report call each kind of row (no I/O: shared with the UI).

/** Kinds of row a deletion takes, in the order a confirmation lists them. */
export const KIND_LABELS = {
  classes: "classes (with all their assignments and work)",
  enrolments: "class memberships",
  plans: "plans",
  drafts: "drafts",
  draftVersions: "saved draft versions",
  submissions: "submissions",
  markings: "markings",
  annotations: "comments on the work",
  invitations: "invitations",
  gradebookScores: "gradebook scores sent to the school's LMS",
  topics: "topics (with their questions)",
  commentBank: "saved comments",
  coTeaching: "co-teaching places",
  departments: "department memberships",
  students: "students",
  staff: "staff",
  assignments: "assignments",
  retainedMarks: "anonymised marks kept by the school",
} as const;

export type Kind = keyof typeof KIND_LABELS;
export type Counts = Partial<Record<Kind, number>>;

/** "3 plans", in the order of KIND_LABELS, zero counts left out. */
export function describeCounts(counts: Counts): string[] {
  return (Object.keys(KIND_LABELS) as Kind[]).filter((k) => counts[k]).map((k) => `${counts[k]} ${KIND_LABELS[k]}`);
}

/** A finished deletion as the report screen shows it. */
export type DeletionReportView = { title: string; lines: string[]; notes: string[] };
