/**
 * The cheap steps of finding a saved quote again, without the approximate
 * matcher, so that the content script can run them on every visit (the
 * approximate step, ./anchor.ts, runs in the background).
 */
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1: how well the found text and its context match what was saved. */
  score: number;
}

/**
 * The cheap steps, without the approximate matcher (the content script runs
 * them on every visit): the position checked against the quote, then the
 * exact quote, several occurrences told apart by how much of the saved
 * context surrounds each and how near each is to the old position.
 */
export function anchorExact(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  const exact = quote.exact;
  // 1. The position, checked against the quote.
  if (position !== undefined && text.slice(position.start, position.end) === exact)
    return { start: position.start, end: position.end, method: 'position', score: 1 };

  // 2. The exact quote; between several occurrences, the best context.
  const hint = position?.start;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let best: Anchor | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    let p = 0;
    while (p < prefix.length && text[at - 1 - p] === prefix[prefix.length - 1 - p]) p++;
    let q = 0;
    while (q < suffix.length && text[end + q] === suffix[q]) q++;
    const around = (prefix.length > 0 ? p / prefix.length : 1) + (suffix.length > 0 ? q / suffix.length : 1);
    const near = hint === undefined ? 1 : 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, text.length));
    const score = 0.5 + (0.5 * (2 * around + near)) / 5;
    if (best === null || score > best.score) best = { start: at, end, method: 'quote', score };
  }
  return best;
}
