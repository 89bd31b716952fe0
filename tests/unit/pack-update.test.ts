// An update of an installed pack writes only what changed (issue 11): rows counted at Dexie's lowest layer,
// and the database after the update answers as after installing the new version afresh.

import type { ClaimPack } from '@core/pack/schema';
import { BLOCK_SIZE, readAllClaims } from '@src/background/db/claim-store';
import { CounterpointDB } from '@src/background/db/database';
import { exportPack, importPack } from '@src/background/db/packs';
import { createDbMatcher } from '@src/background/matcher';
import { createStatementSearch } from '@src/background/statement-search';
import { SEED_PACK } from '@src/data/seed-pack';
import { afterEach, describe, expect, it } from 'vitest';
import { countWrites, totalWrites } from '../bench/db-writes';
import { rng } from '../bench/rng';
import { BENCH_QUERIES, onePercentChanged, syntheticPack } from '../bench/synthetic-pack';

const open: CounterpointDB[] = [];

function newDb(): { db: CounterpointDB; writes: ReturnType<typeof countWrites> } {
  const db = new CounterpointDB(`update-${Math.random().toString(36).slice(2)}`);
  const writes = countWrites(db);
  open.push(db);
  return { db, writes };
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const resolver = { stateOf: (id: string) => ({ APT31: 'CN', APT28: 'RU', APT29: 'RU', Sandworm: 'RU' })[id] };

/** What a reader can observe of the packs: exports, every stored claim, answers, statement search. */
async function observed(db: CounterpointDB, ids: string[]) {
  const matcher = createDbMatcher(db, resolver);
  const search = createStatementSearch(db);
  return {
    exports: await Promise.all(ids.map((id) => exportPack(db, id))),
    claims: (await readAllClaims(db)).map((c) => `${c.packId}/${c.id}`).sort(),
    answers: await Promise.all(BENCH_QUERIES.map((q) => matcher.counterStatements(q, 10))),
    search: await search.search('parliament espionage', 20),
  };
}

describe('updating an installed pack', () => {
  it('a 1 % change rewrites only the changed claims, and the result equals a fresh install', async () => {
    const n = 3_000;
    const first = syntheticPack(n);
    const next = onePercentChanged(first);
    const changed = next.claims.filter((c, i) => c.text !== first.claims[i]?.text).length;
    expect(changed).toBe(n / 100);

    const { db, writes } = newDb();
    await importPack(db, SEED_PACK, { kind: 'builtin' });
    await importPack(db, first, { kind: 'file' });
    writes.clear();
    const { written } = await importPack(db, next, { kind: 'url', url: 'https://example.org/pack.json' });
    expect(written).toMatchObject({ full: false, claimsWritten: changed, incidentsWritten: 0, relationsWritten: 0 });
    // The changed claims in new blocks; no old block is wholly stale yet; the index and the pack row.
    const blocks = Math.ceil(changed / BLOCK_SIZE);
    expect(Object.fromEntries(writes)).toEqual({ claims: blocks, claimIndex: written.indexRows, packs: 1 });
    expect(totalWrites(writes)).toBeLessThan(n / 50);

    const fresh = newDb().db;
    await importPack(fresh, SEED_PACK, { kind: 'builtin' });
    await importPack(fresh, next, { kind: 'file' });
    const ids = [SEED_PACK.id, next.id];
    const after = await observed(db, ids);
    expect(after.exports[1]).toStrictEqual(next);
    expect(after.answers.flat().length).toBeGreaterThan(0);
    expect(after).toEqual(await observed(fresh, ids));
  });

  it('removed, added and reordered claims, relations and incidents: the same as a fresh install', async () => {
    const seed: ClaimPack = structuredClone(SEED_PACK);
    const next: ClaimPack = structuredClone(SEED_PACK);
    next.version = seed.version + 1;
    const dropped = next.claims.splice(3, 2).map((c) => c.id);
    next.relations = next.relations.filter((r) => !dropped.includes(r.from) && !dropped.includes(r.to));
    next.incidents = next.incidents.map((inc) =>
      inc.evidence === undefined
        ? inc
        : { ...inc, evidence: { ...inc.evidence, claims: inc.evidence.claims.filter((id) => !dropped.includes(id)) } },
    );
    const moved = next.claims.shift();
    if (moved !== undefined) next.claims.push({ ...moved, text: `${moved.text} Reworded.` });
    next.claims.unshift({ ...(next.claims[5] as ClaimPack['claims'][number]), id: 'added-first' });
    next.relations.reverse();
    const incident = next.incidents[0];
    if (incident !== undefined) next.incidents[0] = { ...incident, name: `${incident.name} (renamed)` };

    const { db, writes } = newDb();
    await importPack(db, seed, { kind: 'builtin' });
    writes.clear();
    const { written } = await importPack(db, next, { kind: 'builtin' });
    expect(written.full).toBe(false);
    expect(written.claimsWritten).toBe(2); // the reworded claim and the new one
    expect(written.incidentsWritten).toBeLessThan(next.incidents.length);
    const fresh = newDb().db;
    await importPack(fresh, next, { kind: 'builtin' });
    const after = await observed(db, [next.id]);
    expect(after.exports[0]).toStrictEqual(next);
    expect(after).toEqual(await observed(fresh, [next.id]));
  });

  it('writes the pack afresh once its blocks hold more stale copies than claims', async () => {
    const first = syntheticPack(400);
    const { db } = newDb();
    await importPack(db, first, { kind: 'file' });
    let pack = first;
    const fulls: boolean[] = [];
    for (let round = 1; round <= 4; round++) {
      // A different half of the claims each time: old blocks keep some live claims, so they stay.
      const rand = rng(round);
      pack = {
        ...pack,
        version: pack.version + 1,
        claims: pack.claims.map((c) => (rand() < 0.5 ? { ...c, text: `${c.text} (round ${round})` } : c)),
      };
      fulls.push((await importPack(db, pack, { kind: 'file' })).written.full);
      expect(await exportPack(db, first.id)).toStrictEqual(pack);
      // Never more than twice the claims (and a block) kept in blocks.
      expect(await db.claims.where('packId').equals(first.id).count()).toBeLessThanOrEqual(
        Math.ceil((2 * 400) / BLOCK_SIZE) + 6,
      );
    }
    expect(fulls[0]).toBe(false);
    expect(fulls).toContain(true);
  });
});
