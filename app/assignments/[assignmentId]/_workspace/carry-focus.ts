// Carrying focus over the factor cards' remount when the drag layer arrives (lazy-sortable.tsx).
// In the drag layer's chunk, not the planner's first load: it runs only once that chunk is here.

/** Where focus is inside a factor card, in terms that survive the card being remounted. */
export type FocusSpot = { factorId: string; index: number; tag: string; selection: [number, number, "forward" | "backward" | "none"] | null };

// The handle is a different element before and after the layer arrives (an inert span, then a
// button), so it is not counted: every other control keeps its place.
const CONTROLS = 'input, textarea, select, button:not([data-testid="factor-handle"]), a[href], summary';

export function focusSpot(list: HTMLElement): FocusSpot | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !list.contains(active)) return null;
  const card = active.closest<HTMLElement>("li[data-factor-id]");
  const factorId = card?.dataset.factorId;
  if (!card || !factorId) return null;
  const index = [...card.querySelectorAll(CONTROLS)].indexOf(active);
  if (index < 0) return null;
  // Inputs with no selection (a radio button) read null here rather than throwing.
  const field = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
  const selection: FocusSpot["selection"] =
    field && field.selectionStart !== null && field.selectionEnd !== null ? [field.selectionStart, field.selectionEnd, field.selectionDirection ?? "none"] : null;
  return { factorId, index, tag: active.tagName, selection };
}

export function restoreFocus(list: HTMLElement, spot: FocusSpot) {
  // The focused field was removed with its card, so focus is on the body; anywhere else, the
  // person has moved on in the moment since, and keeps their new place.
  if (document.activeElement && document.activeElement !== document.body) return;
  const card = list.querySelector(`li[data-factor-id="${CSS.escape(spot.factorId)}"]`);
  const target = card?.querySelectorAll<HTMLElement>(CONTROLS)[spot.index];
  if (!target || target.tagName !== spot.tag) return;
  target.focus({ preventScroll: true });
  if (spot.selection && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
    try {
      target.setSelectionRange(...spot.selection);
    } catch {
      // The field's type has no selection.
    }
  }
}
