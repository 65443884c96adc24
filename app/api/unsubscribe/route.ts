import { oneClickUnsubscribe, unsubscribePage } from "@/lib/notifications/one-click";

// RFC 8058 one-click unsubscribe, the List-Unsubscribe URL of every email (decision 047).
// Public by design: the signed token is the proof (lib/notifications/one-click.ts).
export const POST = oneClickUnsubscribe;
export const GET = unsubscribePage;
