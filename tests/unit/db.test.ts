import { readFileSync } from 'node:fs';
import { type Claim, PackError, parsePack } from '@core/pack/schema';
import { actorKeysOf } from '@src/background/db/actors';
import type { IndexShardRow } from '@src/background/db/claim-index';
import { readAllClaims, readClaimsByKeys, readHead } from '@src/background/db/claim-store';
import {
  type ClaimRowV1,
  CounterpointDB,
  type IncidentRow,
  type PackRow,
  SCHEMA_V2,
  SCHEMA_V3,
} from '@src/background/db/database';
import {
  EXPORT_FORMAT,
  exportAll,
  exportPack,
  importMispGalaxy,
  importPack,
  removePack,
} from '@src/background/db/packs';
import { claimRowOf, relationRowOf } from '@src/background/db/rows';
import { claimTerms, termsOf } from '@src/background/db/terms';
import { createDbMatcher } from '@src/background/matcher';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

const MISP_GALAXY = new URL('../../../shared/data/misp-galaxy/threat-actor.json', import.meta.url);
const BUILTIN = { kind: 'builtin' } as const;

const open: Dexie[] = [];

function newDb(): CounterpointDB {
  const db = new CounterpointDB(`test-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

type Json = Record<string, unknown>;

/** A valid pack using every optional field, fresh on each call. */
function samplePack(version = 1, id = 'finland-2021'): Json {
  return {
    format: 'counterpoint-claim-pack',
    formatVersion: 1,
    id,
    version,
    title: 'Finnish Parliament intrusion',
    description: 'Attribution of the 2020 intrusion into the Eduskunta, and the answers to it.',
    license: 'CC-BY-4.0',
    publishedAt: '2024-03-26T10:00:00Z',
    homepage: 'https://example.org/packs/finland',
    actors: [
      {
        id: 'APT31',
        kind: 'group',
        names: { en: ['APT31'], fr: ['APT31'] },
        aliases: ['ZIRCONIUM'],
        state: 'CN',
      },
      {
        id: 'Supo',
        kind: 'agency',
        names: { en: ['Finnish Security and Intelligence Service'], fr: ['Service finlandais de renseignement'] },
        aliases: ['SUPO'],
        state: 'FI',
        source: 'pack author',
      },
    ],
    incidents: [
      {
        id: 'eduskunta-2020',
        name: 'Eduskunta intrusion',
        startDate: '2020-10-01',
        endDate: '2020-12-31',
        summary: 'Intrusion into the information systems of the Finnish Parliament.',
        actors: ['APT31'],
        tags: ['parliament'],
      },
    ],
    claims: [
      {
        id: 'fi-1',
        text: "Finnish police say APT31 was behind the intrusion into the Parliament's systems.",
        lang: 'en',
        speaker: 'Finnish police',
        speakerActor: 'FI',
        accused: ['APT31'],
        accuser: null,
        targets: ['Eduskunta'],
        action: 'intrusion',
        stance: 'attribution',
        date: '2024-03-26',
        source: { url: 'https://example.org/poliisi', publisher: 'Poliisi', title: 'Investigation concluded' },
        incident: 'eduskunta-2020',
        tags: ['attribution'],
      },
      {
        id: 'cn-1',
        text: "Pékin dément toute implication dans l'attaque contre le Parlement finlandais.",
        quote: 'La Chine s’oppose à toute accusation sans fondement.',
        lang: 'fr',
        speaker: 'Ministère chinois des Affaires étrangères',
        speakerActor: 'CN',
        accused: [],
        accuser: 'FI',
        targets: ['Parlement finlandais'],
        action: 'intrusion',
        stance: 'denial',
        date: '2024-03-27',
        source: { url: 'https://example.org/mfa', publisher: 'MFA' },
        incident: 'eduskunta-2020',
      },
      {
        id: 'supo-1',
        text: 'Supo links the operation to a state-sponsored espionage group.',
        lang: 'en',
        speaker: 'Supo',
        speakerActor: 'Supo',
        accused: ['APT31'],
        accuser: null,
        targets: ['Eduskunta'],
        action: 'espionage',
        stance: 'accusation',
        date: '2021-03-18',
        source: { url: 'https://example.org/supo', publisher: 'Supo' },
      },
    ],
    relations: [
      { from: 'cn-1', to: 'fi-1', type: 'denies', note: 'Answers the police statement.' },
      { from: 'supo-1', to: 'fi-1', type: 'attributes' },
    ],
  };
}

function claimsOf(pack: Json): Json[] {
  return pack.claims as Json[];
}

async function tableCounts(db: CounterpointDB): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of db.tables) out[table.name] = await table.count();
  return out;
}

const EMPTY = { claims: 0, claimIndex: 0, actors: 0, incidents: 0, relations: 0, packs: 0, savedClaims: 0 };

/** The installed claim of `key`, read back from its block. */
async function claimAt(db: CounterpointDB, key: string): Promise<Claim & { packId: string; key: string }> {
  const [claim] = await readClaimsByKeys(db, [key]);
  if (claim === undefined) throw new Error(`no claim ${key}`);
  return claim;
}

/** The claim keys of a pack that the index files under `term`, from its shards. */
async function keysWithTerm(db: CounterpointDB, packId: string, term: string): Promise<string[]> {
  const head = await readHead(db, packId);
  if (head === undefined) return [];
  const id = head.vocab.split('\n').indexOf(term);
  const out: string[] = [];
  for (let n = 0; n < head.shards; n++) {
    const shard = (await db.claimIndex.get(`${packId}#${n}`)) as IndexShardRow;
    shard.ids.split('\n').forEach((claim, i) => {
      if (shard.terms.subarray(shard.termStarts[i], shard.termStarts[i + 1]).includes(id))
        out.push(`${packId}/${claim}`);
    });
  }
  expect(out.length, term).toBe(id < 0 ? 0 : head.df[id]);
  return out;
}

/** The claim keys of every pack, sorted. */
async function allKeys(db: CounterpointDB): Promise<string[]> {
  return (await readAllClaims(db)).map((c) => `${c.packId}/${c.id}`).sort();
}

describe('CounterpointDB schema', () => {
  it('creates the version 4 tables and indexes', async () => {
    const db = newDb();
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['actors', 'claimIndex', 'claims', 'incidents', 'packs', 'relations', 'savedClaims'].sort(),
    );
    expect(db.savedClaims.schema.primKey.name).toBe('id');
    expect(db.savedClaims.schema.indexes.map((i) => `${i.multi ? '*' : ''}${i.name}`).sort()).toEqual(
      ['page', 'created', 'modified', 'site', 'verdict', '*tags'].sort(),
    );
    // Claims in blocks, and a compact index per pack: no multi-entry index to write per claim.
    expect(db.claims.schema.primKey.name).toBe('key');
    expect(db.claims.schema.indexes.map((i) => i.name)).toEqual(['packId']);
    expect(db.claimIndex.schema.indexes.map((i) => i.name)).toEqual(['packId']);
    expect(db.relations.schema.primKey.auto).toBe(true);
  });

  it('migrates every version 1 row to the version 2 shape', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ claims: 'id, packId, date, stance, speakerActor, *accused', packs: 'id' });
    const pack = parsePack(samplePack());
    const other = parsePack(samplePack(3, 'other'));
    const v1Claims: ClaimRowV1[] = [
      ...pack.claims.map((c) => ({ ...c, packId: pack.id })),
      { ...(other.claims[1] as Claim), id: 'other-cn', packId: other.id },
    ];
    await v1.table('claims').bulkAdd(v1Claims);
    await v1.table('packs').bulkAdd([
      {
        id: pack.id,
        version: 1,
        title: pack.title,
        license: pack.license,
        publishedAt: pack.publishedAt,
        installedAt: '2024-04-01T00:00:00.000Z',
      },
      { id: other.id, version: 3, title: other.title, license: other.license, publishedAt: other.publishedAt },
    ]);
    v1.close();

    const db = new CounterpointDB(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name)).not.toContain('claimsMigrating');

    const rows = await readAllClaims(db);
    expect(rows).toHaveLength(v1Claims.length);
    for (const old of v1Claims) {
      const row = rows.find((r) => r.packId === old.packId && r.id === old.id);
      expect(row, old.id).toEqual(old);
    }
    // APT31's sponsor comes from the builtin actors: there was no actors table in v1.
    expect(await actorKeysOf(db, await claimAt(db, `${pack.id}/fi-1`))).toEqual(['APT31', 'FI', 'CN']);
    expect(await keysWithTerm(db, pack.id, 'pekin')).toEqual([`${pack.id}/cn-1`]);
    expect(await keysWithTerm(db, other.id, 'pekin')).toEqual([`${other.id}/other-cn`]);

    const packRow = (await db.packs.get(pack.id)) as PackRow;
    expect(packRow).toEqual({
      id: pack.id,
      version: 1,
      title: pack.title,
      license: pack.license,
      publishedAt: pack.publishedAt,
      installedAt: '2024-04-01T00:00:00.000Z',
      source: BUILTIN,
      counts: { actors: 0, incidents: 0, claims: 3, relations: 0 },
      actors: [],
    });
    expect((await db.packs.get(other.id))?.installedAt).toBe(other.publishedAt);

    // A migrated pack exports its claims (v1 kept no actors, incidents or relations).
    const exported = await exportPack(db, pack.id);
    expect(exported?.claims).toEqual(pack.claims.slice().sort((a, b) => a.id.localeCompare(b.id)));

    // And it can be updated by a newer version.
    await importPack(db, samplePack(2), BUILTIN);
    expect(await exportPack(db, pack.id)).toStrictEqual(parsePack(samplePack(2)));
  });
});

describe('CounterpointDB version 3', () => {
  it('upgrades a release-2 database filled with packs: every pack, claim and actor is still there, and claims can be saved', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    // Release 2 exactly as it shipped (its stores, the reserved empty tables included), filled with
    // rows written by the current code (their shape did not change between 2 and 3).
    const filler = new CounterpointDB(`${name}-source`);
    open.push(filler);
    await importPack(filler, samplePack(), BUILTIN);
    await importPack(filler, samplePack(3, 'other'), { kind: 'file' });
    const rows: Record<string, unknown[]> = {};
    for (const t of ['actors', 'incidents', 'relations', 'packs']) rows[t] = await filler.table(t).toArray();
    rows.claims = [samplePack(), samplePack(3, 'other')].flatMap((json) => {
      const p = parsePack(json);
      return p.claims.map((c, i) => claimRowOf(p.id, c, i, (id) => (id === 'APT31' ? 'CN' : undefined)));
    });
    const atV2 = new Dexie(name);
    atV2.version(2).stores(SCHEMA_V2);
    for (const [t, list] of Object.entries(rows)) await atV2.table(t).bulkPut(list);
    atV2.close();

    const db = new CounterpointDB(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    // Claims move to blocks (version 4); every other table is as it was.
    for (const [t, list] of Object.entries(rows))
      if (t !== 'claims') expect(await db.table(t).toArray(), t).toEqual(list);
    expect(await exportPack(db, 'finland-2021')).toStrictEqual(parsePack(samplePack()));
    expect(await exportPack(db, 'other')).toStrictEqual(parsePack(samplePack(3, 'other')));
    await db.savedClaims.add({
      id: 'urn:uuid:1',
      page: 'https://news.example/a',
      url: 'https://news.example/a#top',
      created: '2026-12-05T08:00:00.000Z',
      modified: '2026-12-05T08:00:00.000Z',
      quote: { type: 'TextQuoteSelector', exact: 'quoted' },
      tags: ['t'],
    });
    expect(await db.savedClaims.where('page').equals('https://news.example/a').count()).toBe(1);
  });
});

describe('CounterpointDB version 4', () => {
  it('upgrades a release-3 database: claims move to blocks and an index, packs export and match as a fresh install', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const packs = [parsePack(samplePack()), parsePack(samplePack(3, 'other'))];
    // Release 3's stores, with its rows: one per claim (unsorted, as a key range would give them), incidents, relations.
    const atV3 = new Dexie(name);
    atV3.version(3).stores(SCHEMA_V3);
    const sponsorOf = (id: string) => (id === 'APT31' ? 'CN' : undefined);
    const fresh = newDb();
    for (const p of packs) {
      await importPack(fresh, p, BUILTIN);
      const claims = p.claims.map((c, i) => claimRowOf(p.id, c, i, sponsorOf));
      await atV3.table('claims').bulkAdd(claims.reverse());
      await atV3.table('relations').bulkAdd(p.relations.map((r, i) => relationRowOf(p.id, r, i)));
    }
    for (const t of ['actors', 'incidents', 'packs']) await atV3.table(t).bulkAdd(await fresh.table(t).toArray());
    atV3.close();

    const db = new CounterpointDB(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    for (const p of packs) expect(await exportPack(db, p.id)).toStrictEqual(p);
    expect(await allKeys(db)).toEqual(await allKeys(fresh));
    const resolver = { stateOf: sponsorOf };
    const query = {
      text: 'Finland accuses APT31 of breaching the Parliament; Beijing denies it.',
      stance: 'accusation' as const,
      accused: 'APT31',
      accuser: 'FI',
    };
    const migrated = await createDbMatcher(db, resolver).counterStatements(query, 10);
    expect(migrated.length).toBeGreaterThan(0);
    expect(migrated).toEqual(await createDbMatcher(fresh, resolver).counterStatements(query, 10));
  });
});

describe('importPack', () => {
  it('installs a pack: claims, incidents, relations, actors and the pack row', async () => {
    const db = newDb();
    const result = await importPack(db, samplePack(), { kind: 'url', url: 'https://example.org/pack.json' });
    expect(result.previousVersion).toBeNull();
    expect(result.pack).toMatchObject({
      id: 'finland-2021',
      version: 1,
      source: { kind: 'url', url: 'https://example.org/pack.json' },
      counts: { actors: 2, incidents: 1, claims: 3, relations: 2 },
    });
    expect(Date.parse(result.pack.installedAt)).not.toBeNaN();
    expect(await db.packs.get('finland-2021')).toEqual(result.pack);

    const claim = await claimAt(db, 'finland-2021/cn-1');
    expect(claim).toMatchObject({ id: 'cn-1', packId: 'finland-2021', accuser: 'FI' });
    expect((await exportPack(db, 'finland-2021'))?.claims[1]?.id).toBe('cn-1');
    expect(await actorKeysOf(db, claim)).toEqual(['FI', 'CN']);
    for (const term of ['pekin', 'denial', 'implication', 'cyberattack', 'parliament', 'finlandais', 'ministry'])
      expect(await keysWithTerm(db, 'finland-2021', term), term).toContain('finland-2021/cn-1');

    const incident = (await db.incidents.get('finland-2021/eduskunta-2020')) as IncidentRow;
    expect(incident).toMatchObject({ id: 'eduskunta-2020', packId: 'finland-2021', startDate: '2020-10-01' });

    const relations = await db.relations.where('to').equals('finland-2021/fi-1').sortBy('order');
    expect(relations.map((r) => [r.from, r.type])).toEqual([
      ['finland-2021/cn-1', 'denies'],
      ['finland-2021/supo-1', 'attributes'],
    ]);

    const apt31 = await db.actors.get('APT31');
    expect(apt31).toMatchObject({ id: 'APT31', kind: 'group', state: 'CN', aliases: ['ZIRCONIUM'] });
    expect(apt31?.source).toBe('pack:finland-2021');
    expect((await db.actors.get('Supo'))?.source).toBe('pack author');
    expect(await db.actors.where('forms').equals('service finlandais de renseignement').primaryKeys()).toEqual([
      'Supo',
    ]);
  });

  it('keeps claims of different packs with the same id apart', async () => {
    const db = newDb();
    await importPack(db, samplePack(1, 'a'), BUILTIN);
    await importPack(db, samplePack(1, 'b'), BUILTIN);
    expect((await readClaimsByKeys(db, ['a/fi-1', 'b/fi-1'])).map((c) => c?.packId)).toEqual(['a', 'b']);
    expect(await db.incidents.count()).toBe(2);
    expect((await db.actors.get('APT31'))?.contributions.map((c) => c.from)).toEqual(['pack:a', 'pack:b']);
  });

  it('rejects a malformed pack with a PackError naming the first bad field, writing nothing', async () => {
    const db = newDb();
    const bad = samplePack();
    const claims = claimsOf(bad);
    (claims[1] as Json).date = '2024-02-30';
    (claims[2] as Json).stance = 'rumour';
    const error = await importPack(db, bad, BUILTIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toBe('claims[1].date: expected ISO date');
    expect((error as PackError).issues[1]).toMatch(/^claims\[2\]\.stance: expected one of /);
    expect(await tableCounts(db)).toEqual(EMPTY);

    await expect(
      importPack(db, { ...samplePack(), relations: [{ from: 'fi-1', to: 'nope', type: 'denies' }] }, BUILTIN),
    ).rejects.toThrow('relations[0].to: unknown claim "nope"');
    await expect(importPack(db, 'not a pack', BUILTIN)).rejects.toBeInstanceOf(PackError);
    expect(await tableCounts(db)).toEqual(EMPTY);
  });

  it('keeps the installed version intact when a re-import is malformed', async () => {
    const db = newDb();
    await importPack(db, samplePack(1), BUILTIN);
    const before = await tableCounts(db);
    const exported = await exportPack(db, 'finland-2021');
    const bad = samplePack(2);
    (claimsOf(bad)[0] as Json).source = { url: 'ftp://example.org', publisher: 'X' };
    await expect(importPack(db, bad, BUILTIN)).rejects.toThrow('claims[0].source.url: expected an http(s) URL');
    expect(await tableCounts(db)).toEqual(before);
    expect(await exportPack(db, 'finland-2021')).toStrictEqual(exported);
  });

  it('writes nothing when a write fails half-way (fresh install)', async () => {
    const db = newDb();
    let created = 0;
    const failHalfWay = () => {
      created++;
      if (created === 2) throw new Error('disk full');
    };
    // The second index row, after the claims' block: the transaction is under way.
    db.claimIndex.hook('creating', failHalfWay);
    await expect(importPack(db, samplePack(), BUILTIN)).rejects.toThrow('disk full');
    expect(created).toBe(2);
    db.claimIndex.hook('creating').unsubscribe(failHalfWay);
    expect(await tableCounts(db)).toEqual(EMPTY);
  });

  it('leaves the installed version as it was when an update fails half-way', async () => {
    const db = newDb();
    await importPack(db, samplePack(1), BUILTIN);
    const exported = await exportPack(db, 'finland-2021');
    const actorsBefore = await db.actors.toArray();
    const packBefore = await db.packs.get('finland-2021');

    const update = samplePack(2);
    (update.actors as Json[]).splice(1, 1); // withdraws Supo
    let created = 0;
    const failHalfWay = () => {
      created++;
      if (created === 2) throw new Error('quota exceeded');
    };
    // The index's second row is rewritten after the actors changed.
    db.claimIndex.hook('updating', failHalfWay);
    await expect(importPack(db, update, BUILTIN)).rejects.toThrow('quota exceeded');
    db.claimIndex.hook('updating').unsubscribe(failHalfWay);

    expect(await exportPack(db, 'finland-2021')).toStrictEqual(exported);
    expect(await db.actors.toArray()).toEqual(actorsBefore);
    expect(await db.packs.get('finland-2021')).toEqual(packBefore);
    expect(await db.relations.count()).toBe(2);
  });

  it('updates a pack in place with a newer version', async () => {
    const db = newDb();
    await importPack(db, samplePack(1), BUILTIN);
    const next = samplePack(2);
    const claims = claimsOf(next);
    claims.splice(2, 1); // supo-1 withdrawn
    (claims[0] as Json).text = 'Finnish police conclude that APT31 breached the Parliament.';
    claims.push({ ...(claims[1] as Json), id: 'cn-2', text: 'Beijing calls the accusation a smear.', lang: 'en' });
    next.relations = [{ from: 'cn-2', to: 'fi-1', type: 'denies' }];
    (next.actors as Json[]).splice(1, 1); // Supo withdrawn

    const result = await importPack(db, next, { kind: 'file' });
    expect(result.previousVersion).toBe(1);
    expect(result.pack).toMatchObject({ version: 2, source: { kind: 'file' } });
    expect(await allKeys(db)).toEqual(['finland-2021/cn-1', 'finland-2021/cn-2', 'finland-2021/fi-1']);
    expect((await claimAt(db, 'finland-2021/fi-1')).text).toMatch(/breached/);
    expect(await keysWithTerm(db, 'finland-2021', 'smear')).toEqual(['finland-2021/cn-2']);
    expect(await keysWithTerm(db, 'finland-2021', 'sponsored')).toEqual([]);
    expect((await db.relations.toArray()).map((r) => r.from)).toEqual(['finland-2021/cn-2']);
    expect(await db.actors.get('Supo')).toBeUndefined();
    expect(await db.packs.count()).toBe(1);
    expect(await exportPack(db, 'finland-2021')).toStrictEqual(parsePack(next));
  });

  it('refuses an older or equal version unless forced', async () => {
    const db = newDb();
    await importPack(db, samplePack(2), BUILTIN);
    const older = importPack(db, samplePack(1), BUILTIN);
    await expect(older).rejects.toBeInstanceOf(PackError);
    await expect(older).rejects.toThrow('pack finland-2021 version 1 is not newer than installed version 2');
    await expect(importPack(db, samplePack(2), BUILTIN)).rejects.toThrow(
      'pack finland-2021 version 2 is not newer than installed version 2',
    );
    expect((await db.packs.get('finland-2021'))?.version).toBe(2);

    const forced = await importPack(db, samplePack(1), BUILTIN, { force: true });
    expect(forced.previousVersion).toBe(2);
    expect((await db.packs.get('finland-2021'))?.version).toBe(1);
    expect(await allKeys(db)).toHaveLength(3);
  });
});

describe('export', () => {
  it('gives a pack back exactly as imported', async () => {
    const db = newDb();
    const raw = samplePack();
    // Whitespace that parsePack trims: export returns the parsed pack, not the raw text.
    raw.title = '  Finnish Parliament intrusion ';
    // Order of arrays is kept even where ids do not sort that way.
    claimsOf(raw).reverse();
    await importPack(db, raw, BUILTIN);
    const exported = await exportPack(db, 'finland-2021');
    const parsed = parsePack(raw);
    expect(exported).toStrictEqual(parsed);
    expect(JSON.stringify(exported)).toBe(JSON.stringify(parsed));
    expect(await exportPack(db, 'missing')).toBeUndefined();
  });

  it('round-trips a minimal pack without optional fields', async () => {
    const db = newDb();
    const raw = { ...samplePack(), actors: [], incidents: [], relations: [] } as Json;
    delete raw.description;
    delete raw.homepage;
    raw.claims = claimsOf(raw).map(({ incident: _incident, tags: _tags, quote: _quote, ...c }) => c);
    await importPack(db, raw, BUILTIN);
    const exported = await exportPack(db, 'finland-2021');
    expect(JSON.stringify(exported)).toBe(JSON.stringify(parsePack(raw)));
  });

  it('exports every pack, and the export re-imports to the same packs', async () => {
    const db = newDb();
    await importPack(db, samplePack(4, 'zeta'), BUILTIN);
    await importPack(db, samplePack(1, 'alpha'), { kind: 'file' });
    const all = await exportAll(db);
    expect(all.format).toBe(EXPORT_FORMAT);
    expect(Date.parse(all.exportedAt)).not.toBeNaN();
    expect(all.packs).toStrictEqual([parsePack(samplePack(1, 'alpha')), parsePack(samplePack(4, 'zeta'))]);

    const copy = newDb();
    for (const pack of JSON.parse(JSON.stringify(all.packs)) as unknown[])
      await importPack(copy, pack, { kind: 'file' });
    expect((await exportAll(copy)).packs).toStrictEqual(all.packs);
  });

  it('exports an empty database as no packs', async () => {
    expect((await exportAll(newDb())).packs).toEqual([]);
  });
});

describe('removePack', () => {
  it('removes a pack and its part of the actors, leaving other packs alone', async () => {
    const db = newDb();
    await importPack(db, samplePack(1, 'a'), BUILTIN);
    const b = samplePack(1, 'b');
    (b.actors as Json[]).splice(1, 1);
    (b.actors as Json[])[0] = { id: 'APT31', kind: 'group', names: { en: ['APT 31'], fr: ['APT 31'] } };
    await importPack(db, b, BUILTIN);
    expect((await db.actors.get('APT31'))?.aliases).toEqual(['ZIRCONIUM', 'APT 31']);

    expect(await removePack(db, 'a')).toBe(true);
    expect(await removePack(db, 'a')).toBe(false);
    expect(await db.packs.toCollection().primaryKeys()).toEqual(['b']);
    expect(await db.claims.where('packId').equals('a').count()).toBe(0);
    expect(await db.claimIndex.where('packId').equals('a').count()).toBe(0);
    expect(await db.incidents.where('packId').equals('a').count()).toBe(0);
    expect(await db.relations.where('packId').equals('a').count()).toBe(0);
    expect(await db.actors.get('Supo')).toBeUndefined();
    const apt31 = await db.actors.get('APT31');
    expect(apt31).toMatchObject({ names: { en: ['APT 31'], fr: ['APT 31'] }, source: 'pack:b' });
    expect(apt31?.aliases).toBeUndefined();
    expect(apt31?.state).toBeUndefined();
    // Still a group sponsored by CN: the builtin actors say so.
    expect(await actorKeysOf(db, await claimAt(db, 'b/fi-1'))).toContain('CN');
    expect(await exportPack(db, 'b')).toStrictEqual(parsePack(b));
  });
});

describe('importMispGalaxy', () => {
  const galaxy = () => JSON.parse(readFileSync(MISP_GALAXY, 'utf8')) as unknown;

  it("adds the galaxy's groups and APT31's aliases, merged with the pack's APT31", async () => {
    const db = newDb();
    await importPack(db, samplePack(), BUILTIN);
    const result = await importMispGalaxy(db, galaxy());
    expect(result.groups).toBeGreaterThan(500);
    expect(result.updated).toBe(1);
    expect(result.added).toBe(result.groups - 1);

    const apt31 = await db.actors.get('APT31');
    expect(apt31?.names).toEqual({ en: ['APT31'], fr: ['APT31'] });
    expect(apt31?.source).toBe('pack:finland-2021');
    expect(apt31?.aliases?.[0]).toBe('ZIRCONIUM');
    expect(apt31?.aliases).toEqual(
      expect.arrayContaining(['JUDGMENT PANDA', 'BRONZE VINEWOOD', 'Violet Typhoon', 'TA412', 'TIDE CASTLE']),
    );
    expect(apt31?.aliases?.filter((a) => a.toLowerCase() === 'zirconium')).toHaveLength(1);
    expect(apt31?.contributions.map((c) => c.from)).toEqual(['pack:finland-2021', 'misp-galaxy']);
    expect(await db.actors.where('forms').equals('violet typhoon').primaryKeys()).toEqual(['APT31']);
    expect(await db.actors.get('WET PANDA')).toMatchObject({ kind: 'group', state: 'CN', source: 'misp-galaxy' });

    // The pack's version survives the galaxy's removal of nothing: re-importing the galaxy changes no row.
    const again = await importMispGalaxy(db, galaxy());
    expect(again).toMatchObject({ added: 0, removed: 0 });
    expect(await db.actors.get('APT31')).toEqual(apt31);

    // Removing the pack leaves the galaxy's APT31.
    await removePack(db, 'finland-2021');
    expect(await db.actors.get('APT31')).toMatchObject({ source: 'misp-galaxy', state: 'CN' });
  });

  it('gives claims about a galaxy-only group its sponsor state', async () => {
    const db = newDb();
    const pack = samplePack();
    (claimsOf(pack)[2] as Json).accused = ['WET PANDA'];
    await importPack(db, pack, BUILTIN);
    expect(await actorKeysOf(db, await claimAt(db, 'finland-2021/supo-1'))).toEqual(['WET PANDA', 'Supo']);
    await importMispGalaxy(db, galaxy());
    expect(await actorKeysOf(db, await claimAt(db, 'finland-2021/supo-1'))).toEqual(['WET PANDA', 'Supo', 'CN']);
    // An import that drops the group takes the sponsor away again.
    await importMispGalaxy(db, { values: [] });
    expect(await db.actors.get('WET PANDA')).toBeUndefined();
    expect(await actorKeysOf(db, await claimAt(db, 'finland-2021/supo-1'))).toEqual(['WET PANDA', 'Supo']);
  });

  it('rejects a malformed galaxy naming the bad field, and writes nothing on a failure half-way', async () => {
    const db = newDb();
    await expect(importMispGalaxy(db, { values: [{ value: 'X' }, { value: 3 }] })).rejects.toThrow(
      'values[1].value: expected a non-empty string',
    );
    let created = 0;
    const failHalfWay = () => {
      created++;
      if (created === 100) throw new Error('disk full');
    };
    db.actors.hook('creating', failHalfWay);
    await expect(importMispGalaxy(db, galaxy())).rejects.toThrow('disk full');
    db.actors.hook('creating').unsubscribe(failHalfWay);
    expect(await db.actors.count()).toBe(0);
  });
});

describe('indexes', () => {
  it('files claims by speaker, accused and search term, and gives them their sponsor states', async () => {
    const db = newDb();
    await importPack(db, samplePack(), BUILTIN);
    const keys = (ids: string[]) => ids.map((id) => `finland-2021/${id}`).sort();
    const claims = await readClaimsByKeys(db, keys(['cn-1', 'fi-1', 'supo-1']));
    const about = async (actor: string) => {
      const out: string[] = [];
      for (const c of claims) if (c && (await actorKeysOf(db, c)).includes(actor)) out.push(c.key);
      return out.sort();
    };
    expect(await about('APT31')).toEqual(keys(['fi-1', 'supo-1']));
    // CN: speaker of cn-1, sponsor of APT31 in the others.
    expect(await about('CN')).toEqual(keys(['cn-1', 'fi-1', 'supo-1']));
    expect(await about('FI')).toEqual(keys(['cn-1', 'fi-1']));

    const head = await readHead(db, 'finland-2021');
    // Ordinals in key order: cn-1, fi-1, supo-1.
    expect(head?.accused.keys).toEqual(['APT31']);
    expect(Array.from(head?.accused.ordinals ?? [])).toEqual([1, 2]);
    expect(head?.speakers.keys).toEqual(['CN', 'FI', 'Supo']);

    // Query terms go through the same folding: "Pékin", "PARLEMENT".
    const [pekin] = termsOf('Pékin');
    expect(await keysWithTerm(db, 'finland-2021', pekin as string)).toEqual(keys(['cn-1']));
    const [parliament] = termsOf('PARLEMENT parliament');
    expect(await keysWithTerm(db, 'finland-2021', parliament as string)).toEqual(keys(['cn-1', 'fi-1']));
    expect(await keysWithTerm(db, 'finland-2021', 'the')).toEqual([]);
  });
});

describe('claimTerms', () => {
  it('folds, drops stop words and short words, and keeps each term once', () => {
    expect(
      claimTerms({
        text: "L'attaque contre le Parlement a été menée par l'APT31 ; the attack on the Parliament.",
        speaker: 'Ministère des Affaires étrangères',
        targets: ['Parlement', 'Eduskunta'],
      }),
    ).toEqual(['cyberattack', 'parliament', 'menee', 'apt31', 'ministry', 'affaire', 'etrangere', 'eduskunta']);
  });
});
