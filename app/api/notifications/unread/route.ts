import { jsonGetRoute } from "@/lib/actions/json-route";
import { unreadCount } from "@/lib/notifications/inbox";

// The bell's refresh (decision 047): the signed-in person's unread count, capped at 100 ("99+").
export const GET = jsonGetRoute(async (user) => ({ unread: await unreadCount(user.id) }));
