"use client";

import { createContext, useContext } from "react";
import type { PlanCheckGuide } from "@/lib/planner/plan-check-guide";

// The assignment's pinned rubric's plan-check mapping (decision 022), handed from the server
// page to whatever in the workspace runs the plan check: the planner, and the submit
// confirmation. A context rather than a prop so it reaches them without threading through
// the workspace's layout. Null when the pinned rubric declares no mapping.
const PlanCheckGuideContext = createContext<PlanCheckGuide | null>(null);

export function PlanCheckGuideProvider({ guide, children }: { guide: PlanCheckGuide | null; children: React.ReactNode }) {
  return <PlanCheckGuideContext.Provider value={guide}>{children}</PlanCheckGuideContext.Provider>;
}

/** The mapping to pass to checkPlan as `{ guide }`. */
export function usePlanCheckGuide(): PlanCheckGuide | null {
  return useContext(PlanCheckGuideContext);
}
