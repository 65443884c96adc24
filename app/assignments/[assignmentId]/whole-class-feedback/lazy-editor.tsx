"use client";

import dynamic from "next/dynamic";

// Loaded only on this page, so the editor's code stays out of the assignment route's shared
// client chunk (docs/decisions/018-client-bundle.md). It still renders on the server.
export const WholeClassEditor = dynamic(() => import("./whole-class-editor").then((m) => m.WholeClassEditor));
