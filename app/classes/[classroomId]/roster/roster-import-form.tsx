"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { callAction, type CallResult } from "@/lib/client/call-action";
import { MAX_ROSTER_BYTES } from "@/lib/roster/parse-roster";
import type { RosterImportResult } from "@/lib/roster/roster-import";
import { importRosterAction } from "./actions";
import { RosterImportResults } from "./roster-import-results";

// A file is read into the text box rather than sent as is, so the teacher sees what will be
// imported and can fix a reported line in place; a refused import keeps the text.
export function RosterImportForm({ classroomId, origin }: { classroomId: string; origin: string }) {
  const [csv, setCsv] = useState("");
  const [fileMessage, setFileMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [result, setResult] = useState<CallResult<RosterImportResult> | null>(null);
  const [pending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const ids = { file: useId(), fileMessage: useId(), text: useId(), hint: useId(), errors: useId() };

  useEffect(() => {
    if (!result) return;
    (result.ok ? resultsRef.current : errorsRef.current)?.focus();
  }, [result]);

  async function onFile(file: File | undefined) {
    setFileMessage(null);
    if (!file) return;
    const refuse = (text: string) => setFileMessage({ tone: "error", text });
    if (/\.xlsx?$|\.ods$/i.test(file.name)) return refuse("That is a spreadsheet file. Save it as CSV (in Excel: “CSV UTF-8”) and choose that file.");
    if (file.size > MAX_ROSTER_BYTES) {
      return refuse(`That file is ${Math.round(file.size / 1024)} KB; a class list can be at most 500 KB. Keep just the name and email columns.`);
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return refuse("That file is not saved as UTF-8, so accented names would come out garbled. In Excel choose “CSV UTF-8” when saving; Google Sheets does this already.");
    }
    setCsv(text);
    setResult(null);
    setFileMessage({ tone: "ok", text: `Read ${file.name}. Check the list below, then import it.` });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const outcome = await callAction(() => importRosterAction(null, { classroomId, csv }));
      setResult(outcome);
      if (outcome.ok) {
        setCsv("");
        setFileMessage(null);
        if (fileRef.current) fileRef.current.value = "";
      }
    });
  }

  const rowErrors = result && !result.ok ? (result.fieldErrors?.csv ?? []) : [];
  const describedBy = [ids.hint, result && !result.ok ? ids.errors : ""].filter(Boolean).join(" ");

  return (
    <div className="space-y-6">
      <section aria-labelledby="roster-form-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="roster-form-heading" className="text-lg font-semibold">Class list</h2>
        <form noValidate onSubmit={submit} className="mt-3 space-y-4">
          <div>
            <label htmlFor={ids.file} className="block text-sm font-medium text-slate-800">Upload a CSV file</label>
            <input
              id={ids.file}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-describedby={fileMessage ? ids.fileMessage : undefined}
              onChange={(e) => onFile(e.target.files?.[0])}
              className="mt-1 block text-sm"
            />
            <div aria-live="polite">
              {fileMessage ? (
                <p id={ids.fileMessage} data-testid="roster-file-message" className={`mt-1 text-sm ${fileMessage.tone === "error" ? "text-red-700" : "text-slate-600"}`}>
                  {fileMessage.text}
                </p>
              ) : null}
            </div>
          </div>
          <div>
            <label htmlFor={ids.text} className="block text-sm font-medium text-slate-800">…or paste the list</label>
            <p id={ids.hint} className="mt-0.5 text-sm text-slate-600">A header row <code className="font-mono">name,email</code>, then one student a line.</p>
            <textarea
              id={ids.text}
              name="csv"
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
              rows={10}
              spellCheck={false}
              placeholder={"name,email\nAmira Khan,amira.khan@school.org"}
              aria-invalid={result && !result.ok ? true : undefined}
              aria-describedby={describedBy}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-600 aria-[invalid=true]:border-red-500"
            />
          </div>
          <div aria-live="polite">
            {result && !result.ok ? (
              <div
                ref={errorsRef}
                id={ids.errors}
                tabIndex={-1}
                data-testid="roster-errors"
                className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 outline-none focus-visible:ring-2 focus-visible:ring-red-300"
              >
                <p className="font-medium">{result.formError}</p>
                {rowErrors.length ? (
                  <ul className="mt-1 list-disc space-y-0.5 pl-5">
                    {rowErrors.map((message, i) => (
                      <li key={i}>{message}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>
          <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
            {pending ? "Importing…" : "Import roster"}
          </button>
        </form>
      </section>
      {result?.ok ? <RosterImportResults result={result.data} origin={origin} headingRef={resultsRef} /> : null}
    </div>
  );
}
