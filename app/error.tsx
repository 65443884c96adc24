"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">Nothing you had saved has been lost. Try again, and if it keeps happening, tell your teacher or administrator.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">Try again</button>
    </div>
  );
}
