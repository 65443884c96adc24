"use client";

import { useEffect, useRef, useState } from "react";
import type { ExportJobView } from "@/lib/exports/requests";
import { Card, EmptyState } from "@/components/ui/card";
import { DownloadLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";

// The person's exports, polled every 2 s while any is waiting or running. Changes are
// announced politely; when one the person is waiting for is ready, focus moves to its
// download link (decision 041).

const POLL_MS = 2000;
const active = (e: ExportJobView) => e.status === "QUEUED" || e.status === "RUNNING";

function progressText(e: ExportJobView): string {
  if (e.status === "QUEUED") return e.error ?? "Waiting to start…";
  if (e.status === "RUNNING") return e.total ? `${e.done} of ${e.total} ${e.kind === "CLASS" ? "students" : "steps"} done` : "Starting…";
  if (e.status === "DONE") return "Ready to download";
  if (e.status === "EXPIRED") return "Expired: ask for a new one";
  return e.error ?? "It failed. Ask for it again.";
}

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function ExportList({ initial, requested }: { initial: ExportJobView[]; requested: string | null }) {
  const [exports, setExports] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [offline, setOffline] = useState(false);
  // Bumped after a failed poll, so the next one is scheduled even though nothing changed.
  const [retries, setRetries] = useState(0);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  // Those this page saw waiting or running: focus follows the first to finish.
  const watched = useRef(new Set(initial.filter(active).map((e) => e.id)));
  const anyActive = exports.some(active);

  useEffect(() => {
    if (!anyActive) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/exports", { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const { exports: next } = (await res.json()) as { exports: ExportJobView[] };
        if (stopped) return;
        setOffline(false);
        setExports((before) => {
          const said: string[] = [];
          for (const e of next) {
            const old = before.find((b) => b.id === e.id);
            if (!old || old.status !== e.status || old.done !== e.done) said.push(`${e.label}: ${progressText(e)}.`);
          }
          if (said.length) setAnnouncement(said.join(" "));
          return next;
        });
      } catch {
        if (stopped) return;
        setOffline(true);
        setRetries((n) => n + 1);
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [exports, anyActive, retries]);

  useEffect(() => {
    const ready = exports.find((e) => e.status === "DONE" && watched.current.has(e.id));
    if (!ready) return;
    watched.current.delete(ready.id);
    links.current.get(ready.id)?.focus();
  }, [exports]);

  return (
    <>
      <div aria-live="polite" className="sr-only" data-testid="export-announcement">
        {announcement}
      </div>
      {offline ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Could not check progress just now; trying again.
        </p>
      ) : null}
      {exports.length === 0 ? (
        <EmptyState title="No exports yet">Students can download their data from their account page; teachers can export a class from its page.</EmptyState>
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">Exports</h2>
          <ul className="mt-3 divide-y divide-slate-100" data-testid="export-list">
            {exports.map((e) => (
              <li key={e.id} className="py-3" data-testid="export-item" data-status={e.status} aria-current={e.id === requested ? "true" : undefined}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium text-slate-900">{e.label}</h3>
                  <span className="text-sm text-slate-600">Asked for {formatDateTime(e.createdAt)}</span>
                </div>
                <p className={`mt-1 text-sm ${e.status === "FAILED" ? "text-red-700" : "text-slate-700"}`}>{progressText(e)}</p>
                {active(e) ? (
                  <progress className="mt-2 h-2 w-full" value={e.status === "RUNNING" && e.total ? e.done : undefined} max={e.total || undefined} aria-label={`${e.label}: progress`} />
                ) : null}
                {e.status === "DONE" && e.fileName ? (
                  <div className="mt-2 flex flex-wrap items-center gap-3">
                    <DownloadLink
                      href={`/exports/${e.id}/download`}
                      ref={(el) => {
                        if (el) links.current.set(e.id, el);
                        else links.current.delete(e.id);
                      }}
                      data-testid="export-download"
                    >
                      Download {e.fileName} ({kb(e.bytes ?? 0)})
                    </DownloadLink>
                    {e.expiresAt ? <span className="text-sm text-slate-600">Until {formatDateTime(e.expiresAt)}</span> : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
