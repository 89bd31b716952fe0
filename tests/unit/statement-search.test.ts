/**
 * The statement picker of the library (issue 9, point 3: links to statements
 * in the claim database): the claims of every installed pack found by words,
 * speaker and incident, in French and English with accents folded; and the
 * background's side over a real database, which follows the packs installed.
 */

import type { SavedClaim } from '@core/annotation/record';
import { createStatementIndex, splitStatementKey, statementKey } from '@core/annotation/statement-search';
import { MY_ANNOTATIONS_PACK_ID, statementId, toStatementPack } from '@core/annotation/statements';
import { CounterpointDB } from '@src/background/db/database';
import { createLibrary } from '@src/background/library';
import { SEED_PACK, SEED_PACK_ID } from '@src/data/seed-pack';
import { afterEach, describe, expect, it, vi } from 'vitest';

const seedIndex = () =>
  createStatementIndex(
    SEED_PACK.claims.map((c) => ({ ...c, packId: SEED_PACK_ID })),
    SEED_PACK.incidents.map((i) => ({ ...i, packId: SEED_PACK_ID })),
  );

describe('statement search', () => {
  const index = seedIndex();

  it('indexes every claim of the packs given', () => {
    expect(index.size).toBe(SEED_PACK.claims.length);
  });

  it('finds statements by speaker, best first, with their key, speaker, date and incident', () => {
    const hits = index.search('Wang Wenbin', 10);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.speaker).toMatch(/Wang Wenbin/);
    const first = hits[0];
    const claim = SEED_PACK.claims.find((c) => statementKey(SEED_PACK_ID, c.id) === first?.key);
    expect(claim).toBeDefined();
    expect(first).toMatchObject({ packId: SEED_PACK_ID, speaker: claim?.speaker, date: claim?.date });
  });

  it('finds statements by incident, under its French name, with or without accents', () => {
    const withAccents = index.search('Université polytechnique', 50);
    const without = index.search('universite polytechnique', 50);
    expect(withAccents.length).toBeGreaterThan(0);
    expect(without.map((h) => h.key)).toEqual(withAccents.map((h) => h.key));
    // Every statement of the incident is found (its name is theirs), and they come first.
    const nwpu = SEED_PACK.claims.filter((c) => c.incident === 'a-inc-nwpu-2022').map((c) => `${SEED_PACK_ID}/${c.id}`);
    expect(nwpu.length).toBeGreaterThan(0);
    expect(withAccents.map((h) => h.key)).toEqual(expect.arrayContaining(nwpu));
    expect(withAccents[0]?.incident).toBe('Northwestern Polytechnical University hack (2022)');
  });

  it('finds statements by incident alias and by words of their text, prefixes included', () => {
    const alias = index.search('KV botnet', 50);
    expect(alias.length).toBeGreaterThan(0);
    expect(alias.every((h) => h.incident === 'Volt Typhoon (2023–2024)')).toBe(true);
    const words = index.search('désinformation collective', 10);
    expect(words.some((h) => h.text.includes('désinformation collective'))).toBe(true);
    expect(index.search('désinfo', 50).length).toBeGreaterThanOrEqual(words.length);
  });

  it('returns nothing for an empty query or one that matches nothing, and at most `limit`', () => {
    expect(index.search('  ', 10)).toEqual([]);
    expect(index.search('zzqxv wwkj', 10)).toEqual([]);
    expect(index.search('China', 3)).toHaveLength(3);
  });

  it('splits claim keys', () => {
    expect(splitStatementKey('seed/a-cn-1')).toEqual({ packId: 'seed', claimId: 'a-cn-1' });
    for (const bad of ['seed', '/x', 'seed/', 'a/b/c']) expect(splitStatementKey(bad)).toBeNull();
  });
});

describe('statement search in the background', () => {
  const dbs: CounterpointDB[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  function setup() {
    const db = new CounterpointDB(`stmt-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    const library = createLibrary({
      db,
      resolver: { stateOf: () => undefined },
      seed: SEED_PACK,
      log: { warn: vi.fn() },
    });
    return { db, library };
  }

  it('searches the installed seed, and reads linked statements by key (unknown keys left out)', async () => {
    const { library } = setup();
    const hits = await library.searchStatements('Mao Ning Volt Typhoon', 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.speaker).toMatch(/Mao Ning/);
    expect(hits[0]?.incident).toBe('Volt Typhoon (2023–2024)');
    const key = hits[0]?.key as string;
    const read = await library.statementsByKey([`${SEED_PACK_ID}/no-such-claim`, key]);
    expect(read).toEqual([hits[0]]);
  });

  it('follows the packs installed: a new "My annotations" statement is found once its pack is in', async () => {
    const { library } = setup();
    expect(await library.searchStatements('Vérificatrice', 5)).toEqual([]);
    const annotated: SavedClaim = {
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      created: '2026-12-01T08:00:00.000Z',
      modified: '2026-12-01T08:00:00.000Z',
      url: 'https://www.example.org/actualite/piratage',
      site: 'Exemple',
      quote: { type: 'TextQuoteSelector', exact: 'des pirates d’État auraient visé le réseau électrique' },
      allegation: { stance: 'accusation', accused: 'RU', accuser: 'UA' },
      tags: [],
      verdict: 'unverifiable',
      note: 'Aucune source technique ne permet de trancher à ce stade.',
      statement: true,
    };
    const pack = toStatementPack([annotated], {
      version: 1,
      now: '2026-12-01T09:00:00Z',
      reviewer: 'Une Vérificatrice',
      detect: () => 'fr',
    });
    expect((await library.importPack(pack)).ok).toBe(true);
    const hits = await library.searchStatements('verificatrice source technique', 5);
    expect(hits.map((h) => h.key)).toEqual([`${MY_ANNOTATIONS_PACK_ID}/${statementId(annotated.id)}`]);
    await library.removePack(MY_ANNOTATIONS_PACK_ID);
    expect(await library.searchStatements('verificatrice', 5)).toEqual([]);
  });
});
