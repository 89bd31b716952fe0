/**
 * The library's annotation form (issue 9, point 3): what a saved edit writes,
 * links to statements included.
 */
import type { SavedClaim } from '@core/annotation/record';
import { SavedClaimSchema } from '@core/annotation/record';
import { applyEdit } from '@src/ui/library/Library';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const claim: SavedClaim = {
  id: 'urn:uuid:5a1e0c2d-3b4f-4a6b-9c8d-7e6f5a4b3c2d',
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T10:00:00.000Z',
  url: 'https://www.rtbf.be/article/cyber',
  quote: { type: 'TextQuoteSelector', exact: 'le gouvernement accuse un groupe lié à Moscou' },
  allegation: { stance: 'accusation', accused: 'RU', accuser: 'BE', action: 'ddos' },
  tags: ['belgique'],
  links: ['seed/old-link'],
  statement: true,
};
const form = {
  note: '',
  tags: 'belgique, ddos , belgique',
  verdict: 'unsupported',
  stance: 'accusation',
  accuser: 'BE',
  accused: 'APT28',
  links: ['seed/a-ru-1', 'my-annotations/ann-x', 'seed/a-ru-1'],
};

describe('saving the annotation form', () => {
  it('writes the links once each, in the order linked, with the other fields', () => {
    const out = applyEdit(claim, form);
    expect(out).toMatchObject({
      links: ['seed/a-ru-1', 'my-annotations/ann-x'],
      tags: ['belgique', 'ddos'],
      verdict: 'unsupported',
      allegation: { stance: 'accusation', accused: 'APT28', accuser: 'BE', action: 'ddos' },
      statement: true,
    });
    expect(out.note).toBeUndefined();
    expect(v.safeParse(SavedClaimSchema, out).success).toBe(true);
  });

  it('drops the field when every link is removed', () => {
    const out = applyEdit(claim, { ...form, links: [] });
    expect('links' in out).toBe(false);
    expect(v.safeParse(SavedClaimSchema, out).success).toBe(true);
  });
});
