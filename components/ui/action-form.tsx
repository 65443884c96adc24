"use client";

import { createContext, useActionState, useContext, useEffect, useMemo, useRef, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { guardAction } from "@/lib/client/call-action";

type Action = (prev: unknown, data: FormData) => Promise<ActionResult<unknown>>;

const FieldErrorsContext = createContext<Record<string, string[] | undefined>>({});
export const useFieldErrors = () => useContext(FieldErrorsContext);
/** For forms that are not an ActionForm but use its fields (components/ui/field.tsx). */
export const FieldErrorsProvider = FieldErrorsContext.Provider;

// A form bound to a safeAction. It submits without React's automatic form reset, so a
// refused submission keeps everything the user typed; errors are announced in a live
// region and tied to their fields (see components/ui/field.tsx). A call that never reaches
// the server (offline, 5xx) is a refusal like any other, not a throw to the error page.
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Saving…",
  successMessage,
  resetOnSuccess = false,
  className = "space-y-4",
  submitVariant = "primary",
  testId,
}: {
  action: Action;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  resetOnSuccess?: boolean;
  className?: string;
  submitVariant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const guarded = useMemo(() => guardAction(action), [action]);
  const [state, formAction] = useActionState(guarded, null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok && resetOnSuccess) formRef.current?.reset();
    if (!state.ok) {
      const firstBad = Object.keys(state.fieldErrors ?? {}).find((k) => state.fieldErrors?.[k]?.length);
      const field = firstBad ? formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstBad)}"]`) : null;
      (field ?? statusRef.current)?.focus();
    }
  }, [state, resetOnSuccess]);

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const variants = {
    primary: "bg-indigo-700 text-white hover:bg-indigo-800",
    secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  };

  return (
    <FieldErrorsContext.Provider value={fieldErrors}>
      <form
        ref={formRef}
        noValidate
        data-testid={testId}
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
      >
        <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {state && !state.ok && state.formError ? (
            <p data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {state.formError}
            </p>
          ) : null}
          {state?.ok && (state.message ?? successMessage) ? (
            <p data-testid="form-success" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
              {state.message ?? successMessage}
            </p>
          ) : null}
        </div>
        {children}
        <div>
          <button
            type="submit"
            disabled={pending}
            className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${variants[submitVariant]}`}
          >
            {pending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
