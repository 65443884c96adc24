"use client";

import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { segmentText } from "@/lib/annotations/segments";
import type { AnnotationKind } from "@/lib/marking/annotation-view";

export type PlacedAnnotation = { id: string; kind: AnnotationKind; location: { start: number; end: number } | null };
export type TextRange = { start: number; end: number };

const TONE: Record<AnnotationKind, string> = {
  STRENGTH: "bg-emerald-100 decoration-emerald-600",
  TARGET: "bg-amber-100 decoration-amber-600",
};

/**
 * The essay with its highlights. With `selectable`, the text can be selected by mouse or
 * keyboard: it is a contenteditable region whose every edit is cancelled (beforeinput),
 * which is what gives keyboard users a caret to select with (Shift + arrows). Enter with
 * a selection asks to annotate it; Enter with the caret in a highlight opens that note.
 * The container holds only the essay's characters, so DOM offsets equal text offsets.
 */
export function AnnotatedEssay({
  text,
  annotations,
  activeId,
  onActivate,
  selectable = false,
  onSelection,
  onAnnotateRequest,
  labelledBy,
}: {
  text: string;
  annotations: PlacedAnnotation[];
  activeId: string | null;
  onActivate: (id: string) => void;
  selectable?: boolean;
  onSelection?: (range: TextRange | null) => void;
  onAnnotateRequest?: (range: TextRange) => void;
  labelledBy: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const kinds = useMemo(() => new Map(annotations.map((a) => [a.id, a.kind])), [annotations]);
  const segments = useMemo(
    () => segmentText(text, annotations.flatMap((a) => (a.location ? [{ id: a.id, ...a.location }] : []))),
    [text, annotations],
  );

  useEffect(() => {
    const el = ref.current;
    if (!el || !selectable) return;
    const block = (e: Event) => e.preventDefault();
    const onSelectionChange = () => onSelection?.(selectionIn(el));
    el.addEventListener("beforeinput", block);
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      el.removeEventListener("beforeinput", block);
      document.removeEventListener("selectionchange", onSelectionChange);
    };
  }, [selectable, onSelection]);

  function highlightAtCaret(): string | null {
    const sel = document.getSelection();
    const node = sel?.anchorNode;
    const mark = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>("[data-annotation-ids]");
    return mark?.dataset.annotationIds?.split(" ")[0] ?? null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const range = ref.current ? selectionIn(ref.current) : null;
    if (range && onAnnotateRequest) onAnnotateRequest(range);
    else {
      const id = highlightAtCaret();
      if (id) onActivate(id);
    }
  }

  return (
    <div
      ref={ref}
      id="essay-text"
      aria-labelledby={labelledBy}
      role={selectable ? "textbox" : "document"}
      aria-readonly={selectable ? true : undefined}
      aria-multiline={selectable ? true : undefined}
      contentEditable={selectable}
      suppressContentEditableWarning
      spellCheck={false}
      tabIndex={selectable ? 0 : undefined}
      onKeyDown={selectable ? onKeyDown : undefined}
      onPaste={(e) => e.preventDefault()}
      onDrop={(e) => e.preventDefault()}
      onCut={(e) => e.preventDefault()}
      onClick={() => {
        const sel = document.getSelection();
        if (sel && !sel.isCollapsed) return;
        const id = highlightAtCaret();
        if (id) onActivate(id);
      }}
      data-testid="essay-text"
      className="max-w-prose whitespace-pre-wrap font-serif text-[1.05rem] leading-8 text-slate-900 caret-indigo-700 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-4"
    >
      {segments.map((s) =>
        s.ids.length === 0 ? (
          <span key={s.start}>{s.text}</span>
        ) : (
          <mark
            key={s.start}
            id={`hl-${s.ids[0]}-${s.start}`}
            data-annotation-ids={s.ids.join(" ")}
            className={`cursor-pointer rounded-sm text-inherit underline decoration-2 underline-offset-4 ${TONE[kinds.get(s.ids[0]!) ?? "TARGET"]} ${
              activeId && s.ids.includes(activeId) ? "ring-2 ring-indigo-600" : ""
            } ${s.ids.length > 1 ? "decoration-double" : ""}`}
          >
            {s.text}
          </mark>
        ),
      )}
    </div>
  );
}

/** The selection as offsets into the essay text, or null when nothing (or something outside) is selected. */
function selectionIn(container: HTMLElement): TextRange | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

function offsetOf(container: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** Moves the caret to a highlight and scrolls it into view, so keyboard users land on it. */
export function revealHighlight(id: string) {
  const mark = document.querySelector<HTMLElement>(`[data-annotation-ids~="${CSS.escape(id)}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: "center", behavior: "smooth" });
  const essay = document.getElementById("essay-text");
  if (essay?.isContentEditable) {
    essay.focus({ preventScroll: true });
    const range = document.createRange();
    range.selectNodeContents(mark);
    range.collapse(true);
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
}
