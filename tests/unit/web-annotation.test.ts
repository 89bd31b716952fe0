/**
 * Saved claims as W3C Web Annotations (issue 9, point 5): the export is
 * JSON-LD with the model's context, motivations and selectors; the import
 * reads standard annotations and collections, all or nothing, with errors by path.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../src/core/anchor/selectors';
import {
  ANNO_CONTEXT,
  fromWebAnnotations,
  ImportError,
  type SavedClaim,
  toAnnotationCollection,
  toWebAnnotation,
  WebAnnotationSchema,
} from '../../src/core/annotation/web-annotation';

const PAGE =
  'Officials said on Tuesday that hackers tied to Beijing had breached the ministry’s mail servers last year.';
const QUOTE = 'hackers tied to Beijing had breached the ministry’s mail servers';
const at = PAGE.indexOf(QUOTE);
const { quote, position } = describeSpan(PAGE, at, at + QUOTE.length);
const NOW = '2026-12-05T07:00:00.000Z';

const annotated: SavedClaim = {
  id: 'urn:uuid:5f0c2a34-9a7e-4f0a-8b6b-2d8e1c1f0a01',
  created: NOW,
  modified: NOW,
  url: 'https://news.example/2026/12/ministry-breach',
  title: 'Ministry mail servers breached',
  quote,
  position,
  note: 'The ministry named no group; check the technical report.',
  tags: ['china', 'email'],
  verdict: 'unverifiable',
};

describe('Web Annotation export', () => {
  it('writes a JSON-LD Annotation with the model’s context, motivation, bodies and selectors', () => {
    const a = toWebAnnotation(annotated);
    expect(a['@context']).toBe(ANNO_CONTEXT);
    expect(a.type).toBe('Annotation');
    expect(a.motivation).toBe('assessing');
    expect(a.body).toEqual([
      { type: 'TextualBody', value: annotated.note, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'china', purpose: 'tagging' },
      { type: 'TextualBody', value: 'email', purpose: 'tagging' },
      { type: 'TextualBody', value: 'unverifiable', purpose: 'assessing' },
    ]);
    expect(a.target).toMatchObject({ source: annotated.url, selector: [quote, position] });
    expect(v.safeParse(WebAnnotationSchema, a).success).toBe(true);
  });

  it('marks a claim only saved as bookmarking, and round-trips a collection', () => {
    const saved: SavedClaim = { ...annotated, id: 'urn:uuid:1', note: undefined, verdict: undefined, tags: [] };
    expect(toWebAnnotation(saved).motivation).toBe('bookmarking');
    const collection = toAnnotationCollection([annotated, saved], 'urn:uuid:c', 'My claims');
    expect(collection.total).toBe(2);
    const back = fromWebAnnotations(JSON.parse(JSON.stringify(collection)), NOW);
    expect(back[0]).toMatchObject({ id: annotated.id, url: annotated.url, quote, position, tags: ['china', 'email'] });
    expect(back[0]?.verdict).toBe('unverifiable');
    expect(back[0]?.note).toBe(annotated.note);
    expect(back[1]).toMatchObject({ id: 'urn:uuid:1', tags: [] });
  });
});

describe('Web Annotation import', () => {
  it('reads a standard annotation as other tools write it (one target, a quote selector, a plain-text body)', () => {
    const standard = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno23',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'Attribution repeated from an anonymous source.' },
      target: {
        source: 'https://news.example/story',
        selector: { type: 'TextQuoteSelector', exact: 'hackers tied to Beijing', prefix: 'that ', suffix: ' had' },
      },
    };
    const [claim] = fromWebAnnotations(standard, NOW);
    expect(claim).toMatchObject({
      id: 'http://example.org/anno23',
      created: NOW,
      url: 'https://news.example/story',
      quote: { exact: 'hackers tied to Beijing', prefix: 'that ', suffix: ' had' },
      note: 'Attribution repeated from an anonymous source.',
      tags: [],
    });
  });

  it('refuses a malformed collection as a whole, naming the first bad field by path', () => {
    const good = toWebAnnotation(annotated);
    const bad = { ...good, target: { source: 'javascript:alert(1)', selector: [quote] } };
    const collection = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [good, bad] } };
    expect(() => fromWebAnnotations(collection, NOW)).toThrow(ImportError);
    try {
      fromWebAnnotations(collection, NOW);
    } catch (e) {
      expect((e as ImportError).path).toMatch(/^\$\.first\.items\[1\]\.target/);
    }
    expect(() =>
      fromWebAnnotations({ type: 'Annotation', target: { source: 'https://a.example', selector: [position] } }, NOW),
    ).toThrow('expected a TextQuoteSelector');
    expect(() => fromWebAnnotations({ type: 'Note' }, NOW)).toThrow(ImportError);
    expect(() => fromWebAnnotations({ ...good, id: 'x'.repeat(3000) }, NOW)).toThrow(
      '$.id: expected an id of at most 2048 characters',
    );
  });

  it('gives an annotation without an id a new one, and dates it now', () => {
    const [claim] = fromWebAnnotations(
      {
        type: 'Annotation',
        target: { source: 'https://a.example/p', selector: { type: 'TextQuoteSelector', exact: 'x' } },
      },
      NOW,
    );
    expect(claim?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(claim?.created).toBe(NOW);
  });
});
