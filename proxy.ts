import { NextResponse, type NextRequest } from "next/server";

// Passes the requested path to Server Components, so a signed-out visitor sent to sign in
// can be brought back to where they were going (lib/auth/current-user.ts).
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-extent-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|favicon.ico|api/health).*)"] };
