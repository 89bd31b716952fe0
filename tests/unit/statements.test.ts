/**
 * "Add as a statement" (issue 9, point 3): an annotated claim becomes a
 * fact-check statement of the local pack "My annotations", valid as a pack,
 * and it answers allegations about the same accused on other pages, first
 * among the answers (the reader wrote it).
 */
import { describeSpan } from '@core/anchor/span';
import type { SavedClaim } from '@core/annotation/record';
import { MY_ANNOTATIONS_PACK_ID, statementId, statementProblem, toStatementPack } from '@core/annotation/statements';
import { Detector } from '@core/detect';
import { ClaimIndex } from '@core/match';
import { describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';

const TEXT = 'Le député a affirmé que la Chine menait des cyberattaques contre les parlementaires belges.';
const QUOTE = 'la Chine menait des cyberattaques contre les parlementaires belges';
const span = describeSpan(TEXT, TEXT.indexOf(QUOTE), TEXT.indexOf(QUOTE) + QUOTE.length);
const base: SavedClaim = {
  id: 'urn:uuid:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  created: '2026-12-05T08:00:00.000Z',
  modified: '2026-12-05T09:00:00.000Z',
  url: 'https://www.lesoir.be/article/1',
  site: 'Le Soir',
  quote: span.quote,
  sentence: TEXT,
  allegation: { stance: 'accusation', accused: 'CN', accuser: 'BE', action: 'hacking' },
  tags: ['apt31'],
};
const detect = () => 'fr';

describe('annotations as statements', () => {
  it('needs an accused and a verdict or a note', () => {
    expect(statementProblem(base)).toBe('add a verdict or a note first');
    expect(statementProblem({ ...base, verdict: 'disputed', allegation: undefined })).toBe('set the accused first');
    expect(statementProblem({ ...base, verdict: 'disputed' })).toBeNull();
  });

  it('builds a valid pack of the marked claims only, with stable ids', () => {
    const marked = { ...base, verdict: 'disputed' as const, note: 'Aucune preuve technique publiée.', statement: true };
    const unmarked = { ...marked, id: 'urn:uuid:other', statement: false };
    const pack = toStatementPack([marked, unmarked], {
      version: 3,
      now: '2026-12-05T09:00:00Z',
      reviewer: 'A. Vérificatrice',
      detect,
    });
    expect(pack?.id).toBe(MY_ANNOTATIONS_PACK_ID);
    expect(pack?.version).toBe(3);
    expect(pack?.claims).toHaveLength(1);
    const c = pack?.claims[0];
    expect(c).toMatchObject({
      id: statementId(base.id),
      stance: 'fact_check',
      accused: ['CN'],
      accuser: 'BE',
      speaker: 'A. Vérificatrice',
      lang: 'fr',
      date: '2026-12-05',
      source: { url: base.url, publisher: 'Le Soir' },
    });
    expect(c?.text).toContain('Verdict: disputed');
    expect(statementId(base.id)).toBe(statementId(base.id));
    expect(statementId(base.id)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
    expect(toStatementPack([unmarked], { version: 1, now: '2026-12-05T09:00:00Z', reviewer: 'x', detect })).toBeNull();
  });

  it('answers an allegation against the same accused on another page, first among the answers', () => {
    const detector = new Detector();
    const marked = {
      ...base,
      verdict: 'disputed' as const,
      note: 'Attribution by an MP; no technical evidence published.',
      statement: true,
    };
    const pack = toStatementPack([marked], { version: 1, now: '2026-12-05T09:00:00Z', reviewer: 'Me', detect });
    if (pack === null) throw new Error('no pack');
    const index = new ClaimIndex(detector.gazetteer).addPack(SEED_PACK).addPack(pack);
    const counters = index.counterStatements(
      {
        text: 'Washington charged two Chinese nationals with hacking a defence contractor.',
        stance: 'accusation',
        accused: 'CN',
        accuser: 'US',
        action: 'hacking',
      },
      3,
    );
    const mine = counters[0];
    expect(mine?.claim.packId).toBe(MY_ANNOTATIONS_PACK_ID);
    expect(mine?.relation).toBe('fact_checks');
    expect(mine?.why).toContain('your annotation');
    // About another accused, it is not an answer.
    const other = index.counterStatements(
      {
        text: 'Britain said Russian spies hacked aid shippers.',
        stance: 'accusation',
        accused: 'RU',
        accuser: 'GB',
        action: 'hacking',
      },
      5,
    );
    expect(other.some((c) => c.claim.packId === MY_ANNOTATIONS_PACK_ID)).toBe(false);
  });
});
