"use client";

import { useEffect } from "react";

/**
 * While `unsaved` is true, leaving the page (closing the tab, reloading, following a link out)
 * asks first: for forms saved on request — the marking, a reply, the whole-class feedback —
 * whose text would otherwise be lost.
 */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}
