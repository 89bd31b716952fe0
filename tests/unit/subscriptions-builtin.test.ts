/**
 * The seed pack as a built-in subscription (issue 11): installed and updated
 * through the subscriptions' decision and validation with the copy bundled in
 * the extension as its source — never fetched — listed first with its status
 * and last update, never unsubscribed; a newer bundled version replaces the
 * installed one, an older or foreign one is refused with the reason, and the
 * user's subscriptions are left as they were.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimPack } from '@core/pack/schema';
import { builtinSubscriptionUrl, decideUpdate, type Subscription } from '@core/pack/subscription';
import { CounterpointDB } from '@src/background/db/database';
import { importPack } from '@src/background/db/packs';
import { createLibrary } from '@src/background/library';
import { type SeedLike, seedSource } from '@src/background/seed';
import { createSubscriptions } from '@src/background/subscriptions';
import { SEED_PACK, SEED_PACK_ID } from '@src/data/seed-pack';
import { SEED_PACK_INPUT } from '@src/data/seed-pack/bundled';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SEED_URL = builtinSubscriptionUrl(SEED_PACK_ID);
const USER_URL = 'https://packs.example.org/newsroom.json';

/** The seed as a later release would ship it: a newer version with fewer statements. */
function nextSeed(version = SEED_PACK.version + 1, n = 10): ClaimPack {
  const claims = SEED_PACK.claims.slice(0, n);
  const kept = new Set(claims.map((c) => c.id));
  return {
    ...SEED_PACK,
    version,
    claims,
    relations: [],
    incidents: SEED_PACK.incidents.map(({ evidence, ...incident }) =>
      evidence === undefined
        ? incident
        : { ...incident, evidence: { ...evidence, claims: evidence.claims.filter((id) => kept.has(id)) } },
    ),
  };
}

/** A user's pack at USER_URL: the seed's first statements under another id. */
function userPack(version: number) {
  const claims = SEED_PACK.claims.slice(0, 25);
  const ids = new Set(claims.map((c) => c.id));
  return {
    ...SEED_PACK,
    id: 'newsroom',
    version,
    title: 'Newsroom',
    incidents: SEED_PACK.incidents
      .filter((i) => claims.some((c) => c.incident === i.id))
      .map(({ evidence: _, ...rest }) => rest),
    claims,
    relations: SEED_PACK.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

const open: CounterpointDB[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The background's wiring (src/background/index.ts) over a fresh database and an in-memory store. */
function worker(seed: SeedLike, db = newDb(), stored: { list: Subscription[] } = { list: [] }) {
  const source = seedSource(db, seed);
  const fetch = vi.fn(async (url: string) => {
    if (url !== USER_URL) throw new Error(`unexpected fetch of ${url}`);
    return new Response(JSON.stringify(userPack(1)), { status: 200 });
  });
  const writes = vi.fn();
  const warn = vi.fn();
  const library = createLibrary({
    db,
    resolver: { stateOf: () => undefined },
    seed,
    installSeed: () => subscriptions.ensureBuiltin(source.url),
    log: { warn, info: vi.fn() },
  });
  const subscriptions = createSubscriptions({
    builtins: [source],
    builtinsChecked: () => library.ready(),
    store: {
      get: async () => structuredClone(stored.list),
      set: async (next) => {
        writes(next);
        stored.list = structuredClone(next);
      },
    },
    fetch,
    installed: async () => (await library.listPacks()).map((p) => ({ ...p, claims: p.counts.claims })),
    install: (json, url) => library.importPack(json, { kind: 'url', url }),
    log: { warn },
  });
  return { db, library, subscriptions, fetch, writes, warn, stored };
}

function newDb() {
  const db = new CounterpointDB(`builtin-sub-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

describe('the decision for a built-in subscription', () => {
  const builtinSub = { url: SEED_URL, packId: SEED_PACK_ID, builtin: true };
  const installed = (version: number, kind: 'builtin' | 'file' | 'url' = 'builtin') => ({
    id: SEED_PACK_ID,
    version,
    claims: 111,
    source: kind === 'url' ? { kind, url: USER_URL } : { kind },
  });

  it('installs, keeps the same version, refuses an older one or a pack of that id from elsewhere', () => {
    const bundled = (version: number, claims = 111) => ({ id: SEED_PACK_ID, version, claims });
    expect(decideUpdate(builtinSub, bundled(3), undefined)).toEqual({ action: 'install' });
    expect(decideUpdate(builtinSub, bundled(3), installed(3))).toEqual({ action: 'unchanged' });
    expect(decideUpdate(builtinSub, bundled(4), installed(3))).toEqual({ action: 'install' });
    expect(decideUpdate(builtinSub, bundled(2), installed(3))).toEqual({
      action: 'refuse',
      reason: expect.stringMatching(/version 2 is older than the installed version 3/),
    });
    expect(decideUpdate(builtinSub, bundled(4), installed(3, 'file'))).toMatchObject({ action: 'refuse' });
    expect(decideUpdate(builtinSub, bundled(4), installed(3, 'url'))).toMatchObject({ action: 'refuse' });
    expect(decideUpdate(builtinSub, { ...bundled(4), id: 'other' }, installed(3))).toMatchObject({
      action: 'refuse',
    });
    // The bundled copy cannot be truncated in transit: a release may cut its pack down.
    expect(decideUpdate(builtinSub, bundled(4, 10), installed(3))).toEqual({ action: 'install' });
    // A network subscription still never touches the built-in pack.
    expect(decideUpdate({ url: USER_URL, packId: null }, bundled(4), installed(3))).toMatchObject({
      action: 'refuse',
    });
  });
});

describe('the seed pack as a built-in subscription', () => {
  it('is installed on the first start from the bundled copy, listed first with its status, never fetched', async () => {
    const w = worker(SEED_PACK);
    // Asked before anything else: the list waits for the first check rather than say "pending".
    const [sub] = await w.subscriptions.list();
    expect(sub).toMatchObject({
      url: SEED_URL,
      builtin: true,
      packId: SEED_PACK_ID,
      version: SEED_PACK.version,
      claims: SEED_PACK.claims.length,
      status: 'updated',
      error: null,
      etag: null,
    });
    expect(sub?.updatedAt).toEqual(sub?.checkedAt);
    expect(await w.db.packs.get(SEED_PACK_ID)).toMatchObject({
      version: SEED_PACK.version,
      source: { kind: 'builtin' },
    });
    expect(w.fetch).not.toHaveBeenCalled();
  });

  it('changes nothing on later starts, and writes nothing once it has said so', async () => {
    const first = worker(SEED_PACK);
    await first.library.ready();
    const installed = await first.db.packs.get(SEED_PACK_ID);
    const updatedAt = (await first.subscriptions.list())[0]?.updatedAt;
    const second = worker(SEED_PACK, first.db, first.stored);
    await second.library.ready();
    // "Installed" becomes "up to date", the last update unchanged.
    expect((await second.subscriptions.list())[0]).toMatchObject({
      status: 'unchanged',
      version: SEED_PACK.version,
      updatedAt,
    });
    expect(await second.db.packs.get(SEED_PACK_ID)).toEqual(installed);
    const third = worker(SEED_PACK, first.db, first.stored);
    await third.library.ready();
    expect(third.writes).not.toHaveBeenCalled();
    // "Update now" compares with the bundled copy again: nothing fetched, nothing changed.
    expect(await second.subscriptions.update(SEED_URL)).toMatchObject({
      ok: true,
      subscription: { status: 'unchanged', version: SEED_PACK.version },
    });
    expect(second.fetch).not.toHaveBeenCalled();
  });

  it('reads the bundled file and validates it only to install it, never on a start that finds the pack installed', async () => {
    // The worker's seed: the declared id and version, the file read on demand.
    const reads = vi.fn();
    const fromFile = (json: { id: string; version: number }, declared = json.version) => ({
      id: json.id,
      version: declared,
      load: async () => {
        reads();
        return json;
      },
    });
    const first = worker(fromFile(SEED_PACK_INPUT));
    await first.library.ready();
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await first.subscriptions.list())[0]).toMatchObject({ status: 'updated', claims: SEED_PACK.claims.length });
    const installed = await first.db.packs.get(SEED_PACK_ID);
    // A copy of the same version with a statement no validation would let through: not even read.
    const broken = (version: number) => ({
      ...SEED_PACK_INPUT,
      version,
      claims: [{ ...(SEED_PACK_INPUT.claims[0] as object), date: '2024-99-99' }, ...SEED_PACK_INPUT.claims.slice(1)],
    });
    reads.mockClear();
    const same = worker(fromFile(broken(SEED_PACK_INPUT.version)), first.db, first.stored);
    await same.library.ready();
    expect(reads).not.toHaveBeenCalled();
    expect((await same.subscriptions.list())[0]).toMatchObject({
      status: 'unchanged',
      error: null,
      claims: SEED_PACK.claims.length,
    });
    // A newer one is read and validated before anything changes: refused with the path, the installed copy kept.
    const newer = worker(fromFile(broken(SEED_PACK_INPUT.version + 1)), first.db, first.stored);
    await newer.library.ready();
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await newer.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/not a valid claim pack: .*claims\[0\]/),
    });
    expect(await newer.db.packs.get(SEED_PACK_ID)).toEqual(installed);
    // A file that is not the version the extension declares, or cannot be read: refused, nothing changed.
    const mismatch = worker(fromFile(SEED_PACK_INPUT, SEED_PACK_INPUT.version + 1), first.db, first.stored);
    await mismatch.library.ready();
    expect((await mismatch.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(
        /holds "counterpoint-seed" version 4, where the extension declares "counterpoint-seed" version 5/,
      ),
    });
    const unreadable = worker(
      {
        id: SEED_PACK_ID,
        version: SEED_PACK_INPUT.version + 1,
        load: () => Promise.reject(new Error('seed-pack.json: HTTP 404')),
      },
      first.db,
      first.stored,
    );
    await unreadable.library.ready();
    expect((await unreadable.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      error: 'could not read the bundled pack: seed-pack.json: HTTP 404',
    });
    expect(await unreadable.db.packs.get(SEED_PACK_ID)).toEqual(installed);
  });

  it("is not in the worker's script: no module of the background imports the pack, only its declared version", () => {
    const dir = join(__dirname, '../../src/background');
    const importers = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '@src\/data\/seed-pack(?:\/bundled|\/index)?'/.test(readFileSync(join(dir, f), 'utf8')));
    expect(importers).toEqual([]);
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toContain("from '@src/data/seed-pack/version'");
  });

  it('takes a newer bundled version on extension update; the user’s subscription and pack stay as they were', async () => {
    const before = worker(SEED_PACK);
    await before.library.ready();
    expect(await before.subscriptions.subscribe(USER_URL)).toMatchObject({ ok: true });
    const userSub = (await before.subscriptions.list()).find((s) => s.url === USER_URL);
    const userRow = await before.db.packs.get('newsroom');

    const next = nextSeed();
    const after = worker(next, before.db, before.stored);
    await after.library.ready();
    const list = await after.subscriptions.list();
    expect(list.map((s) => s.url)).toEqual([SEED_URL, USER_URL]);
    expect(list[0]).toMatchObject({ status: 'updated', version: next.version, claims: 10 });
    expect(list[1]).toEqual(userSub);
    expect(await after.db.packs.get('newsroom')).toEqual(userRow);
    expect(await after.db.packs.get(SEED_PACK_ID)).toMatchObject({ version: next.version });
    expect(after.fetch).not.toHaveBeenCalled();
  });

  it('keeps a newer installed version when an older build starts, and says why', async () => {
    const newer = worker(nextSeed());
    await newer.library.ready();
    const older = worker(SEED_PACK, newer.db, newer.stored);
    await older.library.ready();
    expect((await older.db.packs.get(SEED_PACK_ID))?.version).toBe(SEED_PACK.version + 1);
    expect((await older.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      version: SEED_PACK.version + 1,
      error: expect.stringMatching(/older than the installed version/),
    });
    expect(older.warn).toHaveBeenCalledWith(expect.stringContaining(SEED_URL));
  });

  it('refuses to replace a pack of the seed’s id installed from a file, leaving it installed', async () => {
    const db = newDb();
    await importPack(db, { ...SEED_PACK, title: 'Imposter' }, { kind: 'file' });
    const w = worker(SEED_PACK, db);
    await w.library.ready();
    expect(await db.packs.get(SEED_PACK_ID)).toMatchObject({ title: 'Imposter', source: { kind: 'file' } });
    expect((await w.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/installed from a file, not the extension/),
    });
  });

  it('reports an invalid bundled copy as an error, logged by the library, and installs nothing', async () => {
    const broken = { ...SEED_PACK, claims: [{ ...SEED_PACK.claims[0], date: 'yesterday' }] } as unknown as ClaimPack;
    const w = worker(broken);
    await w.library.ready();
    expect(await w.db.packs.get(SEED_PACK_ID)).toBeUndefined();
    expect((await w.subscriptions.list())[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/^not a valid claim pack: .*claims\[0\]\.date/),
    });
    expect(w.warn).toHaveBeenCalledWith(expect.stringContaining('seed pack install failed'), expect.anything());
  });

  it('cannot be unsubscribed, is never due on the alarm, and does not count towards the limit', async () => {
    const w = worker(SEED_PACK);
    await w.library.ready();
    expect(await w.subscriptions.unsubscribe(SEED_URL)).toBe(false);
    expect((await w.subscriptions.list()).map((s) => s.url)).toEqual([SEED_URL]);
    expect(await w.subscriptions.updateDue()).toBe(0);
    // Not an address anyone can subscribe to.
    expect(await w.subscriptions.subscribe(SEED_URL)).toMatchObject({ ok: false });
    expect(w.fetch).not.toHaveBeenCalled();
  });

  it('lets a first subscription wait for the seed install without a deadlock', async () => {
    // The user subscribes before anything asked for the seed: the check reads the installed packs,
    // which waits for the seed's built-in check, which must not queue behind the subscription.
    const w = worker(SEED_PACK);
    const result = await w.subscriptions.subscribe(USER_URL);
    expect(result).toMatchObject({ ok: true, subscription: { status: 'updated', packId: 'newsroom' } });
    expect((await w.subscriptions.list()).map((s) => [s.url, s.status])).toEqual([
      [SEED_URL, 'updated'],
      [USER_URL, 'updated'],
    ]);
  });
});
