"use client";

import { useId, useState } from "react";
import { toLocalInput } from "@/lib/time/local-input";
import { schoolTimeZone } from "@/lib/time/school-zone";
import { useFieldErrors } from "./action-form";

// The teacher types the school's clock time (APP_TIME_ZONE), whatever zone their laptop is
// in, and the form sends that reading as typed ("2026-06-10T17:00"): the server reads it in
// the school's zone (lib/time/local-input.ts readDateTime), so the one place that decides
// what a clock-change hour means is on the server, and the field works without JavaScript.
export function DateTimeField({ name, label, defaultValue, hint }: { name: string; label: string; defaultValue?: string; hint?: string }) {
  const id = useId();
  const zone = schoolTimeZone();
  const [local, setLocal] = useState(() => (defaultValue ? toLocalInput(new Date(defaultValue), zone) : ""));
  const errors = useFieldErrors()[name];
  const zoneNote = `${id}-zone`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">{hint}</p> : null}
      <input
        id={id}
        name={name}
        type="datetime-local"
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", zoneNote, errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-500"
      />
      <p id={zoneNote} className="mt-1 text-xs text-slate-500">School time ({zone.replaceAll("_", " ")})</p>
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
