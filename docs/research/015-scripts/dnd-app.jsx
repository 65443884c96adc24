// Minimal factor list sortable with @dnd-kit (core 6.3.1 + sortable 10.0.0) on React 19.
import React, { useState } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { DndContext, closestCenter, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";

function Card({ id, label }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style = { transform: CSS.Transform.toString(transform), transition, padding: 12, margin: 4, border: "1px solid #333", background: isDragging ? "#eef" : "#fff", display: "flex", gap: 8, alignItems: "center" };
  return (
    <li ref={setNodeRef} style={style} data-testid={`card-${id}`}>
      {/* Drag handle only: touch-action none so the browser does not scroll instead of drag. */}
      <button ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Move ${label}`} style={{ minWidth: 44, minHeight: 44, touchAction: "none" }} data-testid={`handle-${id}`}>⠿</button>
      <span>{label}</span>
    </li>
  );
}

export function App({ dndId }) {
  const [items, setItems] = useState([
    { id: "a", label: "Economic factors" },
    { id: "b", label: "Political factors" },
    { id: "c", label: "Military factors" },
    { id: "d", label: "Social factors" },
  ]);
  const sensors = useSensors(
    // PointerSensor handles mouse, pen and touch (pointer events); a small distance keeps taps as clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id) => items.find((i) => i.id === id)?.label;
  const announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    onDragOver: ({ active, over }) => over ? `${name(active.id)} is over position ${items.findIndex((i) => i.id === over.id) + 1} of ${items.length}.` : `${name(active.id)} is no longer over a position.`,
    onDragEnd: ({ active, over }) => over ? `${name(active.id)} dropped at position ${items.findIndex((i) => i.id === over.id) + 1} of ${items.length}.` : `${name(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled.`,
  };
  function onDragEnd({ active, over }) {
    window.__events.push(`end ${active.id} ${over?.id}`);
    if (over && active.id !== over.id) {
      setItems((xs) => arrayMove(xs, xs.findIndex((x) => x.id === active.id), xs.findIndex((x) => x.id === over.id)));
    }
  }
  return (
    <main>
      <h1>Factors</h1>
      <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragStart={(e) => window.__events.push(`start ${e.active.id}`)} onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: "To move a factor, press space or enter, use the arrow keys, then press space or enter again to drop, or escape to cancel." } }}>
        <SortableContext items={items} strategy={verticalListSortingStrategy}>
          <ol style={{ listStyle: "none", padding: 0, width: 300 }}>{items.map((i) => <Card key={i.id} {...i} />)}</ol>
        </SortableContext>
      </DndContext>
      <p data-testid="order">{items.map((i) => i.id).join("")}</p>
    </main>
  );
}
if (typeof window !== "undefined") {
  window.__events = [];
  const root = document.getElementById("root");
  const dndId = window.__dndId; // undefined: dnd-kit's module counter; set: a stable id (React useId in the app)
  if (root.hasChildNodes()) hydrateRoot(root, <App dndId={dndId} />);
  else createRoot(root).render(<App dndId={dndId} />);
}
