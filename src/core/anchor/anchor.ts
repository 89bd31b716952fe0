/**
 * Finds a saved quote again in a page's text, as Hypothesis and other
 * annotation tools do: the position first when the quote is still there,
 * then the exact quote (several occurrences told apart by their context and
 * by how near they are to the old position), then approximate matching of the
 * quote (approx-string-match: Myers' bit-parallel algorithm) scored with its
 * context. What cannot be found is reported, never guessed: the caller lists
 * it as orphaned.
 */
import search from 'approx-string-match';
import { type Anchor, anchorExact } from './exact';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export { type Anchor, type AnchorMethod, anchorExact } from './exact';

/** Below this score a fuzzy candidate is not the saved quote. */
const MIN_FUZZY_SCORE = 0.5;
/** Quotes longer than this are matched by their head and tail (the algorithm's cost grows with the errors allowed). */
const LONG_QUOTE = 256;

/** Similarity 0–1 of two short strings (1 − edit distance / length), via the same matcher. */
function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const [text, pattern] = a.length >= b.length ? [a, b] : [b, a];
  const best = search(text, pattern, pattern.length).reduce((m, x) => Math.min(m, x.errors), pattern.length);
  return 1 - best / text.length;
}

/** How well a candidate span's surroundings match the saved prefix and suffix, and how near it is to the old position. */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector, hint?: number): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const around =
    (prefix.length > 0 ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1) +
    (suffix.length > 0 ? similarity(text.slice(end, end + suffix.length), suffix) : 1);
  const near = hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  return (2 * around + near) / 5;
}

/** The cheap steps, then approximate matching of the quote scored with its context. */
export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  return anchorExact(text, quote, position) ?? anchorFuzzy(text, quote, position);
}

/** Approximately: up to a quarter of the quote's characters may differ. */
export function anchorFuzzy(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  const exact = quote.exact;
  const hint = position?.start;
  let best: Anchor | null = null;
  const pattern = exact.length > LONG_QUOTE ? exact.slice(0, LONG_QUOTE / 2) : exact;
  const maxErrors = Math.max(1, Math.floor(pattern.length / 4));
  for (const m of search(text, pattern, maxErrors)) {
    let end = m.end;
    if (pattern !== exact) {
      // A long quote: its tail must be found after its head, about where it was.
      const tail = exact.slice(-LONG_QUOTE / 2);
      const from = m.start + exact.length - tail.length - Math.floor(exact.length / 4);
      const window = text.slice(Math.max(0, from), m.start + exact.length + Math.floor(exact.length / 4));
      const tails = search(window, tail, Math.floor(tail.length / 4));
      const t = tails.sort((a, b) => a.errors - b.errors)[0];
      if (t === undefined) continue;
      end = Math.max(0, from) + t.end;
    }
    const quoteScore = 1 - m.errors / pattern.length;
    const score = 0.6 * quoteScore + 0.4 * contextScore(text, m.start, end, quote, hint);
    if (score >= MIN_FUZZY_SCORE && (best === null || score > best.score))
      best = { start: m.start, end, method: 'fuzzy', score };
  }
  return best;
}
