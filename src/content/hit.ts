/**
 * Which painted allegation is under a point. Highlights painted with the CSS
 * Custom Highlight API are not elements, so a click cannot name them: the
 * caret position under the point says which text was hit, and the ranges'
 * client rects confirm it (a caret snaps to the nearest character boundary,
 * so a click just past a highlight may land on its end edge).
 */

/** A caret position: a boundary point in the DOM. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The parts of a client rect the hit test reads. */
export type RectLike = Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>;

/** The caret position under a client point, through whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  try {
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = doc.caretPositionFromPoint(x, y);
      return pos === null ? null : { node: pos.offsetNode, offset: pos.offset };
    }
    if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      return r === null ? null : { node: r.startContainer, offset: r.startOffset };
    }
  } catch {
    // Points outside the viewport, or engine quirks: fall back to rects.
  }
  return null;
}

/** `range.comparePoint`, or NaN when the point cannot be compared (another document, a doctype…). */
function compare(range: Range, point: CaretPoint): number {
  try {
    return range.comparePoint(point.node, point.offset);
  } catch {
    return Number.NaN;
  }
}

function rectsOf(range: Range): RectLike[] {
  try {
    return typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
  } catch {
    return [];
  }
}

export function pointInRects(rects: readonly RectLike[], x: number, y: number): boolean {
  return rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

/**
 * Index of the range under the client point (x, y), or -1. A caret inside a
 * range counts when the point is also inside one of its rects (or the range
 * reports no rects at all, as without layout); a caret on its end edge only
 * counts through the rects. When the caret names no range, the rects decide.
 */
export function allegationAt(doc: Document, ranges: readonly Range[], x: number, y: number): number {
  const caret = caretAt(doc, x, y);
  if (caret !== null) {
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i] as Range;
      if (compare(range, caret) !== 0) continue;
      const rects = rectsOf(range);
      if (rects.length > 0) {
        if (pointInRects(rects, x, y)) return i;
      } else if (!(caret.node === range.endContainer && caret.offset === range.endOffset)) {
        return i;
      }
    }
  }
  for (let i = 0; i < ranges.length; i++) {
    if (pointInRects(rectsOf(ranges[i] as Range), x, y)) return i;
  }
  return -1;
}

/** Where to anchor a card for a range: its first non-empty client rect (the first line), else its bounding rect. */
export function rangeRect(range: Range): DOMRect | null {
  for (const r of rectsOf(range) as DOMRect[]) {
    if (r.width > 0 || r.height > 0) return r;
  }
  try {
    const b = range.getBoundingClientRect();
    return b.width > 0 || b.height > 0 ? b : null;
  } catch {
    return null;
  }
}
