import type { SignInMethod } from "../sessions";

// Whether a session may be used yet, by the two-factor rules (docs/decisions/035-two-factor.md).
// Pure, so the rules are unit-tested; lib/auth/current-user.ts enforces the answer for every
// page, action and route handler.
//
// - "verify": a password session of an account with two-factor on, before its code is given.
// - "enrol": a teacher whose school requires two-factor, in a password session, with none set up.
// - "none": usable. Provider and LMS sessions satisfy the policy (the school's own sign-in
//   checked the person), as does a second factor given in this session. Students are never
//   gated: two-factor is for staff, and the autosave fast path (students only) relies on it.
export type TwoFactorGate = "none" | "enrol" | "verify";

export type GateFacts = {
  role: "STUDENT" | "TEACHER";
  method: SignInMethod;
  secondFactorAt: Date | null;
  enrolled: boolean;
  schoolRequires: boolean;
};

export function twoFactorGate(f: GateFacts): TwoFactorGate {
  if (f.role !== "TEACHER" || f.method !== "PASSWORD" || f.secondFactorAt) return "none";
  if (f.enrolled) return "verify";
  return f.schoolRequires ? "enrol" : "none";
}

export const GATE_MESSAGES: Record<Exclude<TwoFactorGate, "none">, string> = {
  verify: "Finish signing in first: enter the code from your authenticator app at /two-factor.",
  enrol: "Your school asks staff to set up two-factor sign-in first. Set it up at /two-factor.",
};
