"use client";

import dynamic from "next/dynamic";

// The teacher's settings form, loaded only on the teacher's view of the assignment: the
// route's client components share one chunk group, so a direct import would add it to
// every student's first load of the planner (docs/decisions/018-client-bundle.md).
export const AssignmentSettings = dynamic(() => import("./assignment-settings").then((m) => m.AssignmentSettings));
export const BlindMarkingSettings = dynamic(() => import("./blind-marking-settings").then((m) => m.BlindMarkingSettings));
