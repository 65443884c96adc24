import { jsonGetRoute } from "@/lib/actions/json-route";
import { listMyExports } from "@/lib/exports/requests";

// The exports page's progress poll: the signed-in person's exports (decision 041).
export const GET = jsonGetRoute(async (user) => ({ exports: await listMyExports(user) }));
