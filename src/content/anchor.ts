/**
 * From offsets in the extracted page text back to DOM ranges. Offsets count
 * characters of text, not nodes (as Hypothesis anchors do): each chunk of the
 * text maps to one Text node, character for character.
 */
import type { PageText, TextChunk } from './extract';

export interface TextPoint {
  node: Text;
  offset: number;
}

/** The last chunk that starts at or before `pos`. */
function chunkAt(chunks: readonly TextChunk[], pos: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((chunks[mid] as TextChunk).start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The DOM point for a text offset. Offsets that fall on a separator the
 * extractor added (a block break) snap forward for a start, backward for an end.
 */
export function pointAt(page: PageText, pos: number, edge: 'start' | 'end'): TextPoint | null {
  const { chunks } = page;
  const i = chunkAt(chunks, pos);
  const chunk = i >= 0 ? chunks[i] : undefined;
  if (chunk !== undefined && pos - chunk.start <= chunk.node.length) {
    const offset = pos - chunk.start;
    // At the very start of a node, an end belongs to the previous node.
    if (edge === 'end' && offset === 0 && i > 0) {
      const prev = chunks[i - 1] as TextChunk;
      if (prev.start + prev.node.length === pos) return { node: prev.node, offset: prev.node.length };
    }
    // At the very end of a node, a start belongs to the next node.
    if (edge === 'start' && offset === chunk.node.length && chunks[i + 1] !== undefined) {
      const next = chunks[i + 1] as TextChunk;
      if (next.start === pos) return { node: next.node, offset: 0 };
    }
    return { node: chunk.node, offset };
  }
  if (edge === 'start') {
    const next = chunks[i + 1];
    return next !== undefined ? { node: next.node, offset: 0 } : null;
  }
  return chunk !== undefined ? { node: chunk.node, offset: chunk.node.length } : null;
}

/** A live Range over the page text between two offsets, or null when the text is no longer there. */
export function rangeFor(doc: Document, page: PageText, start: number, end: number): Range | null {
  if (end <= start) return null;
  const a = pointAt(page, start, 'start');
  const b = pointAt(page, end, 'end');
  if (a === null || b === null || !a.node.isConnected || !b.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(a.node, Math.min(a.offset, a.node.length));
  range.setEnd(b.node, Math.min(b.offset, b.node.length));
  return range.collapsed ? null : range;
}
