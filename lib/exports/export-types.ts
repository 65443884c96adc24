import type { Award } from "../rubrics/marks";
import type { WholeClassContent } from "../whole-class-feedback/schemas";

// data.json of a student export, version 1 (decision 041). The JSON Schema that documents it
// is public/schemas/student-export-v1.schema.json; tests/integration/exports.test.ts checks
// every export against it, so a change here that the schema does not follow fails there.

/** Who the export is for: what of a marking it shows depends on it (lib/exports/internal/student-data.ts). */
export type ExportAudience = "student" | "school" | "class";

type Iso = string;

export type StudentExport = {
  account: {
    id: string;
    name: string;
    email: string;
    role: "STUDENT" | "TEACHER";
    createdAt: Iso;
    school: { id: string; name: string } | null;
    identities: { kind: string; issuer: string; createdAt: Iso }[];
  };
  classes: { id: string; name: string; subject: string; yearGroup: string; joinedAt: Iso; teachers: { name: string; role: string }[] }[];
  assignments: {
    id: string;
    classroomId: string;
    className: string | null;
    question: string;
    instructions: string;
    dueAt: Iso;
    wordLimit: number | null;
    status: "OPEN" | "CLOSED";
    closedAt: Iso | null;
    rubric: { id: string; version: number; title: string; criteria: { id: string; name: string }[] };
    feedbackBeforeMarks: boolean;
    blindMarking: boolean;
    candidateNumber: number | null;
    plan: { id: string; content: unknown; revision: number; createdAt: Iso; updatedAt: Iso } | null;
    draft: {
      id: string;
      text: string;
      wordCount: number;
      revision: number;
      createdAt: Iso;
      updatedAt: Iso;
      submittedAt: Iso | null;
      late: boolean;
      paragraphLinks: unknown;
      history: { id: string; reason: string; text: string; wordCount: number; startedAt: Iso; savedAt: Iso }[];
      pastes: { at: Iso; chars: number }[];
      thinnedSessions: { startedAt: Iso; endedAt: Iso; wordCount: number }[];
    } | null;
    submissions: {
      id: string;
      number: number;
      text: string;
      wordCount: number;
      submittedAt: Iso;
      late: boolean;
      marking: {
        id: string;
        status: "IN_PROGRESS" | "RETURNED";
        marker: string | null;
        awards: Award[] | null;
        total: number | null;
        marksHeld: boolean;
        wentWell: string;
        evenBetterIf: string;
        redraftAllowed: boolean;
        returnedAt: Iso | null;
        marksReleasedAt: Iso | null;
        response: string;
        respondedAt: Iso | null;
        /** The teacher's reply to the response (issue 17), null while there is none; `byId` is null once that teacher's account is deleted. */
        teacherReply: { text: string; repliedAt: Iso; by: string; byId: string | null } | null;
        updatedAt: Iso;
      } | null;
      annotations: ExportedAnnotation[];
    }[];
    wholeClassFeedback: { publishedAt: Iso; content: WholeClassContent } | null;
  }[];
};

export type ExportedAnnotation = {
  id: string;
  kind: "STRENGTH" | "TARGET";
  criterionId: string;
  criterion: string;
  comment: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets in the submission's text in UTF-16 code units, as Extent stores them; annotations.jsonld has code points. */
  startUtf16: number;
  endUtf16: number;
  status: "OPEN" | "ADDRESSED";
  addressedNote: string;
  addressedAt: Iso | null;
  author: string;
  /** Null when the teacher's account has been deleted (decision 042). */
  authorId: string | null;
  createdAt: Iso;
  updatedAt: Iso;
};

/** The whole data.json: the data and what it is. */
export type StudentExportFile = { format: "extent-student-export"; version: 1; exportedAt: Iso; audience: ExportAudience } & StudentExport;
