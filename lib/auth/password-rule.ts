// The password rule as people read it, shared by the sign-up form (shown before typing) and
// the server's policy (lib/auth/password-policy.ts). This file has no dependencies so the
// form can import it without pulling the common-password dictionaries into the browser.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_RULE =
  "At least 10 characters, not your name or email, and not a common password. Three or four unrelated words are easy to remember and hard to guess.";
