"use client";

import dynamic from "next/dynamic";

// The notice that asks which side of a plan clash to keep appears only when two tabs changed
// the same part of the plan, so its code is not part of the planner's first load
// (docs/decisions/018-client-bundle.md); it is fetched the first time a clash is shown.
export const PlanClashNotice = dynamic(() => import("./plan-clash-notice").then((m) => m.PlanClashNotice));
