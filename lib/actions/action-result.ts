// The one result shape every server action returns; forms render it accessibly
// (components/ui/form-status.tsx, field errors tied to inputs with aria-describedby).
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

export const idle = { ok: false } as ActionResult<never>;
