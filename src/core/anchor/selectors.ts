/**
 * W3C Web Annotation selectors for a span of a page's text (Web Annotation
 * Data Model §4.2.4 TextQuoteSelector, §4.2.5 TextPositionSelector), declared
 * once as valibot schemas: the type and the validator of imports derive from
 * them. Positions count UTF-16 code units of the page text the content
 * script reads (one DOM walker, see src/content/extract.ts), as the
 * specification's "characters" are read by every browser-side anchoring tool.
 */
import * as v from 'valibot';

/** Characters of context kept on each side of a quote: enough to tell repeated quotes apart. */
export const QUOTE_CONTEXT = 32;
/** The longest quote kept (a selection longer than this is cut; the position still covers it). */
export const MAX_QUOTE = 4000;

export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(
    v.string('expected the quoted text'),
    v.minLength(1, 'expected a non-empty quote'),
    v.maxLength(MAX_QUOTE, `expected at most ${MAX_QUOTE} characters`),
  ),
  prefix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  suffix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});

export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((s) => s.end > s.start, 'expected end after start'),
);

export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;

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
