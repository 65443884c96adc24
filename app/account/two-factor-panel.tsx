"use client";

import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import type { TwoFactorStatus } from "@/lib/auth/two-factor/two-factor";
import { guardAction, type CallResult } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";
import { confirmTwoFactorAction, startTwoFactorAction } from "../two-factor/actions";
import { regenerateRecoveryCodesAction, turnOffTwoFactorAction } from "./two-factor-actions";

// Two-factor for a staff account, on /account and on /two-factor when the school requires it
// (docs/decisions/035-two-factor.md): set up with a QR code or the key typed in, confirm with
// a code, see the recovery codes once; then new recovery codes or turning it off, each with a
// code. The recovery codes live only in this component's action state, never sent again. It
// is held here, not in the form: confirming refreshes the page into its "on" state in the
// same commit as the result arrives, which unmounts the form that sent it.

const guardedStart = guardAction(startTwoFactorAction);
const guardedConfirm = guardAction(confirmTwoFactorAction);
const guardedRegenerate = guardAction(regenerateRecoveryCodesAction);
const guardedTurnOff = guardAction(turnOffTwoFactorAction);

export function TwoFactorPanel({ status }: { status: TwoFactorStatus }) {
  const [confirmState, confirm] = useActionState(guardedConfirm, null);
  const [regenerateState, regenerate] = useActionState(guardedRegenerate, null);
  const [saved, setSaved] = useState<unknown[]>([]);
  const shown = [regenerateState, confirmState].find((s) => s?.ok && !saved.includes(s));
  if (shown?.ok) return <RecoveryCodes codes={shown.data.recoveryCodes} onSaved={() => setSaved((list) => [...list, shown])} />;
  if (status.state === "off") return <Off schoolRequires={status.schoolRequires} />;
  if (status.state === "pending") {
    return (
      <div className="space-y-4" data-testid="two-factor-pending">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
          <li>Scan this QR code with it, or type the key below into it.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <div className="flex flex-wrap items-start gap-6">
          {/* The SVG is made on our server from our own otpauth:// URI (qrcode), never by a third party. */}
          <div role="img" aria-label="QR code for your authenticator app" className="w-48 max-w-full" dangerouslySetInnerHTML={{ __html: status.qrSvg }} />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-800">Key to type in instead</p>
            <code data-testid="manual-key" className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900">
              {status.manualKey}
            </code>
            <p className="mt-1 text-xs text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
          </div>
        </div>
        <CodeForm state={confirmState} action={confirm} label="Code from the app" submitLabel="Turn on two-factor" pendingLabel="Checking…" testId="confirm-two-factor" />
      </div>
    );
  }
  return (
    <div className="space-y-5" data-testid="two-factor-on">
      <p className="text-sm text-slate-700">
        <span className="font-medium text-green-800">Two-factor sign-in is on.</span> When you sign in with your password you also enter a code from your
        authenticator app. You have {status.recoveryCodesLeft} recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"} left.
      </p>
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Get new recovery codes</summary>
        <p className="mt-2 text-sm text-slate-600">Your old recovery codes stop working.</p>
        <CodeForm state={regenerateState} action={regenerate} label="Code from your app, to get new recovery codes" submitLabel="Get new recovery codes" pendingLabel="Making codes…" testId="regenerate-codes" />
      </details>
      {status.schoolRequires ? (
        <p className="text-sm text-slate-600">Your school requires two-factor sign-in for staff, so it cannot be turned off.</p>
      ) : (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Turn off two-factor sign-in</summary>
          <TurnOff />
        </details>
      )}
    </div>
  );
}

function TurnOff() {
  const [state, action] = useActionState(guardedTurnOff, null);
  return <CodeForm state={state} action={action} label="Code from your app, to turn off two-factor" submitLabel="Turn off two-factor" pendingLabel="Turning off…" variant="danger" testId="turn-off-two-factor" />;
}

function Off({ schoolRequires }: { schoolRequires: boolean }) {
  const [state, action] = useActionState(guardedStart, null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3" data-testid="two-factor-off">
      <p className="text-sm text-slate-700">
        {schoolRequires
          ? "Your school requires staff who sign in with a password to also enter a code from an authenticator app."
          : "Add a code from an authenticator app to your password, so a stolen password is not enough to open your account."}
      </p>
      <Status state={state} />
      <Button onClick={() => startTransition(() => action({}))} disabled={pending}>
        {pending ? "Starting…" : "Set up two-factor sign-in"}
      </Button>
    </div>
  );
}

function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-3" data-testid="recovery-codes-shown">
      <h3 ref={heading} tabIndex={-1} className="font-semibold text-slate-900 outline-none">
        Save your recovery codes
      </h3>
      <p className="text-sm text-slate-700">
        If you lose your phone, each code signs you in once instead of an app code. Keep them somewhere safe (a password manager, or printed):
        this is the only time they are shown.
      </p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm text-slate-900 sm:grid-cols-5">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Button onClick={onSaved}>I have saved my recovery codes</Button>
    </div>
  );
}

function Status({ state }: { state: CallResult<unknown> | null }) {
  return (
    <div aria-live="polite">
      {state && !state.ok && state.formError ? (
        <p data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One code field for an action whose state the caller holds. Submitted without React's form
 * reset (as ActionForm does), so a refused code stays in the field to be corrected.
 */
function CodeForm({
  state,
  action,
  label,
  submitLabel,
  pendingLabel,
  variant = "primary",
  testId,
}: {
  state: CallResult<unknown> | null;
  action: (data: FormData) => void;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  testId: string;
}) {
  const [pending, startTransition] = useTransition();
  const handled = useRef<CallResult<unknown> | null>(state);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    if (!state || state === handled.current) return;
    handled.current = state;
    if (!state.ok) input.current?.focus();
  }, [state]);

  const error = state && !state.ok ? (state.fieldErrors?.code?.join(" ") ?? null) : null;
  return (
    <form
      noValidate
      data-testid={testId}
      className="mt-3 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <Status state={state} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          ref={input}
          id={id}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 block w-40 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-slate-900 shadow-sm focus:border-indigo-600 aria-[invalid=true]:border-red-500"
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
