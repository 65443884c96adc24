// Why a sign-in or link with a provider was refused, as a short code carried in the redirect
// back to /sign-in or /account (?refused=code), and the sentence those pages show for it.
// Nothing the provider said is echoed: the page shows only our own words.

export const REFUSALS = {
  expired: "That sign-in was started too long ago, in another browser, or was already used. Start again.",
  cancelled: "Sign-in was cancelled at the provider. Nothing was changed.",
  failed: "The provider's answer could not be checked, so nobody was signed in. Start again.",
  unreachable: "That sign-in provider can't be reached just now. Try again in a minute, or sign in with your password.",
  unavailable: "That sign-in provider is not set up on this Extent.",
  unverified: "Your provider has not verified your email address, so Extent can't use it. Ask your school's IT team.",
  "no-school": "No school on Extent accepts this account. Use your school account, or ask your school's Extent administrator to add your domain or tenant.",
  "wrong-school": "That account belongs to a different school from your Extent account, so it was not used.",
  "no-email": "Your provider did not share an email address, which Extent needs to make your account.",
  "email-taken":
    "An Extent account already uses this email. Sign in with its password, then link this provider from Your account.",
  "linked-elsewhere": "That provider account is already linked to a different Extent account.",
  throttled: "Too many sign-in attempts from this network. Wait a few minutes and try again.",
} as const;

export type RefusalCode = keyof typeof REFUSALS;

export const refusalMessage = (code: string | undefined): string | null => (code && code in REFUSALS ? REFUSALS[code as RefusalCode] : null);

/** Whom a refused sign-in is about, when the callback got far enough to know: for the audit trail. */
export type RefusedAccount = { subjectId?: string | null; schoolId?: string | null };

export class ProviderRefusal extends Error {
  /** `link`: the refusal is shown on /account (a link was being made), not /sign-in. */
  constructor(
    readonly code: RefusalCode,
    readonly link = false,
    readonly about: RefusedAccount = {},
  ) {
    super(REFUSALS[code]);
    this.name = "ProviderRefusal";
  }
}
