/**
 * Saved claims out and back in (issue 9, point 5): Markdown with citations,
 * CSV through Papa Parse, schema.org ClaimReview, the backup, and the import
 * that recognises each format, all or nothing, with errors by path.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../src/core/anchor/selectors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  CSV_COLUMNS,
  citation,
  parseImport,
  toClaimReviews,
  toCsv,
  toMarkdown,
} from '../../src/core/annotation/exports';
import type { SavedClaim } from '../../src/core/annotation/record';
import { ImportError, toAnnotationCollection } from '../../src/core/annotation/web-annotation';

const PAGE =
  'Le ministère a indiqué mardi que des pirates liés à Pékin avaient visé les boîtes de messagerie de plusieurs députés.';
const QUOTE = 'des pirates liés à Pékin avaient visé les boîtes de messagerie';
const at = PAGE.indexOf(QUOTE);
const { quote, position } = describeSpan(PAGE, at, at + QUOTE.length);
const NOW = '2026-12-05T08:00:00.000Z';

/** Reaches into exported JSON: `dig(x, 'a', 0, 'b')`. */
function dig(x: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], x);
}
/** Sets a value deep in a JSON copy. */
function put(x: unknown, path: (string | number)[], value: unknown): void {
  const parent = dig(x, ...path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
}

const saved: SavedClaim = {
  id: 'urn:uuid:0d1a4c1e-2b3f-4c5d-8e9f-a0b1c2d3e4f5',
  created: NOW,
  modified: NOW,
  url: 'https://journal.example/2026/12/deputes-pirates',
  title: 'Des députés visés par des pirates',
  site: 'Le Journal',
  authors: ['Claire Martin', 'Paul Durand'],
  published: '2026-12-03T06:30:00+01:00',
  quote,
  position,
  sentence: PAGE,
  allegation: { stance: 'accusation', accuser: 'BE', accused: 'CN', action: 'hacking' },
  tags: ['apt31', 'parlement'],
};
const reviewed: SavedClaim = {
  ...saved,
  id: 'urn:uuid:0d1a4c1e-2b3f-4c5d-8e9f-a0b1c2d3e4f6',
  note: 'Attribution by the federal prosecutor; Beijing denies.',
  verdict: 'disputed',
};
const hostile: SavedClaim = {
  ...saved,
  id: 'urn:uuid:0d1a4c1e-2b3f-4c5d-8e9f-a0b1c2d3e4f7',
  title: '=HYPERLINK("https://evil.example","click")',
  quote: { type: 'TextQuoteSelector', exact: 'line one\nline "two", with a comma' },
  tags: ['# heading', '[link](javascript:alert(1))'],
};

describe('Markdown export', () => {
  it('gives each claim its quote and a full citation: authors, title, site, date, URL, date accessed', () => {
    const md = toMarkdown([saved, reviewed]);
    expect(md).toContain('2 claims.');
    expect(md).toContain(`> ${QUOTE}`);
    expect(citation(saved)).toBe(
      'Claire Martin, Paul Durand, “Des députés visés par des pirates”, Le Journal, 2026-12-03. https://journal.example/2026/12/deputes-pirates (accessed 2026-12-05).',
    );
    expect(md).toContain('- Allegation: accusation; accuser BE; accused CN');
    expect(md).toContain('- Verdict: disputed');
    expect(md).toContain('- Note: Attribution by the federal prosecutor; Beijing denies.');
  });

  it('escapes Markdown syntax in page text, so a title or tag cannot add headings or links', () => {
    const md = toMarkdown([hostile]);
    expect(md).not.toMatch(/^# heading/m);
    expect(md).toContain('\\# heading');
    expect(md).toContain('\\[link\\](javascript:alert(1))');
    // A quote with a newline stays one quoted line.
    expect(md).toContain('> line one line "two", with a comma');
  });
});

describe('CSV export', () => {
  it('round-trips through a CSV parser: one row per claim, quotes, commas and newlines intact', () => {
    const csv = toCsv([saved, hostile]);
    const parsed = Papa.parse<string[]>(csv.trim(), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(3);
    const row = parsed.data[2] as string[];
    expect(row[CSV_COLUMNS.indexOf('quote')]).toBe('line one\nline "two", with a comma');
    expect(parsed.data[1]?.[CSV_COLUMNS.indexOf('authors')]).toBe('Claire Martin; Paul Durand');
  });

  it('escapes formulae: a spreadsheet shows a title beginning with "=" as text', () => {
    const parsed = Papa.parse<string[]>(toCsv([hostile]).trim());
    expect(parsed.data[1]?.[CSV_COLUMNS.indexOf('title')]).toBe(`'=HYPERLINK("https://evil.example","click")`);
  });
});

describe('ClaimReview export', () => {
  it('reviews only the claims with a note or a verdict, with claimReviewed, itemReviewed, rating, author, date', () => {
    const reviews = toClaimReviews([saved, reviewed], { name: 'A. Fact-Checker' });
    expect(reviews).toHaveLength(1);
    const r = reviews[0];
    expect(dig(r, '@context')).toBe('https://schema.org');
    expect(dig(r, '@type')).toBe('ClaimReview');
    expect(dig(r, 'claimReviewed')).toBe(PAGE);
    expect(dig(r, 'datePublished')).toBe('2026-12-05');
    expect(dig(r, 'author')).toEqual({ '@type': 'Person', name: 'A. Fact-Checker' });
    expect(dig(r, 'itemReviewed', 'appearance', 'url')).toBe(saved.url);
    expect(dig(r, 'itemReviewed', 'author', 'name')).toBe('BE');
    expect(dig(r, 'reviewRating')).toEqual({
      '@type': 'Rating',
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'disputed',
    });
    expect(dig(r, 'reviewBody')).toBe(reviewed.note);
  });

  it('comes back in as the same claim: quote, page, note, verdict, id', () => {
    const back = parseImport(toClaimReviews([reviewed], { name: 'x' }), NOW);
    expect(back.kind).toBe('claimreview');
    const c = back.claims[0] as SavedClaim;
    expect(c.id).toBe(reviewed.id);
    expect(c.url).toBe(reviewed.url);
    expect(c.quote.exact).toBe(QUOTE);
    expect(c.sentence).toBe(PAGE);
    expect(c.verdict).toBe('disputed');
    expect(c.rating).toBe(3);
    expect(c.note).toBe(reviewed.note);
  });

  it('reads a ClaimReview from another publisher: @graph, a 1–7 scale, no verdict word', () => {
    const other = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'ClaimReview',
          url: 'https://factcheck.example/reviews/42',
          datePublished: '2025-04-30',
          claimReviewed: 'A country hacked the national elections commission.',
          itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', url: 'https://site.example/a' }] },
          reviewRating: { '@type': 'Rating', ratingValue: 7, bestRating: 7, worstRating: 1, alternateName: 'Accurate' },
        },
      ],
    };
    const [c] = parseImport(other, NOW).claims;
    expect(c?.id).toBe('https://factcheck.example/reviews/42');
    expect(c?.rating).toBe(5);
    expect(c?.verdict).toBeUndefined();
    expect(c?.created).toBe('2025-04-30T00:00:00.000Z');
  });
});

describe('Import', () => {
  it('recognises a Web Annotation collection and keeps Counterpoint’s own fields', () => {
    const back = parseImport(toAnnotationCollection([saved, reviewed], 'urn:x', 'mine'), NOW);
    expect(back.kind).toBe('webannotation');
    expect(back.claims.map((c) => c.id)).toEqual([saved.id, reviewed.id]);
    expect(back.claims[0]?.allegation).toEqual(saved.allegation);
    expect(back.claims[0]?.authors).toEqual(saved.authors);
    expect(back.claims[1]?.verdict).toBe('disputed');
  });

  it('restores a backup as it was', () => {
    const backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      savedClaims: [saved, reviewed],
      packs: [],
      settings: { disabledSites: ['example.org'] },
    };
    const back = parseImport(JSON.parse(JSON.stringify(backup)), NOW);
    expect(back.kind).toBe('backup');
    expect(back.claims).toEqual([saved, reviewed]);
    expect(back.settings).toEqual({ disabledSites: ['example.org'] });
  });

  it('refuses the whole file at its first bad field, by path', () => {
    const bad = toAnnotationCollection([saved, reviewed], 'urn:x', 'mine');
    put(bad, ['first', 'items', 1, 'target', 'source'], 'javascript:alert(1)');
    expect(() => parseImport(bad, NOW)).toThrow(ImportError);
    expect(() => parseImport(bad, NOW)).toThrow(/^\$\.first\.items\[1\]\.target/);
    const badBackup = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: NOW,
      savedClaims: [{ ...saved, tags: 'x' }],
      packs: [],
      settings: {},
    };
    expect(() => parseImport(badBackup, NOW)).toThrow(/^\$\.savedClaims\[0\]\.tags/);
    const review = toClaimReviews([reviewed], { name: 'x' });
    put(review, [0, 'itemReviewed', 'appearance', 'url'], 'ftp://x');
    expect(() => parseImport(review, NOW)).toThrow(/^\$\[0\]\.itemReviewed\.appearance/);
    expect(() => parseImport({ hello: 'world' }, NOW)).toThrow(/not a Counterpoint backup/);
    expect(() => parseImport([], NOW)).toThrow(ImportError);
  });
});
