"use client";

import { useId, useMemo, useState, type FormEvent } from "react";
import type { BankEntry } from "@/lib/marking/comment-bank";
import { viewBank } from "@/lib/marking/bank-view";
import { searchBank } from "@/lib/marking/search-bank";
import type { AnnotationKind } from "@/lib/marking/annotation-view";
import { Button } from "@/components/ui/button";
import { truncate } from "@/components/format";

import type { CriterionOption } from "@/lib/marking/search-bank";
export type { CriterionOption };
export type AnnotationValues = { comment: string; criterionId: string; kind: AnnotationKind; saveToBank: boolean };
export type FormErrors = { formError?: string; fieldErrors?: Record<string, string[] | undefined> };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 aria-[invalid=true]:border-red-500";

/**
 * New or edited annotation: the comment, its criterion, strength or target. New ones can
 * come straight from the comment bank: type to search it, and "Use" fills the comment,
 * criterion and kind in one step. The bank spans every scheme the teacher marks with, so a
 * comment saved under another scheme's criterion fills the one it belongs to here
 * (lib/marking/bank-view.ts), or leaves the choice to the teacher and says so.
 */
export function AnnotationForm({
  quote,
  criteria,
  bank,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  allowSaveToBank,
}: {
  quote: string;
  criteria: CriterionOption[];
  bank?: BankEntry[];
  initial?: Partial<AnnotationValues>;
  submitLabel: string;
  onSubmit: (values: AnnotationValues) => Promise<FormErrors | null>;
  onCancel: () => void;
  allowSaveToBank: boolean;
}) {
  const id = useId();
  const [values, setValues] = useState<AnnotationValues>({
    comment: initial?.comment ?? "",
    criterionId: initial?.criterionId ?? (criteria.length === 1 ? criteria[0]!.id : ""),
    kind: initial?.kind ?? "TARGET",
    saveToBank: false,
  });
  const [query, setQuery] = useState("");
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof AnnotationValues>(key: K, value: AnnotationValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const rows = useMemo(() => viewBank(bank ?? [], criteria), [bank, criteria]);
  const matches = useMemo(() => searchBank(rows, query, values.criterionId), [rows, query, values.criterionId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    const result = await onSubmit(values);
    setPending(false);
    setErrors(result);
  }

  const fieldError = (name: string) => errors?.fieldErrors?.[name]?.join(" ");
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={`${id}-title`} data-testid="annotation-form">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {submitLabel === "Add annotation" ? "Annotate the selected passage" : "Edit annotation"}
      </h3>
      <blockquote className="border-l-4 border-indigo-300 bg-slate-50 px-3 py-2 font-serif text-sm text-slate-700">{truncate(quote, 240)}</blockquote>

      {bank ? (
        <div>
          <label htmlFor={`${id}-bank`} className="block text-sm font-medium text-slate-800">
            Search your comment bank
          </label>
          <input id={`${id}-bank`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Type a few words…" className={input} aria-controls={`${id}-bank-results`} />
          <ul id={`${id}-bank-results`} aria-label="Saved comments" aria-live="polite" className="mt-1 max-h-48 space-y-1 overflow-y-auto" data-testid="bank-results">
            {matches.length === 0 ? (
              <li className="text-sm text-slate-600">{bank.length === 0 ? "Your bank is empty: tick “Also save to my comment bank” below to start it." : "No saved comment matches."}</li>
            ) : (
              matches.slice(0, 8).map((entry) => (
                <li key={entry.id} className="flex items-start gap-2 rounded border border-slate-200 bg-white p-2 text-sm">
                  <span className="flex-1 text-slate-800">
                    {entry.text}
                    <span className="mt-0.5 block text-xs text-slate-600">
                      {entry.criterionLabel} · {entry.kind === "TARGET" ? "target" : "strength"}
                    </span>
                  </span>
                  <Button
                    variant="secondary"
                    className="px-2 py-1"
                    onClick={() => {
                      const criterionId = entry.fillCriterionId ?? values.criterionId;
                      setValues((v) => ({ ...v, comment: entry.text, kind: entry.kind, criterionId }));
                      // With no criterion to fill, the next thing to do is choose one.
                      document.getElementById(criterionId ? `${id}-comment` : `${id}-criterion`)?.focus();
                    }}
                  >
                    Use<span className="sr-only">: {entry.text}</span>
                  </Button>
                </li>
              ))
            )}
          </ul>
        </div>
      ) : null}

      <div>
        <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-800">
          Comment
        </label>
        <textarea
          id={`${id}-comment`}
          data-focus="comment"
          name="comment"
          rows={3}
          value={values.comment}
          onChange={(e) => set("comment", e.target.value)}
          className={input}
          aria-invalid={fieldError("comment") ? true : undefined}
          aria-describedby={fieldError("comment") ? `${id}-comment-error` : undefined}
        />
        {fieldError("comment") ? <p id={`${id}-comment-error`} className="mt-1 text-sm text-red-700">{fieldError("comment")}</p> : null}
      </div>

      <div>
        <label htmlFor={`${id}-criterion`} className="block text-sm font-medium text-slate-800">
          Rubric criterion
        </label>
        <select
          id={`${id}-criterion`}
          name="criterionId"
          value={values.criterionId}
          onChange={(e) => set("criterionId", e.target.value)}
          className={input}
          aria-invalid={fieldError("criterionId") ? true : undefined}
          aria-describedby={fieldError("criterionId") ? `${id}-criterion-error` : undefined}
        >
          <option value="">Choose a criterion…</option>
          {criteria.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {fieldError("criterionId") ? <p id={`${id}-criterion-error`} className="mt-1 text-sm text-red-700">{fieldError("criterionId")}</p> : null}
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">This passage shows</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["STRENGTH", "TARGET"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-kind`} value={k} checked={values.kind === k} onChange={() => set("kind", k)} />
              {k === "STRENGTH" ? "A strength" : "A target"}
            </label>
          ))}
        </div>
      </fieldset>

      {allowSaveToBank ? (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={values.saveToBank} onChange={(e) => set("saveToBank", e.target.checked)} />
          Also save to my comment bank
        </label>
      ) : null}

      {errors?.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.formError}
        </p>
      ) : null}
      <div className="flex gap-2">
        {/* aria-disabled, not disabled: a disabled button loses focus to the page while the save travels. */}
        <Button type="submit" aria-disabled={pending || undefined}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
