import "server-only";
import { createQueueClient } from "./boss";
import { queues } from "./queues";

// The app's enqueue, typed by lib/jobs/queues.ts: `await enqueue(tx, "export", { requestId })`
// inside a Prisma interactive transaction (decision 040).
export const { enqueue, cancel } = createQueueClient(queues);
