import { databaseIsUp } from "@/lib/db-health";

export const dynamic = "force-dynamic";

export async function GET() {
  return (await databaseIsUp())
    ? Response.json({ ok: true })
    : Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
}
