/**
 * Citations of saved claims (issue 9, point 5): CSL-JSON and RIS, as Zotero,
 * Mendeley and Word's citation tools import them. Data written for this test.
 */
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../src/core/anchor/selectors';
import { toCslJson, toRis } from '../../src/core/annotation/citations';
import type { SavedClaim } from '../../src/core/annotation/web-annotation';

const PAGE = 'Paris a accusé mardi le renseignement militaire russe de mener des opérations contre la France.';
const QUOTE = 'le renseignement militaire russe de mener des opérations';
const at = PAGE.indexOf(QUOTE);
const claim: SavedClaim = {
  id: 'urn:uuid:0b8e3f9e-1111-4c3a-9d7e-7f1a2b3c4d5e',
  created: '2026-12-05T07:00:00.000Z',
  modified: '2026-12-05T07:00:00.000Z',
  url: 'https://journal.example/2025/04/29/cyberattaques',
  title: 'Paris accuse le renseignement militaire russe',
  site: 'Le Journal',
  authors: ['Jeanne Martin', 'AFP'],
  published: '2025-04-29',
  ...describeSpan(PAGE, at, at + QUOTE.length),
  note: 'Première attribution publique\nà ce niveau.',
  tags: ['russie', 'apt28'],
};

describe('CSL-JSON', () => {
  it('cites the article the claim was saved from, with the quote, the note and the access date', () => {
    const [item] = toCslJson([claim]);
    expect(item).toEqual({
      id: claim.id,
      type: 'article-newspaper',
      title: claim.title,
      'container-title': 'Le Journal',
      URL: claim.url,
      author: [{ given: 'Jeanne', family: 'Martin' }, { literal: 'AFP' }],
      issued: { 'date-parts': [[2025, 4, 29]] },
      accessed: { 'date-parts': [[2026, 12, 5]] },
      abstract: QUOTE,
      note: claim.note,
      keyword: 'russie, apt28',
    });
  });

  it('falls back to the URL as title and leaves out what the page did not declare', () => {
    const bare: SavedClaim = {
      ...claim,
      title: undefined,
      site: undefined,
      authors: undefined,
      published: undefined,
      note: undefined,
      tags: [],
    };
    const [item] = toCslJson([bare]);
    expect(item?.title).toBe(claim.url);
    expect(Object.keys(item ?? {})).toEqual(['id', 'type', 'title', 'URL', 'accessed', 'abstract']);
  });
});

describe('RIS', () => {
  it('writes one record per claim, tags in the RIS shape, values on one line, ending with ER', () => {
    const text = toRis([claim, { ...claim, id: 'urn:uuid:2', tags: [] }]);
    const records = text.trim().split(/\r\n\r\n/);
    expect(records).toHaveLength(2);
    const lines = (records[0] as string).split('\r\n');
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain('AU  - Martin, Jeanne');
    expect(lines).toContain('AU  - AFP');
    expect(lines).toContain('DA  - 2025/04/29');
    expect(lines).toContain('Y2  - 2026/12/05');
    expect(lines).toContain(`AB  - ${QUOTE}`);
    expect(lines).toContain('N1  - Première attribution publique à ce niveau.');
    expect(lines.filter((l) => l.startsWith('KW'))).toEqual(['KW  - russie', 'KW  - apt28']);
  });
});
