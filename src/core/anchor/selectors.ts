/**
 * W3C Web Annotation selectors for a span of a page's text (Web Annotation
 * Data Model §4.2.4 TextQuoteSelector, §4.2.5 TextPositionSelector), declared
 * once as valibot schemas: the type and the validator of imports derive from
 * them. Positions count UTF-16 code units of the page text the content
 * script reads (one DOM walker, see src/content/extract.ts), as the
 * specification's "characters" are read by every browser-side anchoring tool.
 */
import * as v from 'valibot';
import { MAX_QUOTE } from './span';

export { describeSpan, MAX_QUOTE, QUOTE_CONTEXT } from './span';

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
