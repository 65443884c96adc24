"use client";

import { lazy } from "react";

// The drag layer (@dnd-kit, about 15 KB gzip) is fetched in its own chunk, not with the
// planner's first load (docs/decisions/018-client-bundle.md, 044-small-screens-and-dnd.md).
// The planner wraps it in <Suspense> with the same cards and an inert handle as the fallback,
// so the list is there, and its Move up / Move down buttons work, before the chunk arrives.
export const SortableFactorList = lazy(() => import("./sortable-factors").then((m) => ({ default: m.SortableFactorList })));
