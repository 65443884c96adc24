import { jsonRoute } from "@/lib/actions/json-route";
import { savePlan } from "@/lib/planner/plans";
import { SavePlanSchema } from "@/lib/drafts/schemas";

export const PUT = jsonRoute(SavePlanSchema, async (input, user) => {
  const result = await savePlan(user, input);
  return result.ok
    ? { body: { revision: result.revision, savedAt: result.savedAt } }
    : { status: 409, body: { error: "A newer version of your plan was saved in another tab or device.", current: result.conflict } };
});
