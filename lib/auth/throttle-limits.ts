import { type Limit, type Slot, throttleKey } from "./throttle";

// The numbers, and the keys they count, for each guessable door into the app. Why these:
// docs/decisions/010-sign-in-abuse.md.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SIGN_IN_LIMITS = {
  // One account from one address: the owner's own typos, or one guesser. 3 free, then
  // 2 s, 4 s, 8 s … 15 min; the right password always gets through once the wait is over.
  pair: { free: 3, baseMs: 2 * SECOND, capMs: 15 * MINUTE, windowMs: DAY, onSuccess: "reset" },
  // One account from every address at once: a guesser rotating addresses. Not applied from
  // an address the owner signed in from recently, so it cannot lock the owner out.
  account: { free: 20, baseMs: 2 * SECOND, capMs: 15 * MINUTE, windowMs: DAY, onSuccess: "refund" },
  // One address across accounts: spraying a common password. High enough for a whole school
  // behind one address (a class of 30 with typos is ~30–60 failures), not applied to its
  // students' known addresses either.
  address: { free: 300, baseMs: 2 * SECOND, capMs: 15 * MINUTE, windowMs: 15 * MINUTE, onSuccess: "refund" },
} satisfies Record<string, Limit>;

/** How long a successful sign-in makes an address "known" for that account. */
export const KNOWN_ADDRESS_MS = 90 * DAY;

// Each sign-up costs a password hash and creates an account. Classes sign up together from
// one school address at the start of a year, so 120 an hour (four classes) are free; then
// one after 10 s, 20 s … 15 min. SIGN_UPS_PER_HOUR changes the 120 for a school that enrols
// more at once behind one address (and for the browser tests, whose every person signs up
// from 127.0.0.1).
export const SIGN_UP_LIMIT: Limit = { free: 120, baseMs: 10 * SECOND, capMs: 15 * MINUTE, windowMs: HOUR, onSuccess: "keep" };

// Join codes are 6 characters from 25 (2.4×10^8); only wrong codes are counted (a success
// refunds). A student gets 10 wrong an hour free; a school address 100 per quarter hour.
export const JOIN_LIMITS = {
  user: { free: 10, baseMs: 2 * SECOND, capMs: 15 * MINUTE, windowMs: HOUR, onSuccess: "refund" },
  address: { free: 100, baseMs: 2 * SECOND, capMs: 15 * MINUTE, windowMs: 15 * MINUTE, onSuccess: "refund" },
} satisfies Record<string, Limit>;

// Invitation links carry 256 random bits, so this only stops hammering; same shape as joining.
export const INVITATION_LIMITS = JOIN_LIMITS;

export const signInSlots = (email: string, address: string, known: boolean): Slot[] => [
  { key: signInPairKey(email, address), limit: SIGN_IN_LIMITS.pair },
  ...(known
    ? []
    : [
        { key: throttleKey("sign-in:account", email), limit: SIGN_IN_LIMITS.account },
        { key: throttleKey("sign-in:address", address), limit: SIGN_IN_LIMITS.address },
      ]),
];

export const signInPairKey = (email: string, address: string) => throttleKey("sign-in:pair", email, address);

export const signUpSlots = (address: string, free = SIGN_UP_LIMIT.free): Slot[] => [{ key: throttleKey("sign-up:address", address), limit: { ...SIGN_UP_LIMIT, free } }];

export const joinSlots = (userId: string, address: string): Slot[] => [
  { key: throttleKey("join:user", userId), limit: JOIN_LIMITS.user },
  { key: throttleKey("join:address", address), limit: JOIN_LIMITS.address },
];

export const invitationSlots = (userId: string, address: string): Slot[] => [
  { key: throttleKey("invitation:user", userId), limit: INVITATION_LIMITS.user },
  { key: throttleKey("invitation:address", address), limit: INVITATION_LIMITS.address },
];

// Two-factor codes (docs/decisions/035-two-factor.md): one streak per account, shared by the
// sign-in step, enrolment, new recovery codes and turning it off, whoever is trying. Six digits
// with a ±1 step window is 3 in 10^6 per guess: 5 free, then 30 s, 1 min … 15 min, about a
// hundred guesses a day at most. The owner's right code forgets the streak.
export const TWO_FACTOR_LIMIT: Limit = { free: 5, baseMs: 30 * SECOND, capMs: 15 * MINUTE, windowMs: DAY, onSuccess: "reset" };

export const twoFactorSlots = (userId: string): Slot[] => [{ key: throttleKey("two-factor:user", userId), limit: TWO_FACTOR_LIMIT }];
