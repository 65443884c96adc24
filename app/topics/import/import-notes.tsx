"use client";

import { useId, useState, useTransition } from "react";
import { callAction, isUnreachable, type CallResult } from "@/lib/client/call-action";
import { MAX_DOCX_BYTES, MAX_NOTES_BYTES } from "@/lib/notes/validate-notes";
import { importNotesAction, previewDocxAction, previewNotesAction } from "../actions";
import { NotesPreview, type Fix, type Preview } from "./notes-preview";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function isDocx(file: File): boolean {
  return file.name.toLowerCase().endsWith(".docx") || file.type === DOCX_TYPE;
}

/** Base64 of a file's bytes, in chunks so a large file does not overflow the argument list. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportNotes() {
  const [text, setText] = useState("");
  const [format, setFormat] = useState<"auto" | "text" | "markdown">("auto");
  const [title, setTitle] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [fromWord, setFromWord] = useState(false);
  const [conversionNotes, setConversionNotes] = useState<string[]>([]);
  const [fixes, setFixes] = useState<Record<number, Fix>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { text: useId(), file: useId(), format: useId(), title: useId(), error: useId() };

  function payload(overrides: Partial<{ text: string; fixes: Record<number, Fix> }> = {}) {
    return { text: overrides.text ?? text, format, title, fileName, fixes: JSON.stringify(Object.values(overrides.fixes ?? fixes)) };
  }

  function show(result: CallResult<unknown>) {
    if (result.ok) return true;
    setError(result.fieldErrors?.text?.[0] ?? result.fieldErrors?.docx?.[0] ?? result.formError ?? "Something went wrong.");
    return false;
  }

  function runPreview(next: Partial<{ text: string; fixes: Record<number, Fix> }> = {}) {
    setError(null);
    startTransition(async () => {
      const result = await callAction(() => previewNotesAction(null, payload(next)));
      if (show(result) && result.ok) {
        const p = result.data as Preview;
        setPreview(p);
        if (!title) setTitle(p.topic.title);
        // Offline: the last preview stays, so the fixes made on it are not lost.
      } else if (!isUnreachable(result)) setPreview(null);
    });
  }

  function chosen(content: string, name: string, p: Preview, notes: string[], word: boolean) {
    setText(content);
    setFileName(name);
    setFromWord(word);
    setConversionNotes(notes);
    setPreview(p);
    setTitle(p.topic.title);
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    const word = isDocx(file);
    const limit = word ? MAX_DOCX_BYTES : MAX_NOTES_BYTES;
    if (file.size > limit) {
      setPreview(null);
      const what = word ? "a Word document" : "a notes file";
      setError(`That file is ${Math.ceil(file.size / 1024)} KB; ${what} can be at most ${limit / 1024} KB. ${word ? "Save a copy without pictures, or split" : "Split"} it into smaller topics.`);
      return;
    }
    setFixes({});
    if (word) {
      const docx = await toBase64(file);
      startTransition(async () => {
        const result = await callAction(() => previewDocxAction(null, { docx, fileName: file.name }));
        if (show(result) && result.ok) {
          setFormat("markdown");
          chosen(result.data.text, file.name, result.data as Preview, result.data.conversionNotes, true);
        } else setPreview(null);
      });
      return;
    }
    const content = await file.text();
    if (file.name.toLowerCase().endsWith(".md")) setFormat("markdown");
    // Validate on the server before showing the text, so a binary file never fills the box.
    startTransition(async () => {
      const result = await callAction(() => previewNotesAction(null, { ...payload({ text: content, fixes: {} }), title: "", fileName: file.name }));
      if (show(result) && result.ok) chosen(content, file.name, result.data as Preview, [], false);
      else setPreview(null);
    });
  }

  function save() {
    setError(null);
    startTransition(async () => {
      // On success the action redirects to the new topic.
      show(await callAction(() => importNotesAction(null, payload())));
    });
  }

  function fix(lineNo: number, change: Partial<Fix>) {
    const line = preview?.headingLines.find((l) => l.lineNo === lineNo);
    const current = fixes[lineNo] ?? { lineNo, kind: "heading" as const, level: line?.level, text: line?.text };
    const next = { ...fixes, [lineNo]: { ...current, ...change } };
    setFixes(next);
    runPreview({ fixes: next });
  }

  function makePoint(lineNo: number) {
    const next = { ...fixes, [lineNo]: { lineNo, kind: "point" as const } };
    setFixes(next);
    runPreview({ fixes: next });
  }

  function undo(lineNo: number) {
    const next = Object.fromEntries(Object.entries(fixes).filter(([key]) => Number(key) !== lineNo));
    setFixes(next);
    runPreview({ fixes: next });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="notes-input" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="notes-input" className="text-lg font-semibold">1. Your notes</h2>
        <div>
          <label htmlFor={ids.file} className="block text-sm font-medium text-slate-800">Upload a file</label>
          <p id={`${ids.file}-hint`} className="text-sm text-slate-600">A Word document (.docx), plain text (.txt) or Markdown (.md).</p>
          <input id={ids.file} type="file" aria-describedby={`${ids.file}-hint`} accept={`.txt,.md,.markdown,.docx,text/plain,text/markdown,${DOCX_TYPE}`} onChange={(e) => onFile(e.target.files?.[0])} className="mt-1 block text-sm" />
        </div>
        <div>
          <label htmlFor={ids.text} className="block text-sm font-medium text-slate-800">…or paste them</label>
          <textarea
            id={ids.text}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFromWord(false);
              setConversionNotes([]);
            }}
            rows={14}
            aria-describedby={error ? ids.error : undefined}
            aria-invalid={error ? true : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={ids.format} className="block text-sm font-medium text-slate-800">Format</label>
            <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as typeof format)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2">
              <option value="auto">Detect automatically</option>
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
            </select>
          </div>
          <div>
            <label htmlFor={ids.title} className="block text-sm font-medium text-slate-800">Topic title</label>
            <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          </div>
        </div>
        <div aria-live="polite">
          {error ? (
            <p id={ids.error} data-testid="import-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
        </div>
        <button type="button" onClick={() => runPreview()} disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
          {pending ? "Reading…" : preview ? "Update preview" : "Preview"}
        </button>
      </section>
      <section aria-labelledby="notes-preview" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="notes-preview" className="text-lg font-semibold">2. Check and save</h2>
        {preview ? (
          <NotesPreview
            preview={preview}
            source={fromWord ? "a Word document" : preview.format === "markdown" ? "Markdown" : "plain text"}
            notes={conversionNotes}
            fixes={fixes}
            onFix={fix}
            onMakePoint={makePoint}
            onUndo={undo}
            onSave={save}
            pending={pending}
          />
        ) : (
          <p className="mt-2 text-sm text-slate-600">The preview shows the sections, points and questions found. Nothing is saved until you choose Save topic.</p>
        )}
      </section>
    </div>
  );
}
