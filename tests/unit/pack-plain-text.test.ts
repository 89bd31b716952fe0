/**
 * The stricter pack text (issue 10, item 10) must not break packs built from
 * page text: "My annotations" is made from sentences and titles a page chose,
 * which may hold controls, bidi overrides, or an emoji the length cut splits.
 */
import { describeSpan } from '@core/anchor/span';
import type { SavedClaim } from '@core/annotation/record';
import { toStatementPack } from '@core/annotation/statements';
import { PLAIN_TEXT, plainText } from '@core/pack/schema';
import { describe, expect, it } from 'vitest';

describe('plainText', () => {
  it('drops what a pack refuses and keeps everything else', () => {
    expect(plainText('a\u001b[2Jb\u009bc\u202ed\u2066e\u0000f')).toBe('a[2Jbcdef');
    expect(plainText('Ligne 1\nLigne 2\tfin — « Pékin » 中国 🛰️')).toBe('Ligne 1\nLigne 2\tfin — « Pékin » 中国 🛰️');
    expect(plainText('x\ud83dy\ude80z')).toBe('x\ufffdy\ufffdz');
    for (const s of ['a\u001b\u202e\ud800b', '🛰️'.slice(0, 1), 'ok']) expect(PLAIN_TEXT.test(plainText(s))).toBe(true);
  });
});

describe('"My annotations" from hostile page text', () => {
  it('builds a valid pack from a sentence and title full of controls, and an emoji cut in half', () => {
    const text = `The ministry said China\u001b[2J hacked the \u202eparliament\u202c network ${'🛰️'.repeat(200)}.`;
    const quote = text.slice(0, text.length - 1);
    const span = describeSpan(text, 0, quote.length);
    const claim: SavedClaim = {
      id: 'urn:uuid:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      created: '2026-12-05T08:00:00.000Z',
      modified: '2026-12-05T09:00:00.000Z',
      url: 'https://news.example.org/article/1',
      site: 'Example\u0007 News',
      title: 'Title \u2066isolated\u2069 \u009b31m',
      quote: span.quote,
      sentence: text,
      allegation: { stance: 'accusation', accused: 'CN', accuser: null, action: 'hacking' },
      tags: [],
      verdict: 'disputed',
      statement: true,
    };
    const pack = toStatementPack([claim], {
      version: 1,
      now: '2026-12-06T03:30:00.123Z',
      reviewer: 'Reviewer\u001b]0;x\u0007',
      detect: () => 'en',
    });
    const c = pack?.claims[0];
    expect(c?.quote).toMatch(/^The ministry said China\[2J hacked the parliament network 🛰️/);
    expect(c?.source.publisher).toBe('Example News');
    expect(c?.source.title).toBe('Title isolated 31m');
    expect(c?.speaker).toBe('Reviewer]0;x');
    for (const s of [c?.text, c?.quote, c?.speaker]) expect(PLAIN_TEXT.test(s ?? '')).toBe(true);
  });
});
