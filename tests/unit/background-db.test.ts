// The background service over a real database (fake-indexeddb), the real detector and the seed pack.
import { Detector } from '@core/detect';
import type { ClaimPack } from '@core/pack/schema';
import type { Badge } from '@src/background/badge';
import { readAllClaims } from '@src/background/db/claim-store';
import { CounterpointDB } from '@src/background/db/database';
import { createLibrary, type Library } from '@src/background/library';
import { createDbMatcher, createMatchBatch } from '@src/background/matcher';
import { createMemoryReportStore } from '@src/background/report-store';
import { createSeedInstaller, ensureSeedPack } from '@src/background/seed';
import { createBackgroundService, RejectedMessage, type Sender } from '@src/background/service';
import { SEED_PACK, SEED_PACK_ID, SEED_PACK_VERSION } from '@src/data/seed-pack';
import type {
  ExportAllResponse,
  ExportPackResponse,
  GetCounterStatementsResponse,
  ImportMispGalaxyResponse,
  ImportPackResponse,
  ListPacksResponse,
  RemovePackResponse,
  ScanResponse,
} from '@src/messaging/protocol';
import type { IncidentTimelineResponse } from '@src/messaging/timeline-protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The claims stored for every installed pack, read back from their blocks. */
const storedClaims = async (db: CounterpointDB) => (await readAllClaims(db)).length;

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const ARTICLE = 'https://www.lesoir.be/article';
const contentScript: Sender = { id: RUNTIME_ID, url: ARTICLE, tab: { id: 7, url: ARTICLE }, frameId: 0 };
const libraryPage: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/library.html`, tab: { id: 12 }, frameId: 0 };
const popup: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/popup.html` };

const FRENCH = 'La Chine lance des cyberattaques contre les députés belges qui dénoncent la répression.';
const scanOf = (text: string) => ({ type: 'scan', mode: 'replace', offset: 0, text });

let sharedDetector: Detector | undefined;
const detector = () => {
  sharedDetector ??= new Detector();
  return sharedDetector;
};

const open: CounterpointDB[] = [];
function newDb(): CounterpointDB {
  const db = new CounterpointDB(`bg-test-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** Files the tests hand over as blob: URLs (what the options page does), by URL. */
const blobs = new Map<string, Blob>();
function blobUrl(content: string | Uint8Array<ArrayBuffer>, origin = ORIGIN): string {
  const url = `blob:${origin}/${blobs.size}-${Math.random().toString(36).slice(2)}`;
  blobs.set(url, new Blob([content]));
  return url;
}

function setup(options: { seed?: ClaimPack; db?: CounterpointDB } = {}) {
  const db = options.db ?? newDb();
  const log = { warn: vi.fn(), info: vi.fn() };
  const library = createLibrary({
    db,
    resolver: { stateOf: (id) => detector().gazetteer.stateOf(id) },
    seed: options.seed ?? SEED_PACK,
    log,
  });
  const badge: Badge = { setCount: async () => {} };
  const reports = createMemoryReportStore();
  const service = createBackgroundService({
    createDetector: detector,
    reports,
    badge,
    library,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    log,
    fetchBlob: async (url) => {
      const blob = blobs.get(url);
      if (blob === undefined) throw new Error('no such blob');
      return blob;
    },
  });
  const send = <T>(message: unknown, sender: Sender) => service.handleMessage(message, sender) as Promise<T>;
  return { db, log, library, service, reports, send };
}

type Json = Record<string, unknown>;

/** A small valid pack: a Russian group only this pack knows, and statements about it. */
function testPack(version = 1): Json {
  return {
    format: 'counterpoint-claim-pack',
    formatVersion: 1,
    id: 'test-pack',
    version,
    title: 'Test pack',
    license: 'CC0-1.0',
    publishedAt: '2026-01-01',
    actors: [{ id: 'Frosty Testbear', kind: 'group', names: { en: ['Frosty Testbear'], fr: [] }, state: 'RU' }],
    incidents: [],
    claims: [
      {
        id: 'ru-denial',
        text: 'The Russian embassy rejects any involvement in the intrusion and calls the claims unfounded.',
        lang: 'en',
        speaker: 'Embassy of Russia',
        speakerActor: 'RU',
        accused: ['RU'],
        accuser: 'FI',
        targets: ['Eduskunta'],
        action: 'intrusion',
        stance: 'denial',
        date: '2021-03-19',
        source: { url: 'https://example.org/ru-denial', publisher: 'Example' },
      },
      {
        id: 'zorblatt',
        text: 'Researchers describe the Zorblatt quuxware implant found on parliament servers.',
        lang: 'en',
        speaker: 'Example Labs',
        speakerActor: 'Example Labs',
        accused: ['Frosty Testbear'],
        accuser: null,
        targets: ['parliament'],
        action: 'malware',
        stance: 'attribution',
        date: '2021-04-01',
        source: { url: 'https://example.org/zorblatt', publisher: 'Example' },
      },
    ],
    relations: [],
  };
}

const seedClaim = (id: string) => {
  const claim = SEED_PACK.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no seed claim ${id}`);
  return claim;
};

describe('scan with counter-statements', () => {
  it('answers a French accusation of China with a Chinese denial from the seed pack', async () => {
    // No explicit install: the first scan waits for it.
    const { send, reports } = setup();
    const response = await send<ScanResponse>(scanOf(FRENCH), contentScript);
    expect(response.allegations).toHaveLength(1);
    const [allegation] = response.allegations;
    expect(allegation).toMatchObject({ accused: 'CN', stance: 'accusation', lang: 'fr' });
    // The page paints first; the counter-statements follow, asked for by index.
    expect(allegation?.counterStatements).toEqual([]);
    const counters =
      (await send<GetCounterStatementsResponse>({ type: 'getCounterStatements', index: 0 }, contentScript))
        .counterStatements ?? [];
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.length).toBeLessThanOrEqual(5);
    expect(counters).toContainEqual(
      expect.objectContaining({ stance: 'denial', speakerActor: 'CN', relation: 'denies' }),
    );
    const denial = counters.find((c) => c.stance === 'denial');
    expect(denial?.id.startsWith(`${SEED_PACK_ID}/`)).toBe(true);
    expect(denial?.source.url).toMatch(/^https?:\/\//);
    expect(denial?.why).toContain('denial');
    expect(Object.keys(denial ?? {}).sort()).toEqual(
      [
        'date',
        'id',
        'incident',
        'lang',
        'relation',
        'score',
        'source',
        'speaker',
        'speakerActor',
        'stance',
        'text',
        'why',
      ].sort(),
    );
    // Every seed statement belongs to an incident, named as the press names it.
    expect(denial?.incident).toMatchObject({ pack: SEED_PACK_ID, name: expect.stringMatching(/\(.*\d{4}.*\)$/) });
    // Scores descend.
    const scores = counters.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const report = await reports.get(7);
    expect(report?.allegations[0]?.counterStatements).toEqual(counters);
    expect(report?.matching).toBe(false);
    expect(JSON.stringify(report)).not.toContain('lesoir');
    // Another tab's allegations cannot be read, and an index past the end has none.
    expect(
      (await send<GetCounterStatementsResponse>({ type: 'getCounterStatements', index: 1 }, contentScript))
        .counterStatements,
    ).toBeNull();
  });

  it("never answers with the page's own source", async () => {
    const { send } = setup();
    const countersOf = async (
      sender: typeof contentScript | { id: string; tab: { id: number; url: string }; frameId: number },
    ) =>
      (await send<GetCounterStatementsResponse>({ type: 'getCounterStatements', index: 0 }, sender))
        .counterStatements ?? [];
    await send<ScanResponse>(scanOf(FRENCH), contentScript);
    const top = (await countersOf(contentScript))[0];
    if (!top) throw new Error('no counter-statement to exclude');
    const url = top.source.url;
    expect(seedClaim(top.id.slice(SEED_PACK_ID.length + 1)).source.url).toBe(url);

    for (const sender of [
      { ...contentScript, url, tab: { id: 8, url } },
      // The tab's URL is the fallback when the sender has none.
      { id: RUNTIME_ID, tab: { id: 9, url }, frameId: 0 },
      // The same page, written differently.
      { ...contentScript, url: `${url.replace('http://', 'https://')}#comments`, tab: { id: 10 } },
    ]) {
      await send<ScanResponse>(scanOf(FRENCH), sender);
      const counters = await countersOf(sender as never);
      expect(counters.length).toBeGreaterThan(0);
      expect(counters.map((c) => c.id)).not.toContain(top.id);
      expect(counters.map((c) => c.source.url)).not.toContain(url);
    }
  });

  it('fills the counter-statements of an allegation without accuser from the page context', async () => {
    const { send } = setup();
    const accusing = 'La Belgique accuse la Chine de cyberattaques contre ses députés.';
    const bare = 'Des pirates chinois ont attaqué les députés.';
    const message = {
      type: 'scan',
      mode: 'replace',
      offset: 0,
      text: `${accusing}${'\n'.repeat(100 - accusing.length)}${bare}`,
    };
    const response = await send<ScanResponse>(message, contentScript);
    for (const a of response.allegations) expect(Array.isArray(a.counterStatements)).toBe(true);
    // The allegation itself keeps what its sentence says.
    const withoutAccuser = response.allegations.find((a) => a.text === bare);
    if (withoutAccuser) expect(withoutAccuser.accuser).toBeNull();
  });

  it('still answers when the seed install fails, and logs it', async () => {
    const broken = { ...SEED_PACK, claims: [{ ...SEED_PACK.claims[0], date: 'yesterday' }] } as unknown as ClaimPack;
    const { send, log } = setup({ seed: broken });
    const response = await send<ScanResponse>(scanOf(FRENCH), contentScript);
    expect(response.allegations).toHaveLength(1);
    const later = await send<GetCounterStatementsResponse>({ type: 'getCounterStatements', index: 0 }, contentScript);
    expect(later.counterStatements).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('seed pack install failed'), expect.anything());
  });
});

describe('seed install', () => {
  it('installs once; later calls change nothing', async () => {
    const db = newDb();
    expect(await ensureSeedPack(db, SEED_PACK)).toBe('installed');
    const row = await db.packs.get(SEED_PACK_ID);
    expect(row).toMatchObject({ version: SEED_PACK_VERSION, source: { kind: 'builtin' } });
    const claims = await storedClaims(db);
    expect(claims).toBe(SEED_PACK.claims.length);

    expect(await ensureSeedPack(db, SEED_PACK)).toBe('current');
    // The startup call and onInstalled may race.
    expect(await Promise.all([ensureSeedPack(db, SEED_PACK), ensureSeedPack(db, SEED_PACK)])).toEqual([
      'current',
      'current',
    ]);
    expect(await storedClaims(db)).toBe(claims);
    expect((await db.packs.get(SEED_PACK_ID))?.installedAt).toBe(row?.installedAt);
  });

  it('installs concurrently started copies once', async () => {
    const db = newDb();
    const outcomes = await Promise.all([ensureSeedPack(db, SEED_PACK), ensureSeedPack(db, SEED_PACK)]);
    expect(outcomes.sort()).toEqual(['current', 'installed']);
    expect(await storedClaims(db)).toBe(SEED_PACK.claims.length);
  });

  it('upgrades an older installed version and leaves a newer one alone', async () => {
    const db = newDb();
    await ensureSeedPack(db, SEED_PACK);
    const next: ClaimPack = {
      ...SEED_PACK,
      version: SEED_PACK.version + 1,
      claims: SEED_PACK.claims.slice(0, 10),
      relations: [],
    };
    // Evidence that points at dropped claims would make the smaller pack invalid.
    const kept = new Set(next.claims.map((c) => c.id));
    next.incidents = SEED_PACK.incidents.map(({ evidence, ...incident }) =>
      evidence === undefined
        ? incident
        : { ...incident, evidence: { ...evidence, claims: evidence.claims.filter((id) => kept.has(id)) } },
    );
    expect(await ensureSeedPack(db, next)).toBe('upgraded');
    expect((await db.packs.get(SEED_PACK_ID))?.version).toBe(next.version);
    expect(await storedClaims(db)).toBe(10);

    // An older extension build (or a rollback) does not downgrade.
    expect(await ensureSeedPack(db, SEED_PACK)).toBe('current');
    expect((await db.packs.get(SEED_PACK_ID))?.version).toBe(next.version);
    expect(await storedClaims(db)).toBe(10);
  });

  it('reinstalls a missing seed', async () => {
    const db = newDb();
    await ensureSeedPack(db, SEED_PACK);
    await db.packs.delete(SEED_PACK_ID);
    expect(await ensureSeedPack(db, SEED_PACK)).toBe('installed');
    expect(await storedClaims(db)).toBe(SEED_PACK.claims.length);
  });

  it('runs once per worker and retries after a failure', async () => {
    const db = newDb();
    const done = vi.fn();
    const failed = vi.fn();
    const installer = createSeedInstaller(db, SEED_PACK, done, failed);
    await Promise.all([installer.ensure(), installer.ensure()]);
    await installer.ensure();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith('installed');

    const broken = { ...SEED_PACK, id: 'broken', version: 0 } as ClaimPack;
    const flaky = createSeedInstaller(db, broken, done, failed);
    await expect(flaky.ensure()).resolves.toBeUndefined();
    await flaky.ensure();
    expect(failed).toHaveBeenCalledTimes(2);
  });
});

describe('pack operations from extension pages', () => {
  const ops: Array<[string, Json]> = [
    ['listPacks', { type: 'listPacks' }],
    ['importPack', { type: 'importPack', json: testPack() }],
    ['exportPack', { type: 'exportPack', id: SEED_PACK_ID }],
    ['exportAll', { type: 'exportAll' }],
    ['removePack', { type: 'removePack', id: 'test-pack' }],
    ['importMispGalaxy', { type: 'importMispGalaxy', json: { values: [] } }],
    ['incidentTimeline', { type: 'incidentTimeline', pack: SEED_PACK_ID, id: 'c-inc-notpetya-2017' }],
  ];

  it.each(ops)('refuses %s from a content script, with a logged reason', async (type, message) => {
    const { service, log, db, library } = setup();
    await library.ready();
    await expect(service.handleMessage(message, contentScript)).rejects.toBeInstanceOf(RejectedMessage);
    expect(log.warn).toHaveBeenCalledWith(`[counterpoint] rejected "${type}" message: sender is not an extension page`);
    expect(await db.packs.count()).toBe(1);
    // Nor from a web page or another extension.
    await expect(service.handleMessage(message, { url: ARTICLE, tab: { id: 7 } })).rejects.toBeInstanceOf(
      RejectedMessage,
    );
    await expect(
      service.handleMessage(message, { id: 'other', url: 'chrome-extension://other/library.html' }),
    ).rejects.toBeInstanceOf(RejectedMessage);
  });

  it('gives an incident’s timeline from the database, null for an unknown one, and refuses bad ids', async () => {
    const { send } = setup();
    const incident = SEED_PACK.incidents.find((i) => i.name.startsWith('NotPetya'));
    if (incident === undefined) throw new Error('the seed pack lost NotPetya');
    const { timeline } = await send<IncidentTimelineResponse>(
      { type: 'incidentTimeline', pack: SEED_PACK_ID, id: incident.id },
      popup,
    );
    expect(timeline?.incident.name).toBe(incident.name);
    expect(timeline?.entries.map((e) => e.key).sort()).toEqual(
      SEED_PACK.claims
        .filter((c) => c.incident === incident.id)
        .map((c) => `${SEED_PACK_ID}/${c.id}`)
        .sort(),
    );
    expect(timeline?.entries.some((e) => e.answers.length > 0)).toBe(true);
    expect(timeline?.accused).toContain('RU');
    const none = await send<IncidentTimelineResponse>(
      { type: 'incidentTimeline', pack: 'nope', id: incident.id },
      popup,
    );
    expect(none.timeline).toBeNull();
    for (const bad of [
      { type: 'incidentTimeline', pack: SEED_PACK_ID },
      { type: 'incidentTimeline', pack: SEED_PACK_ID, id: '../x' },
      { type: 'incidentTimeline', pack: SEED_PACK_ID, id: incident.id, extra: 1 },
    ])
      await expect(send(bad, libraryPage)).rejects.toBeInstanceOf(RejectedMessage);
  });

  it('lists, imports, exports and removes packs', async () => {
    const { send, service } = setup();
    const listed = await send<ListPacksResponse>({ type: 'listPacks' }, popup);
    expect(listed.packs).toEqual([
      expect.objectContaining({
        id: SEED_PACK_ID,
        version: SEED_PACK_VERSION,
        builtin: true,
        source: { kind: 'builtin' },
        counts: expect.objectContaining({ claims: SEED_PACK.claims.length }),
      }),
    ]);
    expect(listed.packs[0]).not.toHaveProperty('actors');

    const imported = await send<ImportPackResponse>({ type: 'importPack', json: testPack() }, libraryPage);
    expect(imported).toEqual({ ok: true, pack: { id: 'test-pack', version: 1, claims: 2 }, previousVersion: null });
    const upgraded = await send<ImportPackResponse>({ type: 'importPack', json: testPack(2) }, libraryPage);
    expect(upgraded).toMatchObject({ ok: true, previousVersion: 1 });
    const same = await send<ImportPackResponse>({ type: 'importPack', json: testPack(2) }, libraryPage);
    expect(same).toMatchObject({ ok: false, error: expect.stringContaining('not newer') });

    const after = await send<ListPacksResponse>({ type: 'listPacks' }, libraryPage);
    expect(after.packs.map((p) => [p.id, p.builtin, p.source.kind]).sort()).toEqual([
      [SEED_PACK_ID, true, 'builtin'],
      ['test-pack', false, 'file'],
    ]);

    const exported = await send<ExportPackResponse>({ type: 'exportPack', id: 'test-pack' }, libraryPage);
    expect(exported.pack).toEqual(testPack(2));
    expect(await send<ExportPackResponse>({ type: 'exportPack', id: 'nope' }, libraryPage)).toEqual({ pack: null });
    const seed = await send<ExportPackResponse>({ type: 'exportPack', id: SEED_PACK_ID }, libraryPage);
    expect(seed.pack).toEqual(SEED_PACK);

    const all = await send<ExportAllResponse>({ type: 'exportAll' }, libraryPage);
    expect(all.format).toBe('counterpoint-export');
    expect(all.packs.map((p) => p.id).sort()).toEqual([SEED_PACK_ID, 'test-pack']);

    expect(await send<RemovePackResponse>({ type: 'removePack', id: 'test-pack' }, libraryPage)).toEqual({
      ok: true,
      removed: true,
    });
    expect(await send<RemovePackResponse>({ type: 'removePack', id: 'test-pack' }, libraryPage)).toEqual({
      ok: true,
      removed: false,
    });
    // The popup page may call them too (it is an extension page).
    expect(service.handleMessage({ type: 'listPacks' }, popup)).toBeInstanceOf(Promise);
  });

  it('refuses to remove the built-in seed pack, with a clear error', async () => {
    const { send, db } = setup();
    const response = await send<RemovePackResponse>({ type: 'removePack', id: SEED_PACK_ID }, libraryPage);
    expect(response).toEqual({ ok: false, error: expect.stringMatching(/built-in seed pack .* cannot be removed/) });
    expect(await db.packs.get(SEED_PACK_ID)).toBeDefined();
    expect(await storedClaims(db)).toBe(SEED_PACK.claims.length);
  });

  it('refuses a file that would replace the seed pack', async () => {
    const { send, db } = setup();
    const fake = { ...testPack(99), id: SEED_PACK_ID };
    const response = await send<ImportPackResponse>({ type: 'importPack', json: fake }, libraryPage);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('reserved') });
    expect((await db.packs.get(SEED_PACK_ID))?.version).toBe(SEED_PACK_VERSION);
  });

  it('answers a malformed pack with the path of the bad field and changes nothing', async () => {
    const { send, db } = setup();
    await send({ type: 'importPack', json: testPack() }, libraryPage);
    const before = {
      packs: await db.packs.toArray(),
      claims: await storedClaims(db),
      actors: await db.actors.count(),
    };

    const bad = testPack(2);
    (bad.claims as Json[])[1] = { ...(bad.claims as Json[])[1], date: '2021-13-45' };
    const response = await send<ImportPackResponse>({ type: 'importPack', json: bad }, libraryPage);
    expect(response).toEqual({
      ok: false,
      error: 'claims[1].date: expected ISO date',
      issues: expect.arrayContaining(['claims[1].date: expected ISO date']),
    });
    const notAPack = await send<ImportPackResponse>({ type: 'importPack', json: [1, 2] }, libraryPage);
    expect(notAPack).toMatchObject({ ok: false, error: expect.stringMatching(/^[\w.[\]()]+: \S/) });

    expect(await db.packs.toArray()).toEqual(before.packs);
    expect(await storedClaims(db)).toBe(before.claims);
    expect(await db.actors.count()).toBe(before.actors);
  });

  it('installs a pack handed over as a file (a blob: URL of its own), and refuses any other file, changing nothing', async () => {
    const { send, db } = setup();
    const text = JSON.stringify(testPack());
    const installed = await send<ImportPackResponse>(
      { type: 'importPack', file: blobUrl(`\uFEFF${text}`) },
      libraryPage,
    );
    expect(installed).toEqual({ ok: true, pack: { id: 'test-pack', version: 1, claims: 2 }, previousVersion: null });
    expect((await send<ExportPackResponse>({ type: 'exportPack', id: 'test-pack' }, libraryPage)).pack).toEqual(
      testPack(),
    );
    const before = { packs: await db.packs.toArray(), claims: await storedClaims(db) };
    const next = JSON.stringify(testPack(2));
    const refusals: Array<[string, string, RegExp]> = [
      ['another origin’s blob', blobUrl(next, 'https://evil.example'), /^file: not a file of this extension$/],
      ['a blob that is gone', `blob:${ORIGIN}/revoked`, /^file: could not be read \(no such blob\)$/],
      ['truncated JSON', blobUrl(next.slice(0, -10)), /^file: not JSON \(/],
      ['invalid UTF-8', blobUrl(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])), /^file: not UTF-8 text$/],
      [
        'nesting past the limit',
        blobUrl(`${'['.repeat(40)}${']'.repeat(40)}`),
        /^file(\[0\])+: nested deeper than 32$/,
      ],
      [
        'a __proto__ key',
        blobUrl(next.replace('"claims":', '"__proto__":{"polluted":true},"claims":')),
        /^file\.__proto__: forbidden key$/,
      ],
      ['a malformed pack', blobUrl(next.replace(/"date":"[^"]+"/, '"date":"2021-13-45"')), /^claims\[0\]\.date: /],
    ];
    for (const [, file, error] of refusals) {
      const response = await send<ImportPackResponse>({ type: 'importPack', file }, libraryPage);
      expect(response).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A page cannot hand one over: pack writes come from extension pages only.
    await expect(send({ type: 'importPack', file: blobUrl(next) }, contentScript)).rejects.toThrow(
      /not an extension page/,
    );
    expect(await db.packs.toArray()).toEqual(before.packs);
    expect(await storedClaims(db)).toBe(before.claims);
  });

  it('imports the MISP galaxy, and reports a malformed one by path', async () => {
    const { send, db } = setup();
    const galaxy = {
      values: [
        { value: 'Frosty Testbear', meta: { synonyms: ['FROSTBITE PANDA'], country: 'RU' } },
        { value: 'Sleepy Kitten', meta: { country: 'IR' } },
      ],
    };
    const ok = await send<ImportMispGalaxyResponse>({ type: 'importMispGalaxy', json: galaxy }, libraryPage);
    expect(ok).toMatchObject({ ok: true, groups: 2, added: 2, removed: 0 });
    expect((await db.actors.get('Sleepy Kitten'))?.state).toBe('IR');

    const bad = await send<ImportMispGalaxyResponse>(
      { type: 'importMispGalaxy', json: { values: [{ value: 42 }] } },
      libraryPage,
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('values[0].value') });
    expect(await db.actors.get('Sleepy Kitten')).toBeDefined();
  });

  it('rejects hostile payloads before touching the database', async () => {
    const { service, db, library } = setup();
    await library.ready();
    const hostile: unknown[] = [
      { type: 'removePack', id: 42 },
      { type: 'removePack', id: 'x'.repeat(129) },
      { type: 'removePack', id: '' },
      { type: 'removePack', id: SEED_PACK_ID, extra: true },
      { type: 'exportPack' },
      { type: 'listPacks', now: true },
      JSON.parse(`{"type":"importPack","json":{"__proto__":{"polluted":true}}}`),
      { type: 'importPack', json: { claims: [{ text: 'x'.repeat(51 * 1024 * 1024) }] } },
      { type: 'importPack', json: { f: () => 1 } },
      { type: 'importMispGalaxy', json: { values: [Number.NaN] } },
      { type: 'importMispGalaxy' },
    ];
    for (const message of hostile) {
      await expect(service.handleMessage(message, libraryPage)).rejects.toBeInstanceOf(RejectedMessage);
    }
    expect(({} as Json).polluted).toBeUndefined();
    expect(await db.packs.count()).toBe(1);
  });
});

describe('database matcher', () => {
  async function withPack(): Promise<{ library: Library; db: CounterpointDB }> {
    const { library, db, send } = setup();
    await send({ type: 'importPack', json: testPack() }, libraryPage);
    return { library, db };
  }

  it("resolves actors only a pack defines through the actors table (the group's state answers for it)", async () => {
    const { library } = await withPack();
    const counters = await library.counterStatements({
      text: 'Frosty Testbear broke into the Eduskunta.',
      stance: 'accusation',
      accused: 'Frosty Testbear',
      accuser: 'FI',
      action: 'intrusion',
    });
    expect(counters[0]).toMatchObject({ id: 'test-pack/ru-denial', relation: 'denies', speakerActor: 'RU' });
  });

  it('never offers a pack the user switched off, and offers it again once switched back on', async () => {
    const { library } = await withPack();
    const query = {
      text: 'Frosty Testbear broke into the Eduskunta.',
      stance: 'accusation' as const,
      accused: 'Frosty Testbear',
      accuser: 'FI',
      action: 'intrusion' as const,
    };
    const keys = async () => (await library.counterStatements(query)).map((c) => c.id);
    expect(await keys()).toContain('test-pack/ru-denial');
    library.setDisabledPacks?.(['test-pack']);
    expect((await keys()).filter((id) => id.startsWith('test-pack/'))).toEqual([]);
    // Still installed: listed and exported.
    expect((await library.listPacks()).map((p) => p.id)).toContain('test-pack');
    library.setDisabledPacks?.([]);
    expect(await keys()).toContain('test-pack/ru-denial');
  });

  it('reads the claim index once for the allegations of one page, with the same answers', async () => {
    const db = newDb();
    await ensureSeedPack(db, SEED_PACK);
    const resolver = { stateOf: (id: string) => detector().gazetteer.stateOf(id) };
    const queries = [
      'Chinese hackers attacked the Belgian parliament.',
      'China launched cyberattacks against Belgian MPs.',
      'APT31 targeted lawmakers in Brussels.',
    ].map((text) => ({ text, stance: 'accusation' as const, accused: 'CN', accuser: null }));
    const alone = await Promise.all(queries.map((q) => createDbMatcher(db, resolver).counterStatements(q)));
    const matcher = createDbMatcher(db, resolver);
    const heads = vi.spyOn(db.claimIndex, 'bulkGet');
    const shards = vi.spyOn(db.claimIndex, 'get');
    const batch = createMatchBatch();
    const together = await Promise.all(queries.map((q) => matcher.counterStatements(q, 5, batch)));
    expect(together.map((r) => r.map((c) => c.claim.key))).toEqual(alone.map((r) => r.map((c) => c.claim.key)));
    expect(alone[0]?.length).toBeGreaterThan(0);
    // The heads in one read, each shard once, for the three allegations.
    expect(heads).toHaveBeenCalledTimes(1);
    const read = shards.mock.calls.map(([key]) => key);
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read).size).toBe(read.length);
    // Later allegations are answered from memory.
    await matcher.counterStatements(queries[0] as (typeof queries)[number]);
    expect(heads).toHaveBeenCalledTimes(1);
    expect(shards).toHaveBeenCalledTimes(read.length);
    heads.mockRestore();
    shards.mockRestore();
  });

  it('finds claims by rare terms, and sees packs imported after a first query', async () => {
    const db = newDb();
    await ensureSeedPack(db, SEED_PACK);
    const matcher = createDbMatcher(db, { stateOf: (id) => detector().gazetteer.stateOf(id) });
    const query = {
      text: 'Zorblatt quuxware implant.',
      stance: 'accusation' as const,
      accused: null,
      accuser: null,
    };
    expect(await matcher.counterStatements(query)).toEqual([]);
    const { importPack } = await import('@src/background/db/packs');
    await importPack(db, testPack(), { kind: 'file' });
    // Counts cached before the import hide the new claims until invalidated.
    matcher.invalidate();
    const found = await matcher.counterStatements(query);
    expect(found.map((c) => c.claim.key)).toContain('test-pack/zorblatt');
    expect(found.find((c) => c.claim.key === 'test-pack/zorblatt')?.why).toBe('similar statement');
  });

  it('gives the claims back as stored claims, with relations and incidents of the seed', async () => {
    const db = newDb();
    await ensureSeedPack(db, SEED_PACK);
    const matcher = createDbMatcher(db, { stateOf: (id) => detector().gazetteer.stateOf(id) });
    const found = await matcher.counterStatements(
      {
        text: 'China-backed APT31 sent tracking emails to IPAC lawmakers.',
        stance: 'accusation',
        accused: 'CN',
        accuser: null,
        action: 'phishing',
        pageUrl: ARTICLE,
      },
      5,
    );
    expect(found.length).toBe(5);
    const first = found[0];
    const original = seedClaim(first?.claim.id ?? '');
    expect({ ...first?.claim, terms: undefined }).toEqual({
      ...original,
      key: `${SEED_PACK_ID}/${original.id}`,
      packId: SEED_PACK_ID,
      terms: undefined,
    });
    expect(first?.claim.terms?.length).toBeGreaterThan(0);
    // The seed's IPAC incident, named by the allegation, is named in the reason.
    expect(found.some((c) => c.why.includes('same incident: APT31'))).toBe(true);
    expect(found.some((c) => c.why.includes('linked ('))).toBe(true);
  });
});
