/**
 * Subscriptions against a real HTTP server on 127.0.0.1 (Node's http module),
 * fetched with the real `fetch`, installed into a real database
 * (fake-indexeddb): the first fetch, a 304 to a conditional request, a changed
 * pack, an invalid update kept out, a server that never answers, and one that
 * would send 200 MB, refused at the 50 MB bound without reading the rest.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBSCRIPTION_LIMITS, type Subscription } from '@core/pack/subscription';
import { CounterpointDB } from '@src/background/db/database';
import { createLibrary, type Library } from '@src/background/library';
import { createSubscriptions, type SubscriptionDeps, type Subscriptions } from '@src/background/subscriptions';
import { SEED_PACK } from '@src/data/seed-pack';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A valid pack of the seed's first `n` statements under another id. */
function pack(id: string, version: number, n = 30) {
  const claims = SEED_PACK.claims.slice(0, n);
  const ids = new Set(claims.map((c) => c.id));
  return {
    ...SEED_PACK,
    id,
    version,
    title: `Pack ${id}`,
    incidents: SEED_PACK.incidents
      .filter((i) => claims.some((c) => c.incident === i.id))
      .map(({ evidence: _, ...rest }) => rest),
    claims,
    relations: SEED_PACK.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What each path answers, changed by the tests; every request is logged with its conditional headers. */
const routes = new Map<string, Handler>();
const requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string }> = [];
let server: Server;
let base: string;
let db: CounterpointDB;
let library: Library;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      path,
      ...(req.headers['if-none-match'] !== undefined ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers['if-modified-since'] !== undefined ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
    });
    const handler = routes.get(path);
    if (handler === undefined) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = new CounterpointDB(`subs-http-${Math.random().toString(36).slice(2)}`);
  library = createLibrary({ db, resolver: { stateOf: () => undefined }, seed: SEED_PACK, log: console });
  await library.ready();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.delete();
});

function subscriptions(limits?: SubscriptionDeps['limits']): Subscriptions {
  let list: Subscription[] = [];
  return createSubscriptions({
    store: {
      get: async () => structuredClone(list),
      set: async (next) => {
        list = structuredClone(next);
      },
    },
    fetch: (url, init) => fetch(url, init),
    installed: async () => (await library.listPacks()).map((p) => ({ ...p, claims: p.counts.claims })),
    install: (json, url) => library.importPack(json, { kind: 'url', url }),
    ...(limits !== undefined ? { limits } : {}),
    log: { warn: vi.fn() },
  });
}

/** Serves `body` with validators, answering 304 to a request that carries them. */
function serveJson(path: string, body: string, etag: string, lastModified: string) {
  routes.set(path, (req, res) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag, 'last-modified': lastModified }).end(body);
  });
}

const installedVersion = async (id: string) => (await db.packs.get(id))?.version;

describe('subscriptions over HTTP', () => {
  it('fetches at once, answers 304 to its conditional request, takes a changed pack, and keeps out an invalid one', async () => {
    const subs = subscriptions();
    const url = `${base}/newsroom.json`;
    const monday = 'Mon, 07 Dec 2026 08:00:00 GMT';
    serveJson('/newsroom.json', JSON.stringify(pack('http-newsroom', 1)), '"v1"', monday);

    // First fetch: no validators to send; the pack is installed and its validators kept.
    const first = await subs.subscribe(url);
    expect(first).toMatchObject({ ok: true, subscription: { status: 'updated', version: 1, etag: '"v1"' } });
    expect(first.ok && first.subscription.lastModified).toBe(monday);
    expect(requests.at(-1)).toEqual({ path: '/newsroom.json' });
    expect(await installedVersion('http-newsroom')).toBe(1);
    const installedAt = (await db.packs.get('http-newsroom'))?.installedAt;

    // Unchanged: the request is conditional, the server says 304, nothing is written.
    const second = await subs.update(url);
    expect(second).toMatchObject({ ok: true, subscription: { status: 'unchanged', version: 1 } });
    expect(requests.at(-1)).toEqual({ path: '/newsroom.json', ifNoneMatch: '"v1"', ifModifiedSince: monday });
    expect((await db.packs.get('http-newsroom'))?.installedAt).toBe(installedAt);

    // A changed pack replaces it, with the new validators.
    const tuesday = 'Tue, 08 Dec 2026 08:00:00 GMT';
    serveJson('/newsroom.json', JSON.stringify(pack('http-newsroom', 2, 32)), '"v2"', tuesday);
    const third = await subs.update(url);
    expect(third).toMatchObject({ ok: true, subscription: { status: 'updated', version: 2, etag: '"v2"' } });
    expect(await installedVersion('http-newsroom')).toBe(2);
    expect((await db.claims.where('packId').equals('http-newsroom').count()) > 0).toBe(true);

    // An invalid version 3 (a statement without a date): refused whole, version 2 stays, the reason is shown.
    const broken = pack('http-newsroom', 3, 32);
    const bad = { ...broken, claims: broken.claims.map((c, i) => (i === 5 ? { ...c, date: 'last week' } : c)) };
    serveJson('/newsroom.json', JSON.stringify(bad), '"v3"', 'Wed, 09 Dec 2026 08:00:00 GMT');
    const fourth = await subs.update(url);
    expect(fourth).toEqual({ ok: false, error: expect.stringMatching(/^not a valid claim pack: .*claims\[5\]\.date/) });
    expect(await installedVersion('http-newsroom')).toBe(2);
    const [listed] = await subs.list();
    expect(listed).toMatchObject({ status: 'error', version: 2, etag: '"v2"', error: fourth.ok ? '' : fourth.error });

    // Truncated in transit: not JSON, kept out the same way.
    routes.set('/newsroom.json', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(pack('http-newsroom', 4)).slice(0, 500));
    });
    expect(await subs.update(url)).toEqual({ ok: false, error: expect.stringMatching(/^the pack is not JSON/) });
    expect(await installedVersion('http-newsroom')).toBe(2);
  });

  it('gives up on a server that never answers, with a clear error, and changes nothing', async () => {
    const subs = subscriptions({ timeoutMs: 300 });
    const held: ServerResponse[] = [];
    // One accepts the request and says nothing; the other sends its headers and a little of the body, then stalls.
    routes.set('/silent.json', (_req, res) => void held.push(res));
    routes.set('/stalled.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"format": "counterpoint-claim-pack", ');
      held.push(res);
    });
    const packsBefore = await db.packs.toCollection().primaryKeys();
    for (const path of ['/silent.json', '/stalled.json']) {
      const started = performance.now();
      const result = await subs.subscribe(`${base}${path}`);
      const took = performance.now() - started;
      expect(result, path).toEqual({ ok: false, error: 'no answer within 0.3 s' });
      expect(took, path).toBeGreaterThanOrEqual(250);
      expect(took, path).toBeLessThan(5_000);
      const listed = (await subs.list()).find((s) => s.url === `${base}${path}`);
      expect(listed, path).toMatchObject({
        status: 'error',
        error: 'no answer within 0.3 s',
        packId: null,
        version: null,
      });
    }
    expect(await db.packs.toCollection().primaryKeys()).toEqual(packsBefore);
    for (const res of held) res.destroy();
  });

  it('refuses 200 MB at the 50 MB bound, and stops reading there', async () => {
    expect(SUBSCRIPTION_LIMITS.maxBytes).toBe(50 * 1024 * 1024);
    const subs = subscriptions();
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    let closedEarly = false;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    // Spaces (valid JSON whitespace) without a Content-Length: only counting what arrives can stop it.
    routes.set('/huge.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => {
        closedEarly = sent < total;
        done();
      });
      const pump = () => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (sent >= total) res.end();
      };
      pump();
    });
    const packsBefore = await db.packs.toCollection().primaryKeys();
    const result = await subs.subscribe(`${base}/huge.json`);
    expect(result).toEqual({
      ok: false,
      error: `the pack is more than the ${SUBSCRIPTION_LIMITS.maxBytes} bytes allowed`,
    });
    await finished;
    console.info(`200 MB stream: ${(sent / 1024 / 1024).toFixed(1)} MB sent before the connection closed`);
    expect(closedEarly).toBe(true);
    // The bound plus what the sockets held: far from the 200 MB the server would have sent.
    expect(sent).toBeGreaterThan(SUBSCRIPTION_LIMITS.maxBytes);
    expect(sent).toBeLessThan(SUBSCRIPTION_LIMITS.maxBytes + 16 * 1024 * 1024);
    expect(await db.packs.toCollection().primaryKeys()).toEqual(packsBefore);
  });

  it('refuses a declared 200 MB before reading any of it', async () => {
    const subs = subscriptions();
    let sent = 0;
    routes.set('/declared.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const result = await subs.subscribe(`${base}/declared.json`);
    expect(result).toEqual({
      ok: false,
      error: `the pack is ${200 * 1024 * 1024} bytes, more than the ${SUBSCRIPTION_LIMITS.maxBytes} allowed`,
    });
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});
