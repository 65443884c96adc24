"use client";

import dynamic from "next/dynamic";

// The draft's history sits closed below the editor; its code (list, restore, dates) is fetched
// in its own chunk, not with the planner's first load, to make room for the factor cards' drag
// layer in decision 018's budget (docs/decisions/044-small-screens-and-dnd.md). It still
// renders on the server.
export const RevisionHistory = dynamic(() => import("./revision-history").then((m) => m.RevisionHistory));
