"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { useFieldErrors } from "./action-form";

const control =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-600 aria-[invalid=true]:border-red-500";

function FieldShell({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Common = { name: string; label: ReactNode; hint?: ReactNode };

export function TextField({ name, label, hint, ...props }: Common & Omit<ComponentProps<"input">, "name">) {
  const id = useId();
  const errors = useFieldErrors()[name];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={control} {...props} />
    </FieldShell>
  );
}

export function TextArea({ name, label, hint, ...props }: Common & Omit<ComponentProps<"textarea">, "name">) {
  const id = useId();
  const errors = useFieldErrors()[name];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={control} {...props} />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  ...props
}: Common & { options: { value: string; label: string }[] } & Omit<ComponentProps<"select">, "name">) {
  const id = useId();
  const errors = useFieldErrors()[name];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={control} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function RadioGroup({ name, legend, options, defaultValue }: { name: string; legend: string; options: { value: string; label: string; hint?: string }[]; defaultValue?: string }) {
  const id = useId();
  const errors = useFieldErrors()[name];
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
            <input type="radio" name={name} value={o.value} defaultChecked={o.value === defaultValue} className="mt-1" />
            <span>
              <span className="block text-sm font-medium text-slate-900">{o.label}</span>
              {o.hint ? <span className="block text-sm text-slate-600">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
