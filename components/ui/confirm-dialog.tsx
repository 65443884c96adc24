"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

export type ConfirmOptions = {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  testId?: string;
};

/**
 * window.confirm, accessibly: a modal <dialog> (focus kept inside, Escape cancels, focus
 * returns to where it was), with room to list what the student should know before going on.
 * `ask` resolves true for the confirm button, false for cancel, Escape or closing.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [open, setOpen] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setOpen({ ...options, resolve })), []);
  const close = (ok: boolean) => {
    open?.resolve(ok);
    setOpen(null);
  };
  return [open ? <ConfirmDialog key={open.title} {...open} onClose={close} /> : null, ask];
}

function ConfirmDialog({ title, body, confirmLabel, cancelLabel = "Go back", testId, onClose }: ConfirmOptions & { onClose: (ok: boolean) => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice has focus, so Enter on a hurried keyboard does not submit.
    cancelRef.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
      className="w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="max-h-[80vh] overflow-y-auto p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {body ? <div className="mt-3 text-sm text-slate-800">{body}</div> : null}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button ref={cancelRef} variant="secondary" onClick={() => onClose(false)} data-testid={testId ? `${testId}-cancel` : undefined}>
            {cancelLabel}
          </Button>
          <Button onClick={() => onClose(true)} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
