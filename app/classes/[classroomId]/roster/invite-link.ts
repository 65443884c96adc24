// The link an invited student opens; signing up through it joins the class.
export function inviteLink(origin: string, token: string): string {
  return `${origin}/sign-up?invite=${encodeURIComponent(token)}`;
}
