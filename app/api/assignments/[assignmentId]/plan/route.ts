import { jsonRoute } from "@/lib/actions/json-route";
import { sameContent } from "@/lib/autosave/same-content";
import { savePlan } from "@/lib/planner/plans";
import { SavePlanSchema } from "@/lib/drafts/schemas";

// Autosave: 200 with the saved revision, or 409 with the newer plan, which the planner
// merges field by field. A stale save of the plan the server holds is answered as saved.
export const PUT = jsonRoute(SavePlanSchema, async (input, user) => {
  const result = await savePlan(user, input);
  if (result.ok) return { body: { revision: result.revision, savedAt: result.savedAt } };
  const { plan, revision, savedAt } = result.conflict;
  if (sameContent(plan, input.plan)) return { body: { revision, savedAt } };
  return { status: 409, body: { error: "A newer version of your plan was saved in another tab or device.", current: result.conflict } };
});
