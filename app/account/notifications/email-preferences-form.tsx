"use client";

import { useId } from "react";
import { ActionForm, useFieldErrors } from "@/components/ui/action-form";
import { saveEmailPreferencesAction } from "./actions";

type Choice = { kind: string; label: string; description: string; email: boolean };

// One checkbox per kind the person can receive, each described; saving sends the whole set.
export function EmailPreferencesForm({ choices }: { choices: Choice[] }) {
  return (
    <ActionForm
      action={saveEmailPreferencesAction}
      submitLabel="Save email settings"
      successMessage="Saved. You will get emails only for the kinds ticked; every notification still appears in Extent."
      testId="email-preferences"
    >
      <input type="hidden" name="form" value="email-preferences" />
      <Choices choices={choices} />
    </ActionForm>
  );
}

function Choices({ choices }: { choices: Choice[] }) {
  const id = useId();
  const errors = useFieldErrors().email;
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-base font-semibold text-slate-900">Email me about</legend>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <ul className="mt-3 space-y-3">
        {choices.map((c) => (
          <li key={c.kind} className="flex items-start gap-3">
            <input id={`${id}-${c.kind}`} type="checkbox" name="email" value={c.kind} defaultChecked={c.email} aria-describedby={`${id}-${c.kind}-about`} className="mt-1 h-4 w-4 shrink-0" />
            <div>
              <label htmlFor={`${id}-${c.kind}`} className="block text-sm font-medium text-slate-900">
                {c.label}
              </label>
              <p id={`${id}-${c.kind}-about`} className="text-sm text-slate-600">
                {c.description}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
