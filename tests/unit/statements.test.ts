/**
 * "Add as a statement" (issue 9, point 3): an annotated claim becomes a
 * fact-check statement of the local pack "My annotations", valid as a pack,
 * and it answers allegations about the same accused on other pages, first
 * among the answers (the reader wrote it).
 */
import { describeSpan } from '@core/anchor/span';
import type { SavedClaim } from '@core/annotation/record';
import {
  MY_ANNOTATIONS_PACK_ID,
  relationFor,
  statementId,
  statementProblem,
  statementRelations,
  toStatementPack,
} from '@core/annotation/statements';
import { Detector } from '@core/detect';
import { ClaimIndex } from '@core/match';
import { type ClaimStance, parsePack } from '@core/pack/schema';
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

describe('relations of a statement to the statements it links', () => {
  const accusing = { ...base, verdict: 'disputed' as const };
  const denial = { ...base, allegation: { stance: 'denial' as const, accused: 'CN', accuser: 'BE' } };

  it('reads the verdict as a judgement on the accusation, then relates by the linked stance', () => {
    const type = (c: SavedClaim, stance: ClaimStance) => relationFor(c, { stance });
    // A disputed or unsupported accusation: the statement disputes the claims that make it.
    expect(type(accusing, 'accusation')).toBe('denies');
    expect(type({ ...accusing, verdict: 'unsupported' }, 'attribution')).toBe('denies');
    expect(type(accusing, 'denial')).toBe('contextualises');
    // A supported one: it backs the attributions and checks the denials.
    expect(type({ ...accusing, verdict: 'supported' }, 'attribution')).toBe('attributes');
    expect(type({ ...accusing, verdict: 'supported' }, 'denial')).toBe('fact_checks');
    // Misleading, unverifiable or no verdict takes no side.
    expect(type({ ...accusing, verdict: 'misleading' }, 'counter_accusation')).toBe('fact_checks');
    expect(type(base, 'accusation')).toBe('fact_checks');
    expect(type({ ...accusing, verdict: 'unverifiable' }, 'denial')).toBe('contextualises');
    // A disputed denial backs the accusation it denied; a supported one rejects it.
    expect(type({ ...denial, verdict: 'disputed' }, 'accusation')).toBe('attributes');
    expect(type({ ...denial, verdict: 'disputed' }, 'denial')).toBe('fact_checks');
    expect(type({ ...denial, verdict: 'supported' }, 'attribution')).toBe('denies');
    // Fact-checks and context are context, whatever the verdict.
    for (const v of ['supported', 'disputed'] as const) {
      expect(type({ ...accusing, verdict: v }, 'fact_check')).toBe('contextualises');
      expect(type({ ...accusing, verdict: v }, 'context')).toBe('contextualises');
    }
  });

  it('carries links between statements of My annotations in the pack, which stays valid', () => {
    const first: SavedClaim = {
      ...accusing,
      note: 'Le rapport cité ne publie aucun indicateur technique.',
      statement: true,
    };
    const second: SavedClaim = {
      ...accusing,
      id: 'urn:uuid:99999999-8888-4777-8666-555555555555',
      verdict: 'supported',
      statement: true,
      links: [
        `${MY_ANNOTATIONS_PACK_ID}/${statementId(first.id)}`,
        // Twice, itself, a statement that is not in the pack, and not a key at all: left out.
        `${MY_ANNOTATIONS_PACK_ID}/${statementId(first.id)}`,
        `${MY_ANNOTATIONS_PACK_ID}/${statementId('urn:uuid:99999999-8888-4777-8666-555555555555')}`,
        `${MY_ANNOTATIONS_PACK_ID}/${statementId('urn:uuid:not-a-statement')}`,
        'not-a-key',
      ],
    };
    const pack = toStatementPack([first, second], { version: 2, now: '2026-12-06T10:00:00Z', reviewer: 'Me', detect });
    expect(pack?.relations).toEqual([
      { from: statementId(second.id), to: statementId(first.id), type: 'contextualises' },
    ]);
    // What toStatementPack returns has been through the validator; a copy must pass it again.
    expect(() => parsePack(JSON.parse(JSON.stringify(pack)))).not.toThrow();
    // Once the linked statement leaves the pack, so does the relation.
    const alone = toStatementPack([{ ...first, statement: false }, second], {
      version: 3,
      now: '2026-12-06T10:00:00Z',
      reviewer: 'Me',
      detect,
    });
    expect(alone?.relations).toEqual([]);
    expect(() => parsePack(alone)).not.toThrow();
  });

  it('keeps links to claims of other packs as claim keys, typed by their stance', () => {
    const seedAccusation = SEED_PACK.claims.find((c) => c.stance === 'accusation' && c.accused.includes('CN'));
    const seedDenial = SEED_PACK.claims.find((c) => c.stance === 'denial' && c.speakerActor.startsWith('CN'));
    if (seedAccusation === undefined || seedDenial === undefined) throw new Error('seed pack changed');
    const key = (id: string) => `${SEED_PACK.id}/${id}`;
    const marked: SavedClaim = {
      ...accusing,
      statement: true,
      links: [key(seedAccusation.id), key(seedDenial.id), `${SEED_PACK.id}/removed-since`],
    };
    const stances = new Map<string, ClaimStance>([
      [key(seedAccusation.id), seedAccusation.stance],
      [key(seedDenial.id), seedDenial.stance],
    ]);
    const { local, external } = statementRelations([marked], stances);
    expect(local).toEqual([]);
    const from = `${MY_ANNOTATIONS_PACK_ID}/${statementId(marked.id)}`;
    expect(external).toEqual([
      { from, to: key(seedAccusation.id), type: 'denies' },
      { from, to: key(seedDenial.id), type: 'contextualises' },
    ]);
    // The pack format relates claims of one pack only: the pack has none of these, and is valid.
    const pack = toStatementPack([marked], { version: 1, now: '2026-12-06T10:00:00Z', reviewer: 'Me', detect });
    expect(pack?.relations).toEqual([]);
    expect(() => parsePack(pack)).not.toThrow();
  });
});
