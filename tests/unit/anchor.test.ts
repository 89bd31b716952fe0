/**
 * Re-anchoring saved quotes (issue 9, point 2): the page text changes between
 * visits; the saved claim must be found again or reported as orphaned. Every
 * text here is written for this test.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../src/core/anchor/anchor';
import { describeSpan, TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../../src/core/anchor/selectors';

const PAGE =
  'Le ministère a publié mardi un rapport technique. Selon ce rapport, des pirates liés à Pékin ont visé les serveurs de la commission électorale pendant plus d’un an. ' +
  'Les enquêteurs disent avoir retrouvé les mêmes outils que lors de campagnes précédentes. Pékin a rejeté ces accusations.';
const QUOTE = 'des pirates liés à Pékin ont visé les serveurs de la commission électorale';

function saved(text: string, quote: string) {
  const start = text.indexOf(quote);
  return describeSpan(text, start, start + quote.length);
}

describe('selectors', () => {
  it('describes a span by its quote with context and by its position, as valid W3C selectors', () => {
    const { quote, position } = saved(PAGE, QUOTE);
    expect(quote.exact).toBe(QUOTE);
    expect(PAGE.endsWith(quote.suffix ?? 'x') || PAGE.includes(`${quote.prefix}${quote.exact}${quote.suffix}`)).toBe(
      true,
    );
    expect(v.safeParse(TextQuoteSelectorSchema, quote).success).toBe(true);
    expect(v.safeParse(TextPositionSelectorSchema, position).success).toBe(true);
  });

  it('refuses malformed selectors with a message', () => {
    const bad = v.safeParse(TextPositionSelectorSchema, { type: 'TextPositionSelector', start: 9, end: 3 });
    expect(bad.success).toBe(false);
    expect(bad.issues?.[0]?.message).toBe('expected end after start');
    expect(v.safeParse(TextQuoteSelectorSchema, { type: 'TextQuoteSelector', exact: '' }).success).toBe(false);
    expect(() => describeSpan('abc', 2, 9)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  it('keeps the position when the quote is still there', () => {
    const { quote, position } = saved(PAGE, QUOTE);
    expect(anchorQuote(PAGE, quote, position)).toEqual({
      start: position.start,
      end: position.end,
      method: 'position',
      score: 1,
    });
  });

  it('finds the quote again when text was added before it', () => {
    const { quote, position } = saved(PAGE, QUOTE);
    const changed = `Mise à jour : le gouvernement a réagi. ${PAGE}`;
    const found = anchorQuote(changed, quote, position);
    expect(found?.method).toBe('quote');
    expect(changed.slice(found?.start, found?.end)).toBe(QUOTE);
  });

  it('tells a repeated quote apart by its context', () => {
    const repeated = `${PAGE} En résumé, des pirates liés à Pékin ont visé les serveurs de la commission électorale, répète le rapport.`;
    const second = repeated.lastIndexOf(QUOTE);
    const { quote } = describeSpan(repeated, second, second + QUOTE.length);
    // Saved from the second occurrence; the page is reloaded with a line added at the top.
    const reloaded = `Dernière minute. ${repeated}`;
    const found = anchorQuote(reloaded, quote);
    expect(found?.start).toBe(reloaded.lastIndexOf(QUOTE));
  });

  it('finds a quote whose words or spacing changed a little (fuzzy)', () => {
    const { quote, position } = saved(PAGE, QUOTE);
    const edited = PAGE.replace('ont visé les serveurs', 'ont  ciblé les serveurs');
    const found = anchorQuote(edited, quote, position);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found?.start, found?.end)).toContain('ciblé les serveurs de la commission');
    expect(found?.score).toBeGreaterThan(0.5);
  });

  it('reports a quote that is gone as not found (orphaned), never another sentence', () => {
    const { quote, position } = saved(PAGE, QUOTE);
    const rewritten = PAGE.replace(QUOTE, 'une campagne de désinformation a circulé sur les réseaux sociaux');
    expect(anchorQuote(rewritten, quote, position)).toBeNull();
    expect(anchorQuote('Une tout autre page, sans rapport avec la précédente.', quote, position)).toBeNull();
  });

  it('anchors a long quote by its head and tail', () => {
    const page = `${PAGE} ${PAGE.replace('Le ministère', 'Un autre ministère').replace('Pékin', 'Moscou')}`;
    const { quote, position } = describeSpan(page, 0, 300);
    const edited = `Mis à jour. ${page.replace('rapport technique', 'rapport très technique')}`;
    const found = anchorQuote(edited, quote, position);
    expect(found?.method).toBe('fuzzy');
    expect(found?.start).toBe('Mis à jour. '.length);
    expect(edited.slice(found?.start, found?.end).endsWith(page.slice(280, 300))).toBe(true);
  });
});
