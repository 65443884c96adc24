/**
 * A server action's re-render removes the row whose button was pressed (a student removed, an
 * invitation withdrawn), and focus falls to the page body. Once `el` has left the page, focus
 * `next()` instead, unless the user has already moved focus on. Gives up after `timeoutMs`
 * (the action failed and the row stayed, so focus never left).
 */
export function focusWhenRemoved(el: Element, next: () => HTMLElement | null, timeoutMs = 10_000) {
  const start = performance.now();
  const tick = () => {
    if (!el.isConnected) {
      if (!document.activeElement || document.activeElement === document.body) next()?.focus();
      return;
    }
    if (performance.now() - start < timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
