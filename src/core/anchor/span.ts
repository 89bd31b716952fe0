/**
 * The selectors of a span of page text, computed without the schema library:
 * the content script builds them on every save and must stay small. Their
 * types and validators are in ./selectors.ts.
 */
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/** Characters of context kept on each side of a quote: enough to tell repeated quotes apart. */
export const QUOTE_CONTEXT = 32;
/** The longest quote kept (a selection longer than this is cut; the position still covers it). */
export const MAX_QUOTE = 4000;

/** The selectors that describe `text.slice(start, end)`: the quote with its context, and its position. */
export function describeSpan(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length))
    throw new RangeError(`no text between ${start} and ${end} (the text has ${text.length} characters)`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, Math.min(end, start + MAX_QUOTE)),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
