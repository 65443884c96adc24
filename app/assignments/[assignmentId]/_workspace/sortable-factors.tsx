"use client";

import { useId, type CSSProperties, type ReactNode } from "react";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";

// With the drag layer, so it is not part of the planner's first load either.
export { focusSpot, restoreFocus } from "./carry-focus";

// The planner's drag layer (decision 044): @dnd-kit, fetched after hydration (lazy-sortable.tsx)
// so it is not part of the planner's first load (decision 018). One sortable per factor card;
// only the handle starts a drag, so text in the card's fields can still be selected.

/** What a card needs from the drag layer: where to attach, how to move, and the handle to show. */
export type SortableSlot = { ref: (el: HTMLElement | null) => void; style: CSSProperties; dragging: boolean; handle: ReactNode };

type Item = { id: string; name: string };

const instructions: ScreenReaderInstructions = {
  draggable:
    "To move this factor, press Space or Enter to pick it up, use the up and down arrow keys to choose its new place, then press Space or Enter to put it down, or Escape to cancel. The Move up and Move down buttons on the card do the same one place at a time.",
};

export function SortableFactorList({
  items,
  onMove,
  onMoved,
  renderItem,
}: {
  items: Item[];
  /** Move the factor at `from` to `to` (indexes in `items`). */
  onMove: (from: number, to: number) => void;
  /** After any drag that ends (moved or not): where focus should go. */
  onMoved: (id: string) => void;
  renderItem: (item: Item, index: number, slot: SortableSlot) => ReactNode;
}) {
  // The context's aria-describedby id comes from a module counter that differs between the
  // server and the browser; React's id does not (clauderic/dnd-kit #926).
  const dndId = useId();
  const sensors = useSensors(
    // A few pixels of movement before a mouse or pen drag starts, so a click stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // A short press before a touch drag starts, so a swipe over a handle still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: UniqueIdentifier) => items.find((i) => i.id === id)?.name || "The factor";
  const position = (id: UniqueIdentifier) => `position ${items.findIndex((i) => i.id === id) + 1} of ${items.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, at ${position(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${position(over.id)}.` : `${name(active.id)} is not over a place in the list.`),
    onDragEnd: ({ active, over }) => (over ? `${name(active.id)} put down at ${position(over.id)}.` : `${name(active.id)} put back where it was.`),
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled. It is back at ${position(active.id)}.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    const from = items.findIndex((i) => i.id === active.id);
    const to = over ? items.findIndex((i) => i.id === over.id) : -1;
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
    onMoved(String(active.id));
  }

  return (
    <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: instructions, container: liveRegionHost() }}>
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        {items.map((item, i) => (
          <SortableItem key={item.id} item={item} index={i} renderItem={renderItem} />
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({ item, index, renderItem }: { item: Item; index: number; renderItem: (item: Item, index: number, slot: SortableSlot) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Move ${item.name || "factor"}`}
      data-testid="factor-handle"
      data-factor-id={item.id}
      // touch-none (touch-action: none): the browser must not scroll the page when a drag starts
      // on the handle. A class, not a style attribute: the CSP refuses inline styles in HTML.
      className="inline-flex h-9 w-9 touch-none cursor-grab items-center justify-center rounded-md border border-slate-300 text-lg text-slate-600 hover:bg-slate-50 active:cursor-grabbing"
    >
      <span aria-hidden>⠿</span>
    </button>
  );
  // Only what moves: nothing at rest, so the server's HTML has no style attribute (the CSP refuses one).
  const style: CSSProperties = { transform: CSS.Translate.toString(transform) ?? undefined, transition };
  return renderItem(item, index, { ref: setNodeRef, style, dragging: isDragging, handle });
}

// dnd-kit renders its live region and instructions where the context is, which here is inside
// the factors' <ol>, where only <li> may be (axe "list"). In the page's body instead. dnd-kit
// renders them only once mounted, so the server's HTML (no document) matches the first render.
function liveRegionHost(): HTMLElement | undefined {
  return typeof document === "undefined" ? undefined : document.body;
}
