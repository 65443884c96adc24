// The link an invited teacher opens: signed in with the invited email, they accept or decline there.
export function teacherInviteLink(origin: string, token: string): string {
  return `${origin}/co-teaching/${encodeURIComponent(token)}`;
}
