"use client";

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { FocusSpot } from "./carry-focus";
import type { SortableFactorList } from "./sortable-factors";

// The drag layer (@dnd-kit, about 15 KB gzip) is fetched in its own chunk, not with the
// planner's first load (docs/decisions/018-client-bundle.md, 044-small-screens-and-dnd.md).
//
// Fetched after hydration rather than through React.lazy and <Suspense>: a lazy component the
// server meets mid-render is streamed as a hidden copy of the list beside the fallback, so for
// a moment every card was in the page twice (duplicate ids, two of every field: CI counted 24
// cards of 12). Now the server and the first render hold one plain list, with inert handles and
// working Move buttons; the loaded layer replaces it in one commit. A chunk that fails to load
// (offline) leaves the plain list, and is tried again when the browser is back online.

type DragLayer = typeof SortableFactorList;

/** The drag layer once its chunk has arrived (null until then, or when not `wanted`). Focus and a
 *  field's selection inside `list` are carried over the cards' remount when it arrives. */
export function useDragLayer(wanted: boolean, list: RefObject<HTMLElement | null>): DragLayer | null {
  const [layer, setLayer] = useState<DragLayer | null>(null);
  const carried = useRef<{ spot: FocusSpot; restore: (list: HTMLElement, spot: FocusSpot) => void } | null>(null);

  useEffect(() => {
    if (!wanted || layer) return;
    let live = true;
    const load = () =>
      import("./sortable-factors").then(
        (m) => {
          if (!live) return;
          const spot = list.current ? m.focusSpot(list.current) : null;
          carried.current = spot ? { spot, restore: m.restoreFocus } : null;
          setLayer(() => m.SortableFactorList);
        },
        () => {
          // Offline or a deploy replaced the chunk: the Move buttons still work; try again later.
          if (live) window.addEventListener("online", load, { once: true });
        },
      );
    void load();
    return () => {
      live = false;
      window.removeEventListener("online", load);
    };
  }, [wanted, layer, list]);

  useLayoutEffect(() => {
    const carry = carried.current;
    carried.current = null;
    if (carry && list.current) carry.restore(list.current, carry.spot);
  }, [layer, list]);

  // Read-only once handed in: the plain list, even if the layer has arrived.
  return wanted ? layer : null;
}
