"use client";

import { ActionForm } from "@/components/ui/action-form";
import { RadioGroup, TextArea, TextField } from "@/components/ui/field";
import { agreeMarkAction, saveSecondMarkingAction } from "./actions";

export type LevelsRubric = {
  shape: "holistic" | "strands" | "summed";
  zeroDescriptor?: string;
  criteria: { id: string; name: string; levels: { level: number; marks: { min: number; max: number }; descriptor: string }[] }[];
};

const band = ({ min, max }: { min: number; max: number }) => (min === max ? `${min} marks` : `${min}–${max} marks`);

/**
 * A level per criterion (and, on holistic and strands rubrics, an optional total), for the
 * blind second marking or, with a reason, for the agreed mark. `initial` pre-selects levels.
 */
export function LevelsForm({
  mode,
  assignmentId,
  studentId,
  rubric,
  initial = {},
}: {
  mode: "second" | "agree";
  assignmentId: string;
  studentId: string;
  rubric: LevelsRubric;
  initial?: Record<string, number>;
}) {
  const agree = mode === "agree";
  return (
    <ActionForm
      action={agree ? agreeMarkAction : saveSecondMarkingAction}
      submitLabel={agree ? "Record the agreed mark" : "Submit second marking"}
      pendingLabel="Saving…"
      testId={agree ? "agree-form" : "second-marking-form"}
    >
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="studentId" value={studentId} />
      {rubric.criteria.map((c) => (
        <RadioGroup
          key={c.id}
          name={`level.${c.id}`}
          legend={agree ? `Agreed level: ${c.name}` : c.name}
          defaultValue={initial[c.id] !== undefined ? String(initial[c.id]) : undefined}
          options={[
            ...[...c.levels].reverse().map((l) => ({ value: String(l.level), label: `Level ${l.level} (${band(l.marks)})`, hint: l.descriptor })),
            { value: "0", label: "Level 0 (0 marks)", hint: rubric.zeroDescriptor ?? "No creditworthy material." },
          ]}
        />
      ))}
      {rubric.shape !== "summed" ? (
        <TextField
          name="total"
          label={agree ? "Agreed total (optional)" : "Total (optional)"}
          hint={rubric.shape === "holistic" ? "A mark inside the level's band; left empty, the middle of the band." : "A mark inside the best-fit band; left empty, the suggested mark."}
          inputMode="numeric"
        />
      ) : null}
      {agree ? <TextArea name="reason" label="Reason for the agreed mark" hint="Recorded with the mark, for the department's record." rows={3} /> : null}
    </ActionForm>
  );
}
