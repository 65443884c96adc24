"use client";

import dynamic from "next/dynamic";

// The feedback screens, loaded only on a page that shows them. Every client component a
// route imports shares one chunk group, so imported directly these (and the annotation
// code under them) would be part of every student's first load of the planner, though
// they appear only after marking (docs/decisions/018-client-bundle.md). They still render
// on the server; the browser fetches their code when a page holds one.

export const FeedbackEssay = dynamic(() => import("./feedback-essay").then((m) => m.FeedbackEssay));
export const FeedbackResponse = dynamic(() => import("./feedback-response").then((m) => m.FeedbackResponse));
export const RedraftButton = dynamic(() => import("./feedback-response").then((m) => m.RedraftButton));
export const RedraftPanel = dynamic(() => import("./redraft-panel").then((m) => m.RedraftPanel));
